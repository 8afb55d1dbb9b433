import { InputError, unknownId } from '../errors.js';
import type { Assumptions } from './assumptions.js';
import type { FrontierCatalog } from './frontier.js';
import type { PowerCatalog, PowerSource } from './power.js';
import type { ShipmentsCatalog } from './shipments.js';
import type { SupplyCatalog } from './supply.js';
import type { Accelerator, EdgeDevice, LanguageModel } from './types.js';
import type { WorldBaseline } from './world.js';
import type { Yardsticks } from './yardsticks.js';

/** The data files' contents, validated: what a catalog is built from (and what the build caches). */
export interface CatalogParts {
  accelerators: Accelerator[];
  models: LanguageModel[];
  assumptions: Assumptions;
  devices: EdgeDevice[];
  supply: SupplyCatalog;
  shipments: ShipmentsCatalog;
  power: PowerCatalog;
  frontier: FrontierCatalog;
  yardsticks: Yardsticks;
  /** The world scenario at its medians; absent when it could not be run (see `worldProblem`). */
  world?: WorldBaseline | undefined;
  /** Why there is no world baseline. */
  worldProblem?: string | undefined;
}

export interface CatalogFiles {
  accelerators: string;
  models: string;
  devices: string;
}

interface Named {
  id: string;
  aliases: string[];
}

function index<T extends Named>(kind: string, file: string, entries: T[]): Map<string, T> {
  const byName = new Map<string, T>();
  for (const entry of entries) {
    for (const name of [entry.id, ...entry.aliases]) {
      const clash = byName.get(name);
      if (clash)
        throw new InputError(
          `${file}: ${kind} name '${name}' is used by both '${clash.id}' and '${entry.id}'`,
        );
      byName.set(name, entry);
    }
  }
  return byName;
}

/**
 * The typed, validated catalog, built from records already checked against the data
 * files' schemas (catalog/parse.ts does that, at build time for the shipped data).
 */
export class Catalog {
  private readonly acceleratorNames: Map<string, Accelerator>;
  private readonly modelNames: Map<string, LanguageModel>;
  private readonly deviceNames: Map<string, EdgeDevice>;

  readonly accelerators: readonly Accelerator[];
  readonly models: readonly LanguageModel[];
  readonly assumptions: Assumptions;
  readonly devices: readonly EdgeDevice[];
  readonly supply: SupplyCatalog;
  readonly shipments: ShipmentsCatalog;
  readonly power: PowerCatalog;
  readonly frontier: FrontierCatalog;
  readonly yardsticks: Yardsticks;
  readonly world: WorldBaseline | undefined;
  readonly worldProblem: string | undefined;

  constructor(
    parts: CatalogParts,
    private readonly files: CatalogFiles = {
      accelerators: 'accelerators',
      models: 'models',
      devices: 'devices',
    },
  ) {
    const { accelerators, models, devices, supply } = parts;
    this.accelerators = accelerators;
    this.models = models;
    this.assumptions = parts.assumptions;
    this.devices = devices;
    this.supply = supply;
    this.shipments = parts.shipments;
    this.power = parts.power;
    this.frontier = parts.frontier;
    this.yardsticks = parts.yardsticks;
    this.world = parts.world;
    this.worldProblem = parts.worldProblem;
    this.acceleratorNames = index('accelerator', files.accelerators, [...accelerators]);
    this.modelNames = index('model', files.models, [...models]);
    this.deviceNames = index('device', files.devices, [...devices]);
    for (const id of Object.keys(supply.packaging)) {
      if (!this.acceleratorNames.has(id))
        throw new InputError(`data/supply.yaml: packaging names ${unknownAccelerator(this, id)}`);
    }
    for (const run of parts.frontier.runs) {
      if (run.accelerator && !this.acceleratorNames.has(run.accelerator))
        throw new InputError(
          `data/frontier.yaml: run '${run.id}' names ${unknownAccelerator(this, run.accelerator)}`,
        );
    }
    for (const { accelerator } of parts.yardsticks.rental) {
      if (!this.acceleratorNames.has(accelerator))
        throw new InputError(`data/yardsticks.yaml: rental names ${unknownAccelerator(this, accelerator)}`);
    }
    for (const model of models) {
      const hardware = model.trainingHardware?.accelerator;
      if (hardware && !this.acceleratorNames.has(hardware)) {
        throw new InputError(
          `${files.models}: model '${model.id}' names ${unknownAccelerator(this, hardware)}`,
        );
      }
    }
  }

  accelerator(name: string): Accelerator {
    const found = this.acceleratorNames.get(name.trim().toLowerCase());
    if (!found) throw new InputError(unknownAccelerator(this, name));
    return found;
  }

  model(name: string): LanguageModel {
    const found = this.modelNames.get(name.trim().toLowerCase());
    if (!found) {
      throw new InputError(
        unknownId('model', name, [...this.modelNames.keys()], this.canonical(this.modelNames)),
      );
    }
    return found;
  }

  device(name: string): EdgeDevice {
    const found = this.deviceNames.get(name.trim().toLowerCase());
    if (!found) {
      throw new InputError(
        unknownId('device', name, [...this.deviceNames.keys()], this.canonical(this.deviceNames)),
      );
    }
    return found;
  }

  powerSource(name: string): PowerSource {
    const id = name.trim().toLowerCase();
    const found = this.power.powerSources.find((s) => s.id === id);
    if (!found) {
      const ids = this.power.powerSources.map((s) => s.id);
      throw new InputError(unknownId('power source', name, ids));
    }
    return found;
  }

  /** The world baseline, or an error saying why a scenario that needs it cannot have it. */
  worldBaseline(): WorldBaseline {
    if (!this.world)
      throw new InputError(
        `the world baseline (scenarios/world.yaml) is unavailable: ${this.worldProblem ?? 'not loaded'}`,
      );
    return this.world;
  }

  /** This catalog with a world baseline (or the reason it has none). */
  withWorld(world: WorldBaseline | undefined, problem?: string): Catalog {
    return new Catalog({ ...this.parts(), world, worldProblem: problem }, this.files);
  }

  /** The data the catalog was built from (what the build caches). */
  parts(): CatalogParts {
    return {
      accelerators: [...this.accelerators],
      models: [...this.models],
      assumptions: this.assumptions,
      devices: [...this.devices],
      supply: this.supply,
      shipments: this.shipments,
      power: this.power,
      frontier: this.frontier,
      yardsticks: this.yardsticks,
      world: this.world,
      worldProblem: this.worldProblem,
    };
  }

  hasDevice(name: string): boolean {
    return this.deviceNames.has(name.trim().toLowerCase());
  }

  hasAccelerator(name: string): boolean {
    return this.acceleratorNames.has(name.trim().toLowerCase());
  }

  /** For each name in a map, the id it resolves to: suggestions show canonical ids. */
  canonical<T extends Named>(names: Map<string, T>): string[] {
    return [...names.values()].map((e) => e.id);
  }

  acceleratorNameList(): { names: string[]; ids: string[] } {
    return { names: [...this.acceleratorNames.keys()], ids: this.canonical(this.acceleratorNames) };
  }
}

function unknownAccelerator(catalog: Catalog, name: string): string {
  const { names, ids } = catalog.acceleratorNameList();
  return unknownId('accelerator', name, names, ids);
}
