import { acceleratorsBudgetAllows } from '../model/cluster.js';
import { revenueNeeded, upkeep } from '../model/finance.js';
import { acceleratorsPowerAllows, energyOver } from '../model/power.js';
import { tokensPerYear } from '../model/tokens.js';
import { fleetTrainingThroughput, trainingCompute } from '../model/training.js';
import { goodputAtScale, mfuAtScale, REFERENCE_COUNT } from '../model/training-scale.js';
import { SECONDS_PER_MONTH } from '../units/dimensions.js';
import { CODE } from './constraints.js';
import type { Generation, TimelineInputs, WorldPlan } from './inputs.js';
import { capitalLeft, releaseCapital, settlePower, sparePower } from './month-resources.js';
import { MonthSeries } from './month-series.js';
import { place } from './placement.js';
import { type TimelineOptions, type TimelineRun, TimelineWorkspace } from './timeline-run.js';
import { trend } from './trend.js';

export { type TimelineOptions, TimelineWorkspace } from './timeline-run.js';

/**
 * The monthly build-out. Each month, in named phases:
 *   retire     cohorts past their lifetime leave, freeing their power
 *   capital    capital released so far (commitments, and per GW deployed)
 *   spare      each site's power less what its fleet draws (power a site brings online
 *              itself arrives here, and its power plants are paid for first)
 *   limits     accelerators power, capital, supply and the plan each allow; the least is
 *              bought and binds (on a tie the first, in constraints.ts order). A world
 *              buys every line's generation side by side, as shipped in its history
 *   place      installs go to the sites with the most spare power
 *   settle     sites whose power follows their accelerators build what these draw
 *   record     the month's fields (fields.ts) from the fleet's running sums
 * Pure: numbers in, a monthly series out. The formulas are the model's (src/model/).
 */

/** The monthly build-out as columns, with counts by generation. */
export function timelineSeries(inputs: TimelineInputs): MonthSeries {
  const series = new MonthSeries(inputs.start, inputs.end - inputs.start + 1);
  runTimelineInto(inputs, series, { byGeneration: true });
  return series;
}

/** The monthly build-out as month objects. */
export function runTimeline(inputs: TimelineInputs) {
  return timelineSeries(inputs).toMonthStates();
}

/**
 * The monthly build-out written into `series` (reused across Monte Carlo samples, so a
 * run allocates almost nothing).
 */
export function runTimelineInto(
  inputs: TimelineInputs,
  series: MonthSeries,
  options: TimelineOptions = {},
): void {
  const run = (options.workspace ?? new TimelineWorkspace()).begin(inputs, series, options);
  for (let month = inputs.start; month <= inputs.end; month++) {
    run.fleet.retire(month, inputs.assumptions.hardwareLifetimeMonths);
    run.capitalAvailable = releaseCapital(run, month);
    run.capex = 0;
    run.powerAvailable = sparePower(run, month);
    if (inputs.world) chooseWorldInstalls(run, month);
    else {
      chooseInstalls(run, month);
      if (run.installs > 0) place(run, run.installs);
    }
    if (run.hasPowerSites) settlePower(run, month);
    if (inputs.world && month <= inputs.world.historyEnd) run.spentInHistory = run.spent;
    writeMonth(run, month - inputs.start);
    if (run.byGeneration) series.byGeneration[month - inputs.start] = run.fleet.countsById();
  }
}

function generationAt(gens: readonly Generation[], month: number): number {
  for (let i = gens.length - 1; i >= 0; i--) {
    const g = gens[i] as Generation;
    if (g.from <= month && month <= g.to) return i;
  }
  return -1;
}

/**
 * The limits: accelerators of this month's generation that power, capital, supply and the
 * plan each allow; the least (whole accelerators) is bought, and that limit binds.
 */
function chooseInstalls(run: TimelineRun, month: number): void {
  const { inputs, a } = run;
  const g = generationAt(inputs.generations, month);
  run.installs = 0;
  run.h100eAdded = 0;
  run.powerInstalled = 0;
  run.binding = CODE.none;
  if (g < 0) return;
  const gen = inputs.generations[g] as Generation;
  const price = gen.price * trend(gen.priceChange, month, gen.since);
  const each = run.each;
  each.pricePerAccelerator = price;
  each.itPowerPerAccelerator = gen.itPower;
  each.facilityCapexPerItWatt = a.facilityCapexPerItWatt;
  let limit = Number.POSITIVE_INFINITY;
  let binding: number = CODE.none;
  if (inputs.sites) {
    let spare = 0;
    for (let i = 0; i < run.siteSpare.length; i++) spare += run.siteSpare[i] as number;
    limit = acceleratorsPowerAllows(spare, gen.itPower, a.pue);
    binding = run.powerPart;
  }
  if (inputs.capital) {
    const affordable = acceleratorsBudgetAllows(Math.max(0, capitalLeft(run)), each);
    if (affordable < limit || binding === CODE.none) {
      limit = affordable;
      binding = CODE.capital;
    }
  }
  if (inputs.supplyPerMonth) {
    const supplied = inputs.supplyPerMonth(month);
    if (supplied < limit || binding === CODE.none) {
      limit = supplied;
      binding = CODE.supply;
    }
  }
  if (gen.target !== undefined) {
    const planned = Math.max(0, gen.target - (run.installedByGeneration[g] ?? 0));
    if (planned < limit || binding === CODE.none) {
      limit = planned;
      binding = CODE.plan;
    }
  }
  run.binding = binding;
  run.installs = Math.floor(limit);
  if (run.installs <= 0) return;
  const p = run.purchase;
  p.generation = g;
  p.month = month;
  p.powerEach = gen.itPower * a.pue;
  p.performance = trend(gen.flopsGrowth, month, gen.since);
  p.price = price;
  p.facilityCapex = gen.itPower * a.facilityCapexPerItWatt;
}

