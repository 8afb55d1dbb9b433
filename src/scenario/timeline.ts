import { capitalRecoveryFactor } from '../model/finance.js';
import { SECONDS_PER_MONTH, SECONDS_PER_YEAR } from '../units/dimensions.js';
import { FleetState } from './fleet-state.js';
import type { Generation, SitePlan, TimelineInputs } from './inputs.js';

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

/** `byGeneration: false` skips the per-generation counts (Monte Carlo does not summarize them). */
export function runTimeline(inputs: TimelineInputs, options: { byGeneration?: boolean } = {}): MonthState[] {
  const a = inputs.assumptions;
  const gens = inputs.generations;
  const sites = inputs.sites ?? [];
  const siteCount = Math.max(1, sites.length);
  const installedByGeneration = gens.map(() => 0);
  const fleet = new FleetState(
    gens,
    siteCount,
    a.pue,
    capitalRecoveryFactor(a.costOfCapital, a.hardwareLifetime),
    capitalRecoveryFactor(a.costOfCapital, a.facilityLifetime),
  );
  const siteSpare = sites.map(() => 0);
  let spent = 0;
  let released = 0;
  let deployedPowerEver = 0;
  const series: MonthState[] = [];

  for (let month = inputs.start; month <= inputs.end; month++) {
    // Retire what has served its lifetime; its power goes back to the site.
    fleet.retire(month, a.hardwareLifetimeMonths);
    for (let i = 0; i < sites.length; i++)
      siteSpare[i] = Math.max(0, (sites[i] as SitePlan).powerAt(month) - (fleet.siteUse[i] ?? 0));

    released += inputs.capital?.releasedByMonth(month) ?? 0;
    const perGw = inputs.capital?.perGw;
    const perGwReleased = perGw ? Math.min(perGw.upTo, (perGw.amount * deployedPowerEver) / 1e9) : 0;
    const capitalAvailable = released + perGwReleased;

    const g = generationAt(gens, month);
    let installs = 0;
    let binding: Constraint = 'none';
    if (g >= 0) {
      const gen = gens[g] as Generation;
      const price = gen.price * (1 + gen.priceChange) ** yearsSince(month, gen.since);
      const facilityCapex = gen.itPower * a.facilityCapexPerItWatt;
      // The tightest limit binds; on a tie the first checked (power, capital, supply, plan) wins.
      let limit = Number.POSITIVE_INFINITY;
      if (inputs.sites) {
        let spare = 0;
        for (const x of siteSpare) spare += x;
        limit = spare / (gen.itPower * a.pue);
        binding = 'power';
      }
      if (inputs.capital) {
        const affordable = Math.max(0, capitalAvailable - spent) / (price + facilityCapex);
        if (affordable < limit || binding === 'none') [limit, binding] = [affordable, 'capital'];
      }
      if (inputs.supplyPerMonth) {
        const supplied = inputs.supplyPerMonth(month);
        if (supplied < limit || binding === 'none') [limit, binding] = [supplied, 'supply'];
      }
      if (gen.target !== undefined) {
        const planned = Math.max(0, gen.target - (installedByGeneration[g] ?? 0));
        if (planned < limit || binding === 'none') [limit, binding] = [planned, 'plan'];
      }
      installs = Math.floor(limit);
      if (installs > 0) {
        const performance = (1 + gen.flopsGrowth) ** yearsSince(month, gen.since);
        placeInstalls(fleet, siteSpare, installs, gen.itPower * a.pue, {
          generation: g,
          month,
          performance,
          price,
          facilityCapex,
        });
        installedByGeneration[g] = (installedByGeneration[g] ?? 0) + installs;
        spent += installs * (price + facilityCapex);
        deployedPowerEver += installs * gen.itPower * a.pue;
      }
    }
    series.push(
      monthState(
        inputs,
        fleet,
        { month, installs, binding, spent, capitalAvailable },
        options.byGeneration !== false,
      ),
    );
  }
  return series;
}

/** Put installs on the sites with the most spare power first (one virtual site without sites). */
function placeInstalls(
  fleet: FleetState,
  siteSpare: number[],
  installs: number,
  powerEach: number,
  cohort: { generation: number; month: number; performance: number; price: number; facilityCapex: number },
): void {
  const order =
    siteSpare.length > 1
      ? siteSpare.map((spare, i) => ({ spare, i })).sort((x, y) => y.spare - x.spare)
      : [{ spare: siteSpare[0] ?? Number.POSITIVE_INFINITY, i: 0 }];
  const place = (site: number, count: number) =>
    fleet.add({
      generation: cohort.generation,
      site,
      count,
      month: cohort.month,
      performance: cohort.performance,
      acceleratorCapex: count * cohort.price,
      facilityCapex: count * cohort.facilityCapex,
    });
  let left = installs;
  for (const { spare, i } of order) {
    if (left <= 0) break;
    const here = Math.min(left, Math.floor(spare / powerEach));
    if (here <= 0) continue;
    place(i, here);
    left -= here;
  }
  // Rounding across sites can leave a few over; they go to the roomiest site.
  if (left > 0) place(order[0]?.i ?? 0, left);
}

function monthState(
  inputs: TimelineInputs,
  fleet: FleetState,
  m: { month: number; installs: number; binding: Constraint; spent: number; capitalAvailable: number },
  withGenerations: boolean,
): MonthState {
  const a = inputs.assumptions;
  const powerUsed = fleet.itPower * a.pue;
  const energy = powerUsed * a.loadFactor * SECONDS_PER_MONTH;
  const opex = energy * a.electricityPrice + (fleet.capexAlive * a.upkeep) / 12;
  let largestSite = 0;
  for (const flops of fleet.siteFlops) if (flops > largestSite) largestSite = flops;
  let powerAvailable = powerUsed;
  if (inputs.sites) {
    powerAvailable = 0;
    for (const s of inputs.sites) powerAvailable += s.powerAt(m.month);
  }
  return {
    month: m.month,
    powerAvailable,
    powerUsed,
    installs: m.installs,
    accelerators: fleet.accelerators,
    byGeneration: withGenerations ? fleet.countsById() : {},
    peakBf16: fleet.peakBf16,
    peakFp8: fleet.peakFp8,
    cumulativeCapex: m.spent,
    capitalAvailable: m.capitalAvailable,
    energy,
    opex,
    tokensPerYear: fleet.tokensPerSecond * a.servingUtilization * SECONDS_PER_YEAR,
    revenueNeeded: fleet.annualizedCapex + opex * 12,
    largestTrainingRun: largestSite * a.mfu * a.goodput * a.trainingRun,
    binding: m.binding,
  };
}
