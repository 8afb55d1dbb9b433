import type { Catalog } from '../catalog/catalog.js';
import { type DatedSeries, seriesAt } from '../catalog/series.js';
import type { Accelerator } from '../catalog/types.js';
import { worldOutput } from '../catalog/world.js';
import { InputError } from '../errors.js';
import {
  acceleratorSupply,
  capacityCosts,
  h100eOf,
  packageSpec,
  powerOption,
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
  ValueOf,
} from './inputs.js';
import { monthIndex } from './months.js';
import type { Scenario } from './schema.js';
import { shareOfSource } from './site-power.js';
import { WorldSupply } from './world-supply.js';

export type { ValueOf } from './inputs.js';

/** The year data/power.yaml's build figures are for: a site's growth of the world's build counts from it. */
const POWER_FIGURES_YEAR = 2025;

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
  into.goodput = g.goodput ? pick(g.goodput) : Number.NaN;
  into.scale.exponent = d.mfu_scale_exponent.value;
  into.scale.mtbf = d.accelerator_mtbf.value;
  into.scale.recoveryTime = d.failure_recovery_time.value;
  into.scale.failureDomain = d.failure_domain.value;
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
  scale: { exponent: 0, mtbf: 0, recoveryTime: 0, failureDomain: 0 },
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

/** A capital commitment spread over its months (one month for a lump sum; a yearly amount may grow). */
interface Release {
  amount: Distribution;
  growth: Distribution | undefined;
  from: number;
  to: number;
  /** Whether `amount` is a year's (a twelfth a month) rather than the whole commitment's. */
  yearly: boolean;
  perMonth: number;
  growthRate: number;
}

/** Capital a commitment releases in a month. */
function releasedIn(r: Release, month: number): number {
  if (month < r.from || month > r.to) return 0;
  return r.growthRate === 0
    ? r.perMonth
    : r.perMonth * (1 + r.growthRate) ** Math.floor((month - r.from) / 12);
}

/**
 * A program's monthly purchases: its share of the world's AI accelerator output (the world
 * scenario at its medians, then its last year's growth) plus the output of fabs it builds itself. Fab capital buys capacity at the capex per
 * accelerator-year of the generation being bought when it is spent (logic fab, CoWoS and
 * HBM together), and that capacity produces after the lead time.
 */
class SupplyPlan {
  share = 0;
  growth: number | undefined = undefined;
  /** The world's yearly output of AI accelerators: the world scenario at its medians. */
  private readonly world: DatedSeries;
  /** Capacity bought each month of the fab program, and when it comes online. */
  readonly built: Array<{ month: number; perUnitYear: number; online: number; unitsPerYear: number }> = [];
  readonly perMonth = (month: number): number => {
    const own = this.built.reduce((sum, b) => sum + (month >= b.online ? b.unitsPerYear : 0), 0);
    return (this.share * seriesAt(this.world, month, this.growth) + own) / 12;
  };

