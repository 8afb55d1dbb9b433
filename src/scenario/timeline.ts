import { acceleratorsBudgetAllows } from '../model/cluster.js';
import { capitalRecoveryFactor, revenueNeeded, upkeep } from '../model/finance.js';
import { acceleratorsPowerAllows, energyOver } from '../model/power.js';
import { tokensPerYear } from '../model/tokens.js';
import { fleetTrainingThroughput, trainingCompute } from '../model/training.js';
import { SECONDS_PER_MONTH } from '../units/dimensions.js';
import { CODE } from './constraints.js';
import { ALL_FIELDS, type FieldSelection } from './fields.js';
import { FleetState, type Purchase } from './fleet-state.js';
import type { Generation, SitePlan, TimelineAssumptions, TimelineInputs, WorldPlan } from './inputs.js';
import { MonthSeries } from './month-series.js';
import { PowerDelivery } from './power-delivery.js';

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

export interface TimelineOptions {
  /** Also record installed accelerators by generation, month by month. */
  byGeneration?: boolean;
  /** Scratch space kept across runs (Monte Carlo), so a run allocates next to nothing. */
  workspace?: TimelineWorkspace;
  /** The month fields to keep (default all). */
  kept?: FieldSelection;
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

/**
 * A run's state: what carries from month to month (the fleet, capital spent) and this
 * month's figures as the phases work them out. Kept by a workspace and reset per run.
 */
interface TimelineRun {
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

/**
 * Each site's power this month less its fleet's draw, into `siteSpare`; the sites' total
 * power (NaN without sites). Sites that bring their own power online get it here, paying
 * for power plants before accelerators, and say which part of power held them back.
 */
function sparePower(run: TimelineRun, month: number): number {
  const sites = run.inputs.sites;
  run.powerPart = CODE.power;
  run.powerCapex = 0;
  run.powerRequested = 0;
  if (!sites) return Number.NaN;
  const delivery = run.delivery;
  delivery.beginMonth();
  const history = run.inputs.world ? month <= run.inputs.world.historyEnd : false;
  let total = 0;
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i] as SitePlan;
    let power: number;
    if (site.powerAt) {
      power = site.powerAt(month);
      run.powerRequested += power;
    } else {
      if (site.power?.requestAt) run.powerRequested += site.power.requestAt(month);
      const left = run.inputs.capital ? capitalLeft(run) - delivery.capex : Number.POSITIVE_INFINITY;
      const got = site.power?.requestAt
        ? delivery.requested(i, month, left)
        : delivery.available(i, month, left, history);
      power = got.power;
      if (got.part !== CODE.power) run.powerPart = got.part;
    }
    total += power;
    run.siteSpare[i] = Math.max(0, power - (run.fleet.siteUse[i] ?? 0));
  }
  run.powerCapex = delivery.capex;
  run.spent += delivery.capex;
  run.capex += delivery.capex;
  return total;
}

/** After the month's installs, sites whose power follows their accelerators build what these draw. */
function settlePower(run: TimelineRun, month: number): void {
  const sites = run.inputs.sites ?? [];
  const delivery = run.delivery;
  const before = delivery.capex;
  let total = 0;
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i] as SitePlan;
    if (site.power) {
      delivery.settle(i, run.fleet.siteUse[i] ?? 0);
      total += delivery.deliveredAt(i);
      if (!site.power.requestAt) run.powerRequested += delivery.deliveredAt(i);
    } else total += site.powerAt?.(month) ?? 0;
  }
  const spent = delivery.capex - before;
  run.powerCapex += spent;
  run.spent += spent;
  run.capex += spent;
  run.powerAvailable = total;
}

/** Capital released and not yet spent (a world's history was paid for before its capital plan). */
function capitalLeft(run: TimelineRun): number {
  return run.capitalAvailable - (run.spent - run.spentInHistory);
}

/** Capital released so far: commitments to date, and per GW ever deployed (up to its cap). */
function releaseCapital(run: TimelineRun, month: number): number {
  const capital = run.inputs.capital;
  run.released += capital?.releasedByMonth(month) ?? 0;
  const perGw = capital?.perGw;
  const perGwReleased = perGw ? Math.min(perGw.upTo, (perGw.amount * run.deployedPowerEver) / 1e9) : 0;
  return run.released + perGwReleased;
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

/**
 * The limits: accelerators of this month's generation that power, capital, supply and the
 * plan each allow; the least (whole accelerators) is bought, and that limit binds.
 */
function chooseInstalls(run: TimelineRun, month: number): void {
  const { inputs, a } = run;
  const g = generationAt(inputs.generations, month);
  run.installs = 0;
  run.h100eAdded = 0;
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

/** Install `installs` of this month's purchase on the sites with the most spare power first; count what it cost and drew. */
function place(run: TimelineRun, installs: number): void {
  const p = run.purchase;
  if (run.siteSpare.length > 1) placeAcrossSites(run, installs);
  else placeAtOneSite(run, installs);
  run.installedByGeneration[p.generation] = (run.installedByGeneration[p.generation] ?? 0) + installs;
  const gen = run.inputs.generations[p.generation] as Generation;
  const capex = installs * (p.price + p.facilityCapex);
  run.capex += capex;
  run.spent += capex;
  run.h100eAdded += installs * gen.h100e * p.performance;
  run.deployedPowerEver += installs * gen.itPower * run.a.pue;
}

/**
 * One site (or none: no power limit): everything goes there, rounding leftovers too. Kept
 * apart from the many-site case so this common one is small enough to inline.
 */
function placeAtOneSite(run: TimelineRun, installs: number): void {
  const p = run.purchase;
  let left = installs;
  const here =
    run.siteSpare.length === 0
      ? left
      : Math.min(left, Math.floor((run.siteSpare[0] as number) / p.powerEach));
  if (here > 0) {
    run.fleet.add(p, 0, here);
    left -= here;
  }
  if (left > 0) run.fleet.add(p, 0, left);
}

function placeAcrossSites(run: TimelineRun, installs: number): void {
  const { siteSpare, order, purchase: p } = run;
  let left = installs;
  // Most spare first; the sort is stable, so ties keep site order.
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((x, y) => (siteSpare[y] as number) - (siteSpare[x] as number));
  const roomiest = order[0] ?? 0;
  for (const site of order) {
    if (left <= 0) break;
    const here = Math.min(left, Math.floor((siteSpare[site] as number) / p.powerEach));
    if (here <= 0) continue;
    run.fleet.add(p, site, here);
    left -= here;
  }
  // Rounding across sites can leave a few over; they go to the roomiest site.
  if (left > 0) run.fleet.add(p, roomiest, left);
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
  if (kept.largestTrainingRun)
    c.largestTrainingRun[i] = trainingCompute(
      a.trainingRun,
      fleetTrainingThroughput(fleet.largestSiteFlops(), a.mfu, a.goodput),
    );
}
