import type { Catalog } from '../catalog/catalog.js';
import { seriesAt } from '../catalog/series.js';
import type { Accelerator } from '../catalog/types.js';
import { InputError } from '../errors.js';
import {
  acceleratorSupply,
  capacityCosts,
  h100eOf,
  packageSpec,
  processSpec,
} from '../model/from-catalog.js';
import { H100E_REFERENCE } from '../model/h100e.js';
import { capexPerUnitYear } from '../model/supply.js';
import { type Distribution, median } from '../uncertainty/distributions.js';
import { SECONDS_PER_MONTH } from '../units/dimensions.js';
import type {
  CapitalPlan,
  Generation,
  ParsedScenario,
  SitePlan,
  TimelineAssumptions,
  TimelineInputs,
} from './inputs.js';
import { monthIndex } from './months.js';
import type { Scenario } from './schema.js';

/** Turns a number of the scenario file (maybe a distribution) into the value for this run. */
export type ValueOf = (d: Distribution) => number;

/** Plain quantities are themselves; a deterministic run takes distributions at their medians. */
export const atMedian: ValueOf = (d) => (d.kind === 'point' ? d.value : median(d));

/** The file's number where given, else the catalog default. */
const given = (d: Distribution | undefined, fallback: number, pick: ValueOf) => (d ? pick(d) : fallback);

/**
 * Every assumption, written into `into` (a Monte Carlo run rewrites one object per sample
 * rather than allocating a new one).
 */
function assumptions(
  s: Scenario,
  catalog: Catalog,
  pick: ValueOf,
  into: TimelineAssumptions,
): TimelineAssumptions {
  const d = catalog.assumptions;
  const g = s.assumptions;
  into.pue = given(g.pue, d.pue.value, pick);
  into.electricityPrice = given(g.electricity_price, d.electricity_price.value, pick);
  into.facilityCapexPerItWatt = given(g.facility_capex, d.facility_capex_per_it_power.value, pick);
  into.hardwareLifetime = given(g.hardware_lifetime, d.hardware_lifetime.value, pick);
  into.hardwareLifetimeMonths = Math.max(1, Math.round(into.hardwareLifetime / SECONDS_PER_MONTH));
  into.facilityLifetime = given(g.facility_lifetime, d.facility_lifetime.value, pick);
  into.costOfCapital = given(g.cost_of_capital, d.cost_of_capital.value, pick);
  into.upkeep = given(g.upkeep, d.upkeep_rate.value, pick);
  into.loadFactor = given(g.load_factor, d.load_factor.value, pick);
  into.mfu = given(g.mfu, d.mfu_bf16.value, pick);
  into.goodput = given(g.goodput, d.goodput.value, pick);
  into.trainingRun = given(g.training_run, 100 * 86_400, pick);
  into.servingUtilization = given(g.serving_utilization, d.serving_utilization.value, pick);
  return into;
}

/** An assumptions object of fixed shape, for `assumptions` to fill. */
const emptyAssumptions = (): TimelineAssumptions => ({
  pue: 0,
  electricityPrice: 0,
  facilityCapexPerItWatt: 0,
  hardwareLifetime: 0,
  hardwareLifetimeMonths: 0,
  facilityLifetime: 0,
  costOfCapital: 0,
  upkeep: 0,
  loadFactor: 0,
  mfu: 0,
  goodput: 0,
  trainingRun: 0,
  servingUtilization: 0,
});

/** Linear between ramp points, flat after the last, zero before the first. */
function rampAt(points: ReadonlyArray<{ month: number; power: number }>, month: number): number {
  const first = points[0];
  if (!first || month < first.month) return 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as { month: number; power: number };
    const b = points[i] as { month: number; power: number };
    if (month < b.month) return a.power + ((b.power - a.power) * (month - a.month)) / (b.month - a.month);
  }
  return (points[points.length - 1] as { power: number }).power;
}

