import type { Catalog } from '../catalog/catalog.js';
import { type DatedSeries, seriesAt } from '../catalog/series.js';
import type { Accelerator } from '../catalog/types.js';
import { acceleratorSupply, packageSpec } from '../model/from-catalog.js';
import { lineOutputIndex, perUnitInputs } from '../model/supply.js';
import type { Distribution } from '../uncertainty/distributions.js';
import type { Generation, ValueOf, WorldPlan } from './inputs.js';
import type { Scenario } from './schema.js';

type UnitInputs = { cowosWafers: number; hbmStacks: number };

/** A vendor line: what it shipped in the last year of the history, and what each unit of that took. */
interface Line {
  base: number;
  baseInputs: UnitInputs | undefined;
  growth: Distribution | undefined;
  /** Per month after the history: what one unit of the line's current generation takes. */
  inputs: Array<UnitInputs | undefined>;
}

/** What one unit of an accelerator takes of CoWoS and HBM, when the catalog has its package. */
function unitInputs(catalog: Catalog, accelerator: Accelerator): UnitInputs | undefined {
  const found = acceleratorSupply(catalog.supply, accelerator);
  return 'pkg' in found ? perUnitInputs(packageSpec(found.pkg)) : undefined;
}

/** A capacity series averaged over a year's months. */
function yearAverage(series: DatedSeries, year: number): number {
  let sum = 0;
  for (let m = year * 12; m < year * 12 + 12; m++) sum += seriesAt(series, m);
  return sum / 12;
}

/**
 * The world's purchases month by month. Through the history every shipment row of the year
 * is bought, a twelfth a month. After it, each vendor line ships its current generation:
 * what it shipped in the history's last year, grown as CoWoS and HBM capacity grow (past the
 * catalog's last figures at the scenario's rates), times how many more of the new package
 * than of the old mix that capacity makes. A line given its own growth grows at that instead.
 * What does not depend on the uncertain rates is worked out once; `update` refills the
 * monthly supply per Monte Carlo sample.
 */
export class WorldSupply {
  readonly plan: WorldPlan;
  private readonly lines: Line[];
  private readonly historyYear: number;
  /** The capacities averaged over the history's last year: what growth is counted from. */
  private readonly cowosBase: number;
  private readonly hbmBase: number;
  /** Scratch: each capacity's growth since then, month by month, refilled per sample. */
  private readonly growth: { cowos: Float64Array; hbm: Float64Array };

  constructor(
    private readonly world: NonNullable<Scenario['world']>,
    generations: readonly Generation[],
    private readonly catalog: Catalog,
    private readonly start: number,
    end: number,
    historyYear: number,
  ) {
    this.historyYear = historyYear;
    const months = end - start + 1;
    this.cowosBase = yearAverage(catalog.supply.cowos.capacity, historyYear);
    this.hbmBase = yearAverage(catalog.supply.hbm.capacity, historyYear);
    this.growth = { cowos: new Float64Array(months), hbm: new Float64Array(months) };
    const historyEnd = historyYear * 12 + 11;
    const bought: Int32Array[] = [];
    this.lines = world.lines.map((line, l) => {
      const lastYear = generations.filter(
        (g) => g.shipped !== undefined && g.line === l && g.from === historyYear * 12,
      );
      const base = lastYear.reduce((sum, g) => sum + (g.shipped as number) * 12, 0);
      // The base mix's inputs per unit, weighted by units, over the rows whose package is known.
      let known = 0;
      const sum = { cowosWafers: 0, hbmStacks: 0 };
      for (const g of lastYear) {
        const inputs = unitInputs(catalog, g.accelerator);
        if (!inputs) continue;
        const units = (g.shipped as number) * 12;
        known += units;
        sum.cowosWafers += units * inputs.cowosWafers;
        sum.hbmStacks += units * inputs.hbmStacks;
      }
      const baseInputs =
        known > 0 ? { cowosWafers: sum.cowosWafers / known, hbmStacks: sum.hbmStacks / known } : undefined;
      return { base, baseInputs, growth: line.growth, inputs: new Array(months).fill(undefined) };
    });
    for (let i = 0; i < months; i++) {
      const month = start + i;
      const here: number[] = [];
      if (month <= historyEnd) {
        generations.forEach((g, k) => {
          if (g.shipped !== undefined && g.from <= month && month <= g.to) here.push(k);
        });
      } else {
        this.lines.forEach((line, l) => {
          // The line's latest generation whose window holds the month.
          let current = -1;
          generations.forEach((g, k) => {
            if (g.shipped === undefined && g.line === l && g.from <= month && month <= g.to) current = k;
          });
          if (current < 0) return;
          here.push(current);
          line.inputs[i] = unitInputs(catalog, (generations[current] as Generation).accelerator);
        });
      }
      bought.push(Int32Array.from(here));
    }
    this.plan = {
      historyEnd,
      bought,
      lineSupply: this.lines.map(() => new Float64Array(months)),
    };
  }

  /** Each line's units a month after the history, at this sample's growth rates. */
  update(pick: ValueOf): void {
    const { supply } = this.catalog;
    const packagingGrowth = pick(this.world.packaging_growth);
    const hbmGrowth = pick(this.world.hbm_growth);
    // Growth counts from the middle of the history's last year.
    const baseMonth = this.historyYear * 12 + 5.5;
    const months = this.plan.bought.length;
    // Each capacity's growth since the history, month by month: the same for every line.
    const { cowos, hbm } = this.growth;
    for (let i = 0; i < months; i++) {
      const month = this.start + i;
      if (month <= this.plan.historyEnd) continue;
      cowos[i] = seriesAt(supply.cowos.capacity, month, packagingGrowth) / this.cowosBase;
      hbm[i] = seriesAt(supply.hbm.capacity, month, hbmGrowth) / this.hbmBase;
    }
    const growth = { cowos: 0, hbm: 0 };
    this.lines.forEach((line, l) => {
      const out = this.plan.lineSupply[l] as Float64Array;
      const ownGrowth = line.growth ? pick(line.growth) : undefined;
      for (let i = 0; i < months; i++) {
        const month = this.start + i;
        if (month <= this.plan.historyEnd) {
          out[i] = 0;
          continue;
        }
        let index: number;
        if (ownGrowth !== undefined) index = (1 + ownGrowth) ** ((month - baseMonth) / 12);
        else {
          growth.cowos = cowos[i] as number;
          growth.hbm = hbm[i] as number;
          const now = line.inputs[i];
          // Without the packages of both the old mix and the new chip, units follow capacity.
          index =
            line.baseInputs && now
              ? lineOutputIndex(growth, line.baseInputs, now)
              : Math.min(growth.cowos, growth.hbm);
        }
        out[i] = (line.base / 12) * index;
      }
    });
  }
}
