import type { Accelerator } from '../catalog/types.js';
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
  mfu: number;
  goodput: number;
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
  /** Facility power available in a month (W). */
  powerAt: (month: number) => number;
}

export interface Generation {
  id: string;
  accelerator: Accelerator;
  from: number;
  /** Last month bought (inclusive). */
  to: number;
  target?: number | undefined;
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
  accelerators: Accelerator[];
  /** Reference-model tokens/s per accelerator of each fleet entry (catalog-only, computed once). */
  tokensPerSecond: number[];
  /** What the reader should know about how the file was read (a chip served at a wider format). */
  notes: string[];
}
