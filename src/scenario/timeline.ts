import { capitalRecoveryFactor } from '../model/finance.js';
import { SECONDS_PER_MONTH, SECONDS_PER_YEAR } from '../units/dimensions.js';
import { FleetState } from './fleet-state.js';
import type { Generation, SitePlan, TimelineInputs } from './inputs.js';
import {
  CAPITAL,
  MonthSeries,
  NONE,
  PLAN,
  POWER,
  RECORD_ALL,
  type Recording,
  SUPPLY,
} from './month-series.js';

/**
 * The monthly build-out. Each month:
 *   power available (site ramps)      → accelerators power allows
 *   capital available (programs)      → accelerators money allows
 *   supply available (share of output) → accelerators supply allows
 *   installs = the least of them (and of the plan's target); that one binds.
 * Cohorts retire after their lifetime and free their power; energy and opex accrue.
 * Pure: numbers in, a monthly series out.
 */

export type Constraint = 'power' | 'capital' | 'supply' | 'plan' | 'none';

export interface MonthState {
  month: number;
  powerAvailable: number;
  /** Facility power drawn at peak by the installed fleet (IT × PUE). */
  powerUsed: number;
  installs: number;
  accelerators: number;
  /** Installed accelerators by generation id. */
  byGeneration: Record<string, number>;
  peakBf16: number;
  peakFp8: number;
  cumulativeCapex: number;
  capitalAvailable: number;
  /** Energy used in this month (J). */
  energy: number;
  /** Opex in this month (USD). */
  opex: number;
  /** Inference output tokens per year at this month's fleet (reference model, at the utilization). */
  tokensPerYear: number;
  /** Revenue per year that pays back the alive fleet's capex over its lifetimes, plus opex. */
  revenueNeeded: number;
  /** FLOP of the largest training run one site can do in the run length. */
  largestTrainingRun: number;
  binding: Constraint;
}

function generationAt(gens: readonly Generation[], month: number): number {
  for (let i = gens.length - 1; i >= 0; i--) {
    const g = gens[i] as Generation;
    if (g.from <= month && month <= g.to) return i;
  }
  return -1;
}

const yearsSince = (month: number, from: number) => Math.max(0, month - from) / 12;

/**
 * (1 + rate) ** years since `from`, remembered per rate: a power costs ~70 ns and a run
 * needs two a month, while most rates are the same fixed number in every sample. The
 * cached value is the same expression, so results do not change. Rates drawn afresh per
 * sample fill the cache up to its cap and are then computed directly.
 */
const trendCache = new Map<number, Float64Array>();
const TREND_RATES = 256;
const TREND_MONTHS = 1200;

function trend(rate: number, month: number, from: number): number {
  // Small enough for the engine to inline into the month loop; the table lookup is not.
  return rate === 0 ? 1 : rememberedTrend(rate, month, from);
}

function rememberedTrend(rate: number, month: number, from: number): number {
  const offset = Math.max(0, month - from);
  if (offset >= TREND_MONTHS) return (1 + rate) ** yearsSince(month, from);
  let table = trendCache.get(rate);
  if (!table) {
    if (trendCache.size >= TREND_RATES) return (1 + rate) ** yearsSince(month, from);
    table = new Float64Array(TREND_MONTHS).fill(Number.NaN);
    trendCache.set(rate, table);
  }
  let factor = table[offset] as number;
  if (Number.isNaN(factor)) {
    factor = (1 + rate) ** yearsSince(month, from);
    table[offset] = factor;
  }
  return factor;
}

/** The monthly build-out as columns, with counts by generation. */
export function timelineSeries(inputs: TimelineInputs): MonthSeries {
  const series = new MonthSeries(inputs.start, inputs.end - inputs.start + 1);
  runTimelineInto(inputs, series, { byGeneration: true });
  return series;
}

/** The monthly build-out as month objects. */
export function runTimeline(inputs: TimelineInputs): MonthState[] {
  return timelineSeries(inputs).toMonthStates();
}

/**
 * The monthly build-out written into `series` (reused across Monte Carlo samples, so a
 * run allocates almost nothing). `byGeneration` also records counts by generation.
 */