/** Capital for one more accelerator a year of chip-making capacity, from the supply catalog. */
export function capacityCost(catalog: Catalog, accelerator: Accelerator): number {
  const s = catalog.supply;
  const found = acceleratorSupply(s, accelerator);
  const process = 'node' in found ? processSpec(found.node) : undefined;
  if (!('pkg' in found) || !process)
    throw new InputError(
      `${accelerator.id} has no packaging and fab data in data/supply.yaml, which supply.fabs needs`,
    );
  return capexPerUnitYear(packageSpec(found.pkg), process, capacityCosts(s), s.cowos.packagingYield.value)
    .total;
}

/** A capital commitment spread over its months (one month for a lump sum). */
interface Release {
  amount: Distribution;
  from: number;
  to: number;
  perMonth: number;
}

/**
 * A program's monthly purchases: its share of global AI accelerator output (data/supply.yaml)
 * plus the output of fabs it builds itself. Fab capital buys capacity at the capex per
 * accelerator-year of the generation being bought when it is spent (logic fab, CoWoS and
 * HBM together), and that capacity produces after the lead time.
 */
class SupplyPlan {
  share = 0;
  growth: number | undefined = undefined;
  /** Capacity bought each month of the fab program, and when it comes online. */
  readonly built: Array<{ month: number; perUnitYear: number; online: number; unitsPerYear: number }> = [];
  readonly perMonth = (month: number): number => {
    const own = this.built.reduce((sum, b) => sum + (month >= b.online ? b.unitsPerYear : 0), 0);
    return (this.share * seriesAt(this.catalog.supply.globalAccelerators, month, this.growth) + own) / 12;
  };

  constructor(
    private readonly supply: NonNullable<Scenario['supply']>,
    private readonly catalog: Catalog,
    gens: readonly Generation[],
  ) {
    const fabs = supply.fabs;
    if (!fabs) return;
    for (let month = monthIndex(fabs.from); month <= monthIndex(fabs.to); month++) {
      const gen = [...gens].reverse().find((g) => g.from <= month) ?? gens[0];
      const perUnitYear = gen ? capacityCost(catalog, gen.accelerator) : Number.POSITIVE_INFINITY;
      this.built.push({ month, perUnitYear, online: 0, unitsPerYear: 0 });
    }
  }

  update(pick: ValueOf): void {
    const { share, growth, fabs } = this.supply;
    this.share = share ? pick(share) : 0;
    this.growth = growth ? pick(growth) : undefined;
    if (!fabs) return;
    const lead = Math.round(pick(fabs.lead_time) / SECONDS_PER_MONTH);
    const capital = pick(fabs.capital);
    const months = this.built.length;
    for (const b of this.built) {
      b.online = b.month + lead;
      b.unitsPerYear = capital / months / b.perUnitYear;
    }
  }
}

/**
 * A scenario resolved to the timeline's inputs. What does not depend on the file's
 * uncertain numbers (months, catalog figures, fab costs) is worked out once; `update`
 * takes every number by `pick` and writes it in place, so a Monte Carlo run resolves the
 * scenario once and only re-picks per sample.
 */
export class ScenarioResolution {
  readonly inputs: TimelineInputs;
  private readonly ramps: Array<{ from: Distribution[]; points: Array<{ month: number; power: number }> }>;
  private readonly releases: Release[];
  private readonly supply: SupplyPlan | undefined;
  /** The per-GW release of whichever program has one. */
  private readonly perGw: NonNullable<Scenario['programs'][number]['per_gw']> | undefined;