/**
 * The world's month: through the history each shipment row of the year, a twelfth a month;
 * after it, each line's current generation as much as the line ships, all held back alike
 * when power or capital cannot take the lot.
 */
function chooseWorldInstalls(run: TimelineRun, month: number): void {
  const { inputs, a } = run;
  const world = inputs.world as WorldPlan;
  const i = month - inputs.start;
  const bought = world.bought[i] as Int32Array;
  const history = month <= world.historyEnd;
  if (run.worldSupply.length < bought.length) run.worldSupply = new Float64Array(bought.length);
  const supply = run.worldSupply;
  let watts = 0;
  let cost = 0;
  for (let j = 0; j < bought.length; j++) {
    const gen = inputs.generations[bought[j] as number] as Generation;
    const units = history ? (gen.shipped ?? 0) : ((world.lineSupply[gen.line] as Float64Array)[i] as number);
    supply[j] = units;
    watts += units * gen.itPower * a.pue;
    cost +=
      units * (gen.price * trend(gen.priceChange, month, gen.since) + gen.itPower * a.facilityCapexPerItWatt);
  }
  let share = 1;
  let binding: number = history ? CODE.shipments : CODE.supply;
  if (!history && watts > 0) {
    if (inputs.sites) {
      let spare = 0;
      for (let s = 0; s < run.siteSpare.length; s++) spare += run.siteSpare[s] as number;
      if (spare < watts) {
        share = spare / watts;
        binding = run.powerPart;
      }
    }
    if (inputs.capital) {
      const affordable = Math.max(0, capitalLeft(run)) / cost;
      if (affordable < share) {
        share = affordable;
        binding = CODE.capital;
      }
    }
  }
  run.installs = 0;
  run.h100eAdded = 0;
  run.powerInstalled = 0;
  run.binding = bought.length > 0 ? binding : CODE.none;
  for (let j = 0; j < bought.length; j++) {
    const g = bought[j] as number;
    const gen = inputs.generations[g] as Generation;
    const count = Math.floor((supply[j] as number) * share);
    if (count <= 0) continue;
    const p = run.purchase;
    p.generation = g;
    p.month = month;
    p.powerEach = gen.itPower * a.pue;
    p.performance = trend(gen.flopsGrowth, month, gen.since);
    p.price = gen.price * trend(gen.priceChange, month, gen.since);
    p.facilityCapex = gen.itPower * a.facilityCapexPerItWatt;
    place(run, count);
    run.installs += count;
  }
}

/** The month's fields (fields.ts), each only when recorded, from the fleet's running sums. */
function writeMonth(run: TimelineRun, i: number): void {
  const { a, fleet, kept } = run;
  const c = run.series.columns;
  const powerUsed = fleet.itPower * a.pue;
  const energy = energyOver(powerUsed, a.loadFactor, SECONDS_PER_MONTH);
  run.series.binding[i] = run.binding;
  // Without sites, the power available is the power in use.
  if (kept.powerAvailable)
    c.powerAvailable[i] = Number.isNaN(run.powerAvailable) ? powerUsed : run.powerAvailable;
  if (kept.powerUsed) c.powerUsed[i] = powerUsed;
  if (kept.powerRequested)
    c.powerRequested[i] = Number.isNaN(run.powerAvailable) ? powerUsed : run.powerRequested;
  if (kept.installs) c.installs[i] = run.installs;
  if (kept.accelerators) c.accelerators[i] = fleet.accelerators;
  if (kept.peakBf16) c.peakBf16[i] = fleet.peakBf16;
  if (kept.peakFp8) c.peakFp8[i] = fleet.peakFp8;
  if (kept.h100e) c.h100e[i] = fleet.h100e;
  if (kept.h100eAdded) c.h100eAdded[i] = run.h100eAdded;
  if (kept.powerInstalled) c.powerInstalled[i] = run.powerInstalled;
  if (kept.capex) c.capex[i] = run.capex;
  if (kept.powerCapex) c.powerCapex[i] = run.powerCapex;
  if (kept.cumulativeCapex) c.cumulativeCapex[i] = run.spent;
  if (kept.capitalAvailable) c.capitalAvailable[i] = run.capitalAvailable;
  if (kept.energy) c.energy[i] = energy;
  if (kept.opex || kept.revenueNeeded) {
    const opex = energy * a.electricityPrice + upkeep(fleet.capexAlive, a.upkeep, 12);
    if (kept.opex) c.opex[i] = opex;
    if (kept.revenueNeeded) c.revenueNeeded[i] = revenueNeeded(fleet.annualizedCapex, opex * 12);
  }
  if (kept.tokensPerYear) c.tokensPerYear[i] = tokensPerYear(fleet.tokensPerSecond, a.servingUtilization);
  if (kept.largestTrainingRun) {
    // The site with the most FLOP/s, at the utilization its size allows.
    const site = fleet.largestSite();
    const count = fleet.siteCount[site] ?? 0;
    const scale = { ...a.scale, baseMfu: a.mfu, referenceCount: REFERENCE_COUNT, siteEfficiency: 1 };
    const goodput = Number.isNaN(a.goodput) ? goodputAtScale(scale, count) : a.goodput;
    c.largestTrainingRun[i] = trainingCompute(
      a.trainingRun,
      fleetTrainingThroughput(fleet.siteFlops[site] ?? 0, mfuAtScale(scale, count), goodput),
    );
  }
}