export function runTimelineInto(
  inputs: TimelineInputs,
  series: MonthSeries,
  options: { byGeneration?: boolean; workspace?: TimelineWorkspace; record?: Recording } = {},
): void {
  const record = options.record ?? RECORD_ALL;
  const a = inputs.assumptions;
  const gens = inputs.generations;
  const sites = inputs.sites ?? [];
  const work = (options.workspace ?? new TimelineWorkspace()).reset(gens.length, sites.length);
  const { installedByGeneration, siteSpare, order } = work;
  const fleet = work.fleet.reset(
    gens,
    Math.max(1, sites.length),
    a.pue,
    work.recovery(0, a.costOfCapital, a.hardwareLifetime),
    work.recovery(1, a.costOfCapital, a.facilityLifetime),
    record,
    options.byGeneration ?? false,
  );
  let spent = 0;
  let released = 0;
  let deployedPowerEver = 0;

  for (let month = inputs.start; month <= inputs.end; month++) {
    // Retire what has served its lifetime; its power goes back to the site.
    fleet.retire(month, a.hardwareLifetimeMonths);
    let powerAvailable = 0;
    for (let i = 0; i < sites.length; i++) {
      const power = (sites[i] as SitePlan).powerAt(month);
      powerAvailable += power;
      siteSpare[i] = Math.max(0, power - (fleet.siteUse[i] ?? 0));
    }

    released += inputs.capital?.releasedByMonth(month) ?? 0;
    const perGw = inputs.capital?.perGw;
    const perGwReleased = perGw ? Math.min(perGw.upTo, (perGw.amount * deployedPowerEver) / 1e9) : 0;
    const capitalAvailable = released + perGwReleased;

    const g = generationAt(gens, month);
    let installs = 0;
    // Codes as stored in the series (month-series CONSTRAINTS): 0 none, 1 power, 2 capital, 3 supply, 4 plan.
    let binding: number = NONE;
    if (g >= 0) {
      const gen = gens[g] as Generation;
      const price = gen.price * trend(gen.priceChange, month, gen.since);
      const facilityCapex = gen.itPower * a.facilityCapexPerItWatt;
      // The tightest limit binds; on a tie the first checked (power, capital, supply, plan) wins.
      let limit = Number.POSITIVE_INFINITY;
      if (inputs.sites) {
        let spare = 0;
        for (let i = 0; i < siteSpare.length; i++) spare += siteSpare[i] as number;
        limit = spare / (gen.itPower * a.pue);
        binding = POWER;
      }
      if (inputs.capital) {
        const affordable = Math.max(0, capitalAvailable - spent) / (price + facilityCapex);
        if (affordable < limit || binding === NONE) {
          limit = affordable;
          binding = CAPITAL;
        }
      }
      if (inputs.supplyPerMonth) {
        const supplied = inputs.supplyPerMonth(month);
        if (supplied < limit || binding === NONE) {
          limit = supplied;
          binding = SUPPLY;
        }
      }
      if (gen.target !== undefined) {
        const planned = Math.max(0, gen.target - (installedByGeneration[g] ?? 0));
        if (planned < limit || binding === NONE) {
          limit = planned;
          binding = PLAN;
        }
      }
      installs = Math.floor(limit);
      if (installs > 0) {
        const purchase = work.purchase;
        purchase.generation = g;
        purchase.month = month;
        purchase.powerEach = gen.itPower * a.pue;
        purchase.performance = trend(gen.flopsGrowth, month, gen.since);
        purchase.price = price;
        purchase.facilityCapex = facilityCapex;
        placeInstalls(fleet, siteSpare, order, installs, purchase);
        installedByGeneration[g] = (installedByGeneration[g] ?? 0) + installs;
        spent += installs * (price + facilityCapex);
        deployedPowerEver += installs * gen.itPower * a.pue;
      }
    }
    // Without sites, the power available is the power in use (NaN says "none given").
    const available = inputs.sites ? powerAvailable : Number.NaN;
    recordMonth(
      series,
      record,
      month - inputs.start,
      inputs,
      fleet,
      installs,
      binding,
      spent,
      capitalAvailable,
      available,
    );
    if (options.byGeneration) series.byGeneration[month - inputs.start] = fleet.countsById();
  }
}

/** Scratch space for runs, kept by Monte Carlo so the sample loop allocates next to nothing. */
export class TimelineWorkspace {
  readonly fleet = new FleetState();
  installedByGeneration = new Float64Array(0);
  siteSpare = new Float64Array(0);
  /** Site indices, sorted by spare power for each month's placement. */
  order: number[] = [];
  readonly purchase: Purchase = {
    generation: 0,
    month: 0,
    powerEach: 0,
    performance: 0,
    price: 0,
    facilityCapex: 0,
  };
  // The last rate and lifetime of each recovery factor and its value: two exp/log pairs a
  // run that most Monte Carlo samples share with the sample before.
  private readonly recoveryInputs = new Float64Array(4).fill(Number.NaN);
  private readonly recoveryValues = new Float64Array(2);

  /** capitalRecoveryFactor(rate, lifetime), remembered in `slot` (0 hardware, 1 facility). */
  recovery(slot: 0 | 1, rate: number, lifetime: number): number {
    const inputs = this.recoveryInputs;
    if (inputs[2 * slot] !== rate || inputs[2 * slot + 1] !== lifetime) {
      inputs[2 * slot] = rate;
      inputs[2 * slot + 1] = lifetime;
      this.recoveryValues[slot] = capitalRecoveryFactor(rate, lifetime);
    }
    return this.recoveryValues[slot] as number;
  }