  constructor(
    private readonly parsed: ParsedScenario,
    private readonly catalog: Catalog,
  ) {
    const s = parsed.scenario;
    const h100 = catalog.accelerator(H100E_REFERENCE);
    const generations = s.fleet.map((entry, i): Generation => {
      const accelerator = parsed.accelerators[i] as Accelerator;
      const next = s.fleet[i + 1];
      const to = entry.to ? monthIndex(entry.to) : next ? monthIndex(next.from) - 1 : monthIndex(s.span.end);
      const bf16 = accelerator.dense.bf16?.value ?? 0;
      return {
        id: accelerator.id,
        accelerator,
        from: monthIndex(entry.from),
        to,
        target: undefined,
        since: accelerator.year * 12,
        price: 0,
        priceChange: 0,
        flopsGrowth: 0,
        itPower: accelerator.itPower.value,
        peakBf16: bf16,
        h100e: h100eOf(accelerator, h100),
        peakFp8: accelerator.dense.fp8?.value ?? bf16,
        tokensPerSecond: parsed.tokensPerSecond[i] ?? 0,
      };
    });
    this.ramps = s.sites.map((site) => ({
      from: site.ramp.map((r) => r.power),
      points: site.ramp.map((r) => ({ month: monthIndex(r.at), power: 0 })),
    }));
    this.releases = s.programs.flatMap((p) =>
      p.commitments.map((c) =>
        'at' in c
          ? { amount: c.amount, from: monthIndex(c.at), to: monthIndex(c.at), perMonth: 0 }
          : { amount: c.amount, from: monthIndex(c.from), to: monthIndex(c.to), perMonth: 0 },
      ),
    );
    this.supply = s.supply ? new SupplyPlan(s.supply, catalog, generations) : undefined;
    this.perGw = s.programs.find((program) => program.per_gw)?.per_gw;
    const releases = this.releases;
    const capital: CapitalPlan | undefined =
      s.programs.length > 0
        ? {
            releasedByMonth: (month) =>
              releases.reduce((sum, r) => sum + (month >= r.from && month <= r.to ? r.perMonth : 0), 0),
            perGw: undefined,
          }
        : undefined;
    const sites: SitePlan[] | undefined =
      s.sites.length > 0
        ? s.sites.map((site, i) => {
            const points = (this.ramps[i] as (typeof this.ramps)[number]).points;
            return { name: site.name, powerAt: (month: number) => rampAt(points, month) };
          })
        : undefined;
    this.inputs = {
      start: monthIndex(s.span.start),
      end: monthIndex(s.span.end),
      assumptions: emptyAssumptions(),
      capital,
      sites,
      generations,
      supplyPerMonth: this.supply?.perMonth,
    };
  }

  /** Take every number of the file by `pick`, in place, and return the inputs to run. */
  update(pick: ValueOf): TimelineInputs {
    const s = this.parsed.scenario;
    const inputs = this.inputs;
    assumptions(s, this.catalog, pick, inputs.assumptions);
    for (let i = 0; i < s.fleet.length; i++) {
      const entry = s.fleet[i] as Scenario['fleet'][number];
      const g = inputs.generations[i] as Generation;
      g.target = entry.target ? pick(entry.target) : undefined;
      g.price = entry.price ? pick(entry.price) : g.accelerator.price.value;
      g.priceChange = entry.price_change ? pick(entry.price_change) : 0;
      g.flopsGrowth = entry.flops_growth ? pick(entry.flops_growth) : 0;
    }
    for (const ramp of this.ramps) {
      for (let j = 0; j < ramp.points.length; j++)
        (ramp.points[j] as { power: number }).power = pick(ramp.from[j] as Distribution);
    }
    for (const r of this.releases) {
      const amount = pick(r.amount);
      r.perMonth = r.from === r.to ? amount : amount / (r.to - r.from + 1);
    }
    if (inputs.capital) {
      const perGw = this.perGw;
      inputs.capital.perGw = perGw
        ? { amount: pick(perGw.amount), upTo: perGw.up_to ? pick(perGw.up_to) : Number.POSITIVE_INFINITY }
        : undefined;
    }
    this.supply?.update(pick);
    return inputs;
  }
}

/** The timeline's inputs for one run, each number taken by `pick`. */
export function resolveScenario(
  p: ParsedScenario,
  catalog: Catalog,
  pick: ValueOf = atMedian,
): TimelineInputs {
  return new ScenarioResolution(p, catalog).update(pick);
}