  constructor(
    private readonly supply: NonNullable<Scenario['supply']>,
    catalog: Catalog,
    gens: readonly Generation[],
  ) {
    this.world = worldOutput(catalog.worldBaseline());
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
  /** Delivered ramps and requests: the file's numbers and the points they are picked into. */
  private readonly ramps: Array<{ from: Distribution[]; points: Array<{ month: number; power: number }> }>;
  private readonly releases: Release[];
  private readonly supply: SupplyPlan | undefined;
  private readonly world: WorldSupply | undefined;
  /** The per-GW release of whichever program has one. */
  private readonly perGw: NonNullable<Scenario['programs'][number]['per_gw']> | undefined;

  constructor(
    private readonly parsed: ParsedScenario,
    private readonly catalog: Catalog,
  ) {
    const s = parsed.scenario;
    const start = monthIndex(s.span.start);
    const end = monthIndex(s.span.end);
    const h100 = catalog.accelerator(H100E_REFERENCE);
    const lineOf = (vendor: string | undefined) =>
      Math.max(0, s.world?.lines.findIndex((l) => l.vendor === vendor) ?? 0);
    const generation = (accelerator: Accelerator, i: number, from: number, to: number): Generation => {
      const bf16 = accelerator.dense.bf16?.value ?? 0;
      return {
        id: accelerator.id,
        accelerator,
        from,
        to,
        target: undefined,
        line: 0,
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
    };
    const generations = s.fleet.map((entry, i): Generation => {
      // A generation is bought until the next of its line starts (a program's fleet is one line).
      const next = s.fleet.slice(i + 1).find((f) => f.line === entry.line);
      const to = entry.to ? monthIndex(entry.to) : next ? monthIndex(next.from) - 1 : end;
      const g = generation(parsed.accelerators[i] as Accelerator, i, monthIndex(entry.from), to);
      g.line = lineOf(entry.line);
      return g;
    });
    parsed.shipped.forEach((row, k) => {
      const i = s.fleet.length + k;
      const g = generation(parsed.accelerators[i] as Accelerator, i, row.year * 12, row.year * 12 + 11);
      g.line = row.line;
      g.shipped = row.units / 12;
      generations.push(g);
    });
    this.ramps = s.sites.map((site) => {
      const ramp = site.ramp ?? site.request ?? [];
      return {
        from: ramp.map((r) => r.power),
        points: ramp.map((r) => ({ month: monthIndex(r.at), power: 0 })),
      };
    });
    this.releases = s.programs.flatMap((p) =>
      p.commitments.map((c): Release => {
        const common = { perMonth: 0, growthRate: 0 };
        if ('at' in c)
          return {
            amount: c.amount,
            growth: undefined,
            from: monthIndex(c.at),
            to: monthIndex(c.at),
            yearly: false,
            ...common,
          };
        if ('per_year' in c)
          return {
            amount: c.per_year,
            growth: c.growth,
            from: monthIndex(c.from),
            to: monthIndex(c.to),
            yearly: true,
            ...common,
          };
        return {
          amount: c.amount,
          growth: undefined,
          from: monthIndex(c.from),
          to: monthIndex(c.to),
          yearly: false,
          ...common,
        };
      }),
    );
    this.supply = s.supply ? new SupplyPlan(s.supply, catalog, generations) : undefined;
    this.world =
      s.world && parsed.historyYear !== undefined
        ? new WorldSupply(s.world, generations, catalog, start, end, parsed.historyYear)
        : undefined;
    this.perGw = s.programs.find((program) => program.per_gw)?.per_gw;
    const releases = this.releases;
    const capital: CapitalPlan | undefined =
      s.programs.length > 0
        ? {
            releasedByMonth: (month) => releases.reduce((sum, r) => sum + releasedIn(r, month), 0),
            perGw: undefined,
          }
        : undefined;
    const sites: SitePlan[] | undefined =
      s.sites.length > 0
        ? s.sites.map((site, i) => {
            const points = (this.ramps[i] as (typeof this.ramps)[number]).points;
            const at = (month: number) => rampAt(points, month);
            if (!site.power) return { name: site.name, powerAt: at };
            const sources = parsed.powerSources[i] ?? [];
            return {
              name: site.name,
              power: {
                options: sources.map((source) => powerOption(source, 0)),
                mix: site.power.mix ? sources.map(() => 0) : undefined,
                requestAt: site.request ? at : undefined,
                ordered: site.power.ordered ? monthIndex(site.power.ordered) : start,
                growth: 0,
                since: POWER_FIGURES_YEAR * 12,
              },
            };
          })
        : undefined;
    this.inputs = {
      start,
      end,
      assumptions: emptyAssumptions(),
      capital,
      sites,
      generations,
      supplyPerMonth: this.supply?.perMonth,
      world: this.world?.plan,
    };
  }

  /** Take every number of the file by `pick`, in place, and return the inputs to run. */
  update(pick: ValueOf): TimelineInputs {
    const s = this.parsed.scenario;
    const inputs = this.inputs;
    assumptions(s, this.catalog, pick, inputs.assumptions);
    for (let i = 0; i < inputs.generations.length; i++) {
      const entry = s.fleet[i];
      const g = inputs.generations[i] as Generation;
      g.target = entry?.target ? pick(entry.target) : undefined;
      g.price = entry?.price ? pick(entry.price) : g.accelerator.price.value;
      g.priceChange = entry?.price_change ? pick(entry.price_change) : 0;
      g.flopsGrowth = entry?.flops_growth ? pick(entry.flops_growth) : 0;
    }
    for (const ramp of this.ramps) {
      for (let j = 0; j < ramp.points.length; j++)
        (ramp.points[j] as { power: number }).power = pick(ramp.from[j] as Distribution);
    }
    for (const r of this.releases) {
      const amount = pick(r.amount);
      r.perMonth = r.yearly ? amount / 12 : r.from === r.to ? amount : amount / (r.to - r.from + 1);
      r.growthRate = r.growth ? pick(r.growth) : 0;
    }
    if (inputs.capital) {
      const perGw = this.perGw;
      inputs.capital.perGw = perGw
        ? { amount: pick(perGw.amount), upTo: perGw.up_to ? pick(perGw.up_to) : Number.POSITIVE_INFINITY }
        : undefined;
    }
    s.sites.forEach((site, i) => {
      const plan = inputs.sites?.[i]?.power;
      if (!plan || !site.power) return;
      const power = site.power;
      const fallback = this.catalog.assumptions.power_build_share.value;
      const sources = this.parsed.powerSources[i] ?? [];
      const mix = Object.values(power.mix ?? {});
      sources.forEach((source, k) => {
        plan.options[k] = powerOption(source, shareOfSource(power, source.id, pick, fallback));
        if (plan.mix) plan.mix[k] = pick(mix[k] as Distribution);
      });
      plan.growth = site.power.growth ? pick(site.power.growth) : 0;
    });
    this.supply?.update(pick);
    this.world?.update(pick);
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
