import type { Generation } from './inputs.js';
import { RECORD_ALL, type Recording } from './month-series.js';

/** Accelerators bought in one month at one site. */
export interface Cohort {
  generation: number;
  site: number;
  count: number;
  month: number;
  performance: number;
  acceleratorCapex: number;
  facilityCapex: number;
}

/**
 * The installed fleet and its running totals. Cohorts arrive in month order and retire in
 * the same order, so both ends are O(1) and each month's state needs no pass over the
 * fleet.
 */
export class FleetState {
  // Cohort objects are kept and overwritten across runs (Monte Carlo reuses one fleet for
  // every sample), so a run allocates none after the first.
  private readonly cohorts: Cohort[] = [];
  private size = 0;
  private oldest = 0;
  private generations: readonly Generation[] = [];
  private pue = 1;
  private hardwareRecovery = 0;
  private facilityRecovery = 0;
  accelerators = 0;
  itPower = 0;
  peakBf16 = 0;
  peakFp8 = 0;
  tokensPerSecond = 0;
  capexAlive = 0;
  annualizedCapex = 0;
  // Typed arrays: plain arrays of zeros start as integers and change kind on the first
  // fractional value, which costs a deoptimization in every run.
  byGeneration = new Float64Array(0);
  siteUse = new Float64Array(0);
  siteFlops = new Float64Array(0);

  /** Which sums to keep: a Monte Carlo run keeps only those its recorded month fields need. */
  private track = trackingFor(RECORD_ALL, true);

  /** Empty the fleet for a new run. */
  reset(
    generations: readonly Generation[],
    siteCount: number,
    pue: number,
    hardwareRecovery: number,
    facilityRecovery: number,
    record: Recording = RECORD_ALL,
    byGeneration = true,
  ): this {
    if (this.track.record !== record || this.track.byGeneration !== byGeneration)
      this.track = trackingFor(record, byGeneration);
    this.generations = generations;
    this.pue = pue;
    this.hardwareRecovery = hardwareRecovery;
    this.facilityRecovery = facilityRecovery;
    this.size = 0;
    this.oldest = 0;
    if (this.byGeneration.length !== generations.length)
      this.byGeneration = new Float64Array(generations.length);
    if (this.siteUse.length !== siteCount) {
      this.siteUse = new Float64Array(siteCount);
      this.siteFlops = new Float64Array(siteCount);
    }
    this.clear();
    return this;
  }

  private clear(): void {
    this.accelerators = 0;
    this.itPower = 0;
    this.peakBf16 = 0;
    this.peakFp8 = 0;
    this.tokensPerSecond = 0;
    this.capexAlive = 0;
    this.annualizedCapex = 0;
    // Plain loops: these arrays hold a handful of entries, where fill() costs more than it saves.
    zero(this.byGeneration);
    zero(this.siteUse);
    zero(this.siteFlops);
  }

  private apply(c: Cohort, sign: 1 | -1): void {
    const gen = this.generations[c.generation] as Generation;
    const n = sign * c.count;
    const t = this.track;
    // Power is always kept: it decides what fits. The rest only when recorded.
    this.itPower += n * gen.itPower;
    this.siteUse[c.site] = (this.siteUse[c.site] as number) + n * gen.itPower * this.pue;
    if (t.accelerators) this.accelerators += n;
    if (t.peakBf16) this.peakBf16 += n * gen.peakBf16 * c.performance;
    if (t.peakFp8) this.peakFp8 += n * gen.peakFp8 * c.performance;
    if (t.tokens) this.tokensPerSecond += n * gen.tokensPerSecond * c.performance;
    if (t.capexAlive) this.capexAlive += sign * (c.acceleratorCapex + c.facilityCapex);
    if (t.annualizedCapex)
      this.annualizedCapex +=
        sign * (c.acceleratorCapex * this.hardwareRecovery + c.facilityCapex * this.facilityRecovery);
    if (t.byGeneration) this.byGeneration[c.generation] = (this.byGeneration[c.generation] as number) + n;
    if (t.siteFlops)
      this.siteFlops[c.site] = (this.siteFlops[c.site] as number) + n * gen.peakBf16 * c.performance;
  }

  add(
    generation: number,
    site: number,
    count: number,
    month: number,
    performance: number,
    acceleratorCapex: number,
    facilityCapex: number,
  ): void {
    let c = this.cohorts[this.size];
    if (c) {
      c.generation = generation;
      c.site = site;
      c.count = count;
      c.month = month;
      c.performance = performance;
      c.acceleratorCapex = acceleratorCapex;
      c.facilityCapex = facilityCapex;
    } else {
      c = { generation, site, count, month, performance, acceleratorCapex, facilityCapex };
      this.cohorts.push(c);
    }
    this.size++;
    this.apply(c, 1);
  }

  /** Retire every cohort bought `lifetimeMonths` or more before `month`. */
  retire(month: number, lifetimeMonths: number): void {
    const before = this.oldest;
    while (this.oldest < this.size && month - (this.cohorts[this.oldest] as Cohort).month >= lifetimeMonths) {
      this.apply(this.cohorts[this.oldest] as Cohort, -1);
      this.oldest++;
    }
    // When the last cohort goes, reset the sums so rounding from additions and removals cannot linger.
    if (this.oldest > before && this.oldest === this.size) this.clear();
  }

  /** Installed accelerators by generation id (generations may share an id). */
  countsById(): Record<string, number> {
    const out: Record<string, number> = {};
    this.generations.forEach((g, i) => {
      const n = this.byGeneration[i] as number;
      if (n !== 0 || out[g.id] === undefined) out[g.id] = (out[g.id] ?? 0) + n;
    });
    for (const [id, n] of Object.entries(out)) if (n === 0) delete out[id];
    return out;
  }
}

/** The sums a fleet keeps for the month fields recorded (and counts by generation, if asked). */
function trackingFor(record: Recording, byGeneration: boolean) {
  return {
    record,
    byGeneration,
    accelerators: record.accelerators,
    peakBf16: record.peakBf16,
    peakFp8: record.peakFp8,
    tokens: record.tokensPerYear,
    capexAlive: record.opex || record.revenueNeeded,
    annualizedCapex: record.revenueNeeded,
    siteFlops: record.largestTrainingRun,
  };
}

function zero(values: Float64Array): void {
  for (let i = 0; i < values.length; i++) values[i] = 0;
}
