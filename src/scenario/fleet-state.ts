import type { FieldSelection } from './fields.js';
import type { Generation } from './inputs.js';

/** One month's purchase of one generation: what each accelerator costs and performs. */
export interface Purchase {
  /** Index of the generation in the run's fleet. */
  generation: number;
  month: number;
  /** Watts each accelerator draws at the meter. */
  powerEach: number;
  /** Peak FLOP/s of this month's chips relative to the generation's catalog figure (its trend). */
  performance: number;
  price: number;
  /** Building, power and cooling capex per accelerator. */
  facilityCapex: number;
}

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

/** What a run's fleet counts by, fixed for the run. */
export interface FleetTerms {
  generations: readonly Generation[];
  sites: number;
  pue: number;
  /** Capital recovery factors of the hardware and of the building. */
  hardwareRecovery: number;
  facilityRecovery: number;
}

/** Which sums a fleet keeps: a Monte Carlo run keeps only those its recorded month fields need. */
export interface Tracking {
  kept: FieldSelection;
  byGeneration: boolean;
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
  private terms: FleetTerms = { generations: [], sites: 1, pue: 1, hardwareRecovery: 0, facilityRecovery: 0 };
  accelerators = 0;
  itPower = 0;
  peakBf16 = 0;
  peakFp8 = 0;
  h100e = 0;
  tokensPerSecond = 0;
  capexAlive = 0;
  annualizedCapex = 0;
  // Typed arrays: plain arrays of zeros start as integers and change kind on the first
  // fractional value, which costs a deoptimization in every run.
  byGeneration = new Float64Array(0);
  siteUse = new Float64Array(0);
  siteFlops = new Float64Array(0);
  siteCount = new Float64Array(0);

  private sums = sumsFor(undefined);

  /** Empty the fleet for a new run. */
  reset(terms: FleetTerms, tracking: Tracking): this {
    const current = this.sums.tracking;
    if (current?.kept !== tracking.kept || current.byGeneration !== tracking.byGeneration)
      this.sums = sumsFor(tracking);
    this.terms = terms;
    this.size = 0;
    this.oldest = 0;
    if (this.byGeneration.length !== terms.generations.length)
      this.byGeneration = new Float64Array(terms.generations.length);
    if (this.siteUse.length !== terms.sites) {
      this.siteUse = new Float64Array(terms.sites);
      this.siteFlops = new Float64Array(terms.sites);
      this.siteCount = new Float64Array(terms.sites);
    }
    this.clear();
    return this;
  }

  private clear(): void {
    this.accelerators = 0;
    this.itPower = 0;
    this.peakBf16 = 0;
    this.peakFp8 = 0;
    this.h100e = 0;
    this.tokensPerSecond = 0;
    this.capexAlive = 0;
    this.annualizedCapex = 0;
    // Plain loops: these arrays hold a handful of entries, where fill() costs more than it saves.
    zero(this.byGeneration);
    zero(this.siteUse);
    zero(this.siteFlops);
    zero(this.siteCount);
  }

  private apply(c: Cohort, sign: 1 | -1): void {
    const { generations, pue, hardwareRecovery, facilityRecovery } = this.terms;
    const gen = generations[c.generation] as Generation;
    const n = sign * c.count;
    const t = this.sums;
    // Power is always kept: it decides what fits. The rest only when recorded.
    this.itPower += n * gen.itPower;
    this.siteUse[c.site] = (this.siteUse[c.site] as number) + n * gen.itPower * pue;
    if (t.accelerators) this.accelerators += n;
    if (t.peakBf16) this.peakBf16 += n * gen.peakBf16 * c.performance;
    if (t.peakFp8) this.peakFp8 += n * gen.peakFp8 * c.performance;
    if (t.h100e) this.h100e += n * gen.h100e * c.performance;
    if (t.tokens) this.tokensPerSecond += n * gen.tokensPerSecond * c.performance;
    if (t.capexAlive) this.capexAlive += sign * (c.acceleratorCapex + c.facilityCapex);
    if (t.annualizedCapex)
      this.annualizedCapex +=
        sign * (c.acceleratorCapex * hardwareRecovery + c.facilityCapex * facilityRecovery);
    if (t.byGeneration) this.byGeneration[c.generation] = (this.byGeneration[c.generation] as number) + n;
    if (t.siteFlops) {
      this.siteFlops[c.site] = (this.siteFlops[c.site] as number) + n * gen.peakBf16 * c.performance;
      this.siteCount[c.site] = (this.siteCount[c.site] as number) + n;
    }
  }

  /** Install `count` accelerators of a purchase at `site`. */
  add(p: Purchase, site: number, count: number): void {
    let c = this.cohorts[this.size];
    const acceleratorCapex = count * p.price;
    const facilityCapex = count * p.facilityCapex;
    if (c) {
      c.generation = p.generation;
      c.site = site;
      c.count = count;
      c.month = p.month;
      c.performance = p.performance;
      c.acceleratorCapex = acceleratorCapex;
      c.facilityCapex = facilityCapex;
    } else {
      c = {
        generation: p.generation,
        site,
        count,
        month: p.month,
        performance: p.performance,
        acceleratorCapex,
        facilityCapex,
      };
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

  /** The site with the most peak BF16 FLOP/s (the first of equals). */
  largestSite(): number {
    let largest = 0;
    for (let s = 1; s < this.siteFlops.length; s++)
      if ((this.siteFlops[s] as number) > (this.siteFlops[largest] as number)) largest = s;
    return largest;
  }

  /** Installed accelerators by generation id (generations may share an id). */
  countsById(): Record<string, number> {
    const out: Record<string, number> = {};
    this.terms.generations.forEach((g, i) => {
      const n = this.byGeneration[i] as number;
      if (n !== 0 || out[g.id] === undefined) out[g.id] = (out[g.id] ?? 0) + n;
    });
    for (const [id, n] of Object.entries(out)) if (n === 0) delete out[id];
    return out;
  }
}

/** The sums a fleet keeps for the month fields recorded (and counts by generation, if asked); all without a tracking. */
function sumsFor(tracking: Tracking | undefined) {
  const r = tracking?.kept;
  const all = r === undefined;
  return {
    tracking,
    accelerators: all || r.accelerators,
    peakBf16: all || r.peakBf16,
    peakFp8: all || r.peakFp8,
    h100e: all || r.h100e,
    tokens: all || r.tokensPerYear,
    capexAlive: all || r.opex || r.revenueNeeded,
    annualizedCapex: all || r.revenueNeeded,
    siteFlops: all || r.largestTrainingRun,
    byGeneration: tracking === undefined || tracking.byGeneration,
  };
}

function zero(values: Float64Array): void {
  for (let i = 0; i < values.length; i++) values[i] = 0;
}
