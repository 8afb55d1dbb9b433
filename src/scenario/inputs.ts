import type { PowerSource } from '../catalog/power.js';
import type { Accelerator } from '../catalog/types.js';
import type { PowerOption } from '../model/power-supply.js';
import type { ScaleModel } from '../model/training-scale.js';
import type { Distribution } from '../uncertainty/distributions.js';
import type { UncertainInput } from '../uncertainty/sampler.js';
import type { Scenario } from './schema.js';

/** A scenario resolved to plain SI numbers and month indices: what the timeline runs on. */
export interface TimelineInputs {
  start: number;
  end: number;
  assumptions: TimelineAssumptions;
  capital?: CapitalPlan | undefined;
  sites?: SitePlan[] | undefined;
  generations: Generation[];
  /** Accelerators this program may buy in a month, from its share of global output; absent: unbounded. */
  supplyPerMonth?: ((month: number) => number) | undefined;
  /** The world's build-out: generations bought side by side, each line as much as it ships. */
  world?: WorldPlan | undefined;
}

/**
 * What a world scenario buys each month: through the history, every shipment row of the
 * year a twelfth a month, as shipped; after it, each vendor line's current generation, as
 * much as the line ships (power and capital may hold all of them back together).
 */
export interface WorldPlan {
  /** Last month of the history (installed as shipped). */
  historyEnd: number;
  /** Generations bought in each month of the span (index month - start), indices into `generations`. */
  bought: Int32Array[];
  /** Units each line ships each month of the span (index month - start). */
  lineSupply: Float64Array[];
}

export interface TimelineAssumptions {
  pue: number;
  electricityPrice: number;
  facilityCapexPerItWatt: number;
  hardwareLifetimeMonths: number;
  hardwareLifetime: number;
  facilityLifetime: number;
  costOfCapital: number;
  upkeep: number;
  loadFactor: number;
  /** MFU of the largest run up to 16,384 accelerators (model/training-scale.ts lowers it beyond). */
  mfu: number;
  /** Goodput of the largest run when the scenario fixes it; NaN: from interruptions at its size. */
  goodput: number;
  /** How utilization falls with the run's size (catalog assumptions). */
  scale: Omit<ScaleModel, 'baseMfu' | 'referenceCount' | 'siteEfficiency'>;
  trainingRun: number;
  servingUtilization: number;
}

export interface CapitalPlan {
  /** Capital released in each month (indexed from `start`). */
  releasedByMonth: (month: number) => number;
  perGw?: { amount: number; upTo: number } | undefined;
}

export interface SitePlan {
  name: string;
  /** Facility power delivered in a month (W), for a site that says what it gets. */
  powerAt?: ((month: number) => number) | undefined;
  /** How a site that brings its own power online gets it. */
  power?: SitePowerPlan | undefined;
}

/** A site's power brought online from a mix of sources, after lead times, within build capacity. */
export interface SitePowerPlan {
  options: PowerOption[];
  /** Share of the power from each option (adds up to 1); undefined: each as much as it can build. */
  mix: number[] | undefined;
  /** Power wanted by each month (W); undefined: as much as the accelerators bought need. */
  requestAt?: ((month: number) => number) | undefined;
  /** Month the power is ordered: lead times count from here. */
  ordered: number;
  /** Yearly growth of the world's build of each source. */
  growth: number;
  /** Month the build figures are for (growth counts from here). */
  since: number;
}

export interface Generation {
  id: string;
  accelerator: Accelerator;
  from: number;
  /** Last month bought (inclusive). */
  to: number;
  target?: number | undefined;
  /** Index of the vendor line (world scenarios; 0 otherwise). */
  line: number;
  /** Units a month of a shipment row (world history); undefined for a generation the scenario buys. */
  shipped?: number | undefined;
  /** Month the accelerator came out (January of its catalog year): trends count from here. */
  since: number;
  price: number;
  priceChange: number;
  flopsGrowth: number;
  itPower: number;
  peakBf16: number;
  /** H100-equivalents of one accelerator at its catalog FLOP/s (model/h100e.ts). */
  h100e: number;
  /** FP8 peak, or the BF16 peak for chips without FP8 (they run 8-bit work at 16-bit speed). */
  peakFp8: number;
  /** Output tokens per second per accelerator for the reference model, at full load. */
  tokensPerSecond: number;
}

/** A scenario file read, validated against the schema and the catalog: what a run starts from. */
export interface ParsedScenario {
  file: string;
  scenario: Scenario;
  /** The scenario's uncertain numbers, named by their path ("assumptions.pue"). */
  uncertain: UncertainInput[];
  /** "file:line:col" of a path in the scenario file, for errors found after validation. */
  locate: (path: ReadonlyArray<PropertyKey>) => string;
  /** The accelerator of each fleet entry, then of each shipment row of a world's history. */
  accelerators: Accelerator[];
  /** Reference-model tokens/s per accelerator of each of those (catalog-only, computed once). */
  tokensPerSecond: number[];
  /** A world's history: each shipment row bought (after the fleet entries in `accelerators`), and its line. */
  shipped: Array<{ year: number; units: number; line: number }>;
  /** Last year of a world's history. */
  historyYear?: number | undefined;
  /** Each site's power sources, in the order of its mix (none for a site with a delivered ramp). */
  powerSources: PowerSource[][];
  /** What the reader should know about how the file was read (a chip served at a wider format). */
  notes: string[];
}

/** Turns a number of the scenario file (maybe a distribution) into the value for this run. */
export type ValueOf = (d: Distribution) => number;