  reset(generations: number, sites: number): this {
    if (this.installedByGeneration.length !== generations)
      this.installedByGeneration = new Float64Array(generations);
    else for (let i = 0; i < generations; i++) this.installedByGeneration[i] = 0;
    if (this.siteSpare.length !== sites) {
      this.siteSpare = new Float64Array(sites);
      this.order = Array.from({ length: Math.max(1, sites) }, (_, i) => i);
    }
    return this;
  }
}

/** What this month buys, one of each: a scratch object the placement functions share. */
interface Purchase {
  generation: number;
  month: number;
  /** Watts each accelerator draws at the meter. */
  powerEach: number;
  performance: number;
  price: number;
  facilityCapex: number;
}

/** Add `count` accelerators of this month's purchase at `site`. */
function buy(fleet: FleetState, p: Purchase, site: number, count: number): void {
  fleet.add(p.generation, site, count, p.month, p.performance, count * p.price, count * p.facilityCapex);
}

/** Put installs on the sites with the most spare power first (one virtual site without sites). */
function placeInstalls(
  fleet: FleetState,
  siteSpare: Float64Array,
  order: number[],
  installs: number,
  p: Purchase,
): void {
  if (siteSpare.length > 1) {
    placeAcrossSites(fleet, siteSpare, order, installs, p);
    return;
  }
  // One site (or none: no power limit): everything goes there, rounding leftovers too. Kept
  // apart from the many-site case so this common one is small enough to inline.
  let left = installs;
  const here =
    siteSpare.length === 0 ? left : Math.min(left, Math.floor((siteSpare[0] as number) / p.powerEach));
  if (here > 0) {
    buy(fleet, p, 0, here);
    left -= here;
  }
  if (left > 0) buy(fleet, p, 0, left);
}

function placeAcrossSites(
  fleet: FleetState,
  siteSpare: Float64Array,
  order: number[],
  installs: number,
  p: Purchase,
): void {
  let left = installs;
  // Most spare first; the sort is stable, so ties keep site order.
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((x, y) => (siteSpare[y] as number) - (siteSpare[x] as number));
  const roomiest = order[0] ?? 0;
  for (const site of order) {
    if (left <= 0) break;
    const here = Math.min(left, Math.floor((siteSpare[site] as number) / p.powerEach));
    if (here <= 0) continue;
    buy(fleet, p, site, here);
    left -= here;
  }
  // Rounding across sites can leave a few over; they go to the roomiest site.
  if (left > 0) buy(fleet, p, roomiest, left);
}

function recordMonth(
  series: MonthSeries,
  record: Recording,
  i: number,
  inputs: TimelineInputs,
  fleet: FleetState,
  installs: number,
  binding: number,
  spent: number,
  capitalAvailable: number,
  /** Sites' power this month; NaN without sites (then it is the power in use). */
  powerAvailable: number,
): void {
  const a = inputs.assumptions;
  const c = series.columns;
  const powerUsed = fleet.itPower * a.pue;
  const energy = powerUsed * a.loadFactor * SECONDS_PER_MONTH;
  series.binding[i] = binding;
  if (record.powerAvailable) c.powerAvailable[i] = Number.isNaN(powerAvailable) ? powerUsed : powerAvailable;
  if (record.powerUsed) c.powerUsed[i] = powerUsed;
  if (record.installs) c.installs[i] = installs;
  if (record.accelerators) c.accelerators[i] = fleet.accelerators;
  if (record.peakBf16) c.peakBf16[i] = fleet.peakBf16;
  if (record.peakFp8) c.peakFp8[i] = fleet.peakFp8;
  if (record.cumulativeCapex) c.cumulativeCapex[i] = spent;
  if (record.capitalAvailable) c.capitalAvailable[i] = capitalAvailable;
  if (record.energy) c.energy[i] = energy;
  if (record.opex || record.revenueNeeded) {
    const opex = energy * a.electricityPrice + (fleet.capexAlive * a.upkeep) / 12;
    if (record.opex) c.opex[i] = opex;
    if (record.revenueNeeded) c.revenueNeeded[i] = fleet.annualizedCapex + opex * 12;
  }
  if (record.tokensPerYear)
    c.tokensPerYear[i] = fleet.tokensPerSecond * a.servingUtilization * SECONDS_PER_YEAR;
  if (record.largestTrainingRun) {
    let largestSite = 0;
    const siteFlops = fleet.siteFlops;
    for (let s = 0; s < siteFlops.length; s++) largestSite = Math.max(largestSite, siteFlops[s] as number);
    c.largestTrainingRun[i] = largestSite * a.mfu * a.goodput * a.trainingRun;
  }
}
