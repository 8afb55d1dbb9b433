import { capitalRecoveryFactor } from '../model/finance.js';
import { CODE } from './constraints.js';
import { ALL_FIELDS, type FieldSelection } from './fields.js';
import { FleetState, type Purchase } from './fleet-state.js';
import type { TimelineAssumptions, TimelineInputs } from './inputs.js';
import type { MonthSeries } from './month-series.js';
import { PowerDelivery } from './power-delivery.js';

export interface TimelineOptions {
  /** Also record installed accelerators by generation, month by month. */
  byGeneration?: boolean;
  /** Scratch space kept across runs (Monte Carlo), so a run allocates next to nothing. */
  workspace?: TimelineWorkspace;
  /** The month fields to keep (default all). */
  kept?: FieldSelection;
}

/**
 * A run's state: what carries from month to month (the fleet, capital spent) and this
 * month's figures as the phases work them out. Kept by a workspace and reset per run.
 */
export interface TimelineRun {
  inputs: TimelineInputs;
  a: TimelineAssumptions;
  series: MonthSeries;
  kept: FieldSelection;
  byGeneration: boolean;
  fleet: FleetState;
  /** Accelerators bought of each generation so far (for plans with targets). */
  installedByGeneration: Float64Array;
  /** Each site's spare facility power this month (W). */
  siteSpare: Float64Array;
  /** Each bought generation's units this month (world scratch). */
  worldSupply: Float64Array;
  /** Site indices, sorted by spare power for each month's placement. */
  order: number[];
  spent: number;
  /** What a world's history spent: its capital plan pays for what comes after. */
  spentInHistory: number;
  released: number;
  /** Facility power ever deployed (W): what per-GW capital is released against. */
  deployedPowerEver: number;
  /** Power brought online by the sites that bring their own. */
  delivery: PowerDelivery;
  hasPowerSites: boolean;
  /** Which part of power held purchases back this month (a constraint code). */
  powerPart: number;
  /** This month: the sites' power (NaN without sites), capital released so far, what is bought and what bound. */
  powerAvailable: number;
  /** Power the sites asked for: their requests (or ramps, or what their accelerators drew). */
  powerRequested: number;
  capitalAvailable: number;
  installs: number;
  /** H100-equivalents of this month's installs, and what the month spent (power plants included). */
  h100eAdded: number;
  /** Facility power of this month's installs (W): gross, before retirements. */
  powerInstalled: number;
  capex: number;
  powerCapex: number;
  binding: number;
  /** This month's purchase, one scratch object the placement shares. */
  purchase: Purchase;
  /** One accelerator's price, draw and building cost, as the budget formula takes them (scratch). */
  each: { pricePerAccelerator: number; itPowerPerAccelerator: number; facilityCapexPerItWatt: number };
}

/** Scratch space for runs, kept by Monte Carlo so the sample loop allocates next to nothing. */
export class TimelineWorkspace {
  private readonly run: TimelineRun = {
    inputs: undefined as unknown as TimelineInputs,
    a: undefined as unknown as TimelineAssumptions,
    series: undefined as unknown as MonthSeries,
    kept: ALL_FIELDS,
    byGeneration: false,
    fleet: new FleetState(),
    installedByGeneration: new Float64Array(0),
    siteSpare: new Float64Array(0),
    worldSupply: new Float64Array(0),
    order: [],
    spent: 0,
    spentInHistory: 0,
    released: 0,
    deployedPowerEver: 0,
    powerAvailable: 0,
    capitalAvailable: 0,
    delivery: new PowerDelivery(),
    hasPowerSites: false,
    powerPart: CODE.power,
    powerRequested: 0,
    installs: 0,
    h100eAdded: 0,
    powerInstalled: 0,
    capex: 0,
    powerCapex: 0,
    binding: CODE.none,
    purchase: { generation: 0, month: 0, powerEach: 0, performance: 0, price: 0, facilityCapex: 0 },
    each: { pricePerAccelerator: 0, itPowerPerAccelerator: 0, facilityCapexPerItWatt: 0 },
  };
  // The last rate and lifetime of each recovery factor and its value: two exp/log pairs a
  // run that most Monte Carlo samples share with the sample before.
  private readonly recoveryInputs = new Float64Array(4).fill(Number.NaN);
  private readonly recoveryValues = new Float64Array(2);

  /** capitalRecoveryFactor(rate, lifetime), remembered in `slot` (0 hardware, 1 facility). */
  private recovery(slot: 0 | 1, rate: number, lifetime: number): number {
    const inputs = this.recoveryInputs;
    if (inputs[2 * slot] !== rate || inputs[2 * slot + 1] !== lifetime) {
      inputs[2 * slot] = rate;
      inputs[2 * slot + 1] = lifetime;
      this.recoveryValues[slot] = capitalRecoveryFactor(rate, lifetime);
    }
    return this.recoveryValues[slot] as number;
  }

  /** The run's state, emptied for a new run of `inputs` into `series`. */
  begin(inputs: TimelineInputs, series: MonthSeries, options: TimelineOptions): TimelineRun {
    const run = this.run;
    const a = inputs.assumptions;
    const generations = inputs.generations.length;
    const sites = inputs.sites?.length ?? 0;
    run.inputs = inputs;
    run.a = a;
    run.series = series;
    run.kept = options.kept ?? ALL_FIELDS;
    run.byGeneration = options.byGeneration ?? false;
    if (run.installedByGeneration.length !== generations)
      run.installedByGeneration = new Float64Array(generations);
    else run.installedByGeneration.fill(0);
    if (run.siteSpare.length !== sites) {
      run.siteSpare = new Float64Array(sites);
      run.order = Array.from({ length: Math.max(1, sites) }, (_, i) => i);
    }
    run.fleet.reset(
      {
        generations: inputs.generations,
        sites: Math.max(1, sites),
        pue: a.pue,
        hardwareRecovery: this.recovery(0, a.costOfCapital, a.hardwareLifetime),
        facilityRecovery: this.recovery(1, a.costOfCapital, a.facilityLifetime),
      },
      { kept: run.kept, byGeneration: run.byGeneration },
    );
    run.spent = 0;
    run.spentInHistory = 0;
    run.released = 0;
    run.deployedPowerEver = 0;
    run.delivery.reset(inputs.sites);
    run.hasPowerSites = inputs.sites?.some((site) => site.power) ?? false;
    return run;
  }
}
