import { inference } from '../calculators/inference.js';
import { runCalculator } from '../calculators/run.js';
import type { Catalog } from '../catalog/catalog.js';
import { seriesAt } from '../catalog/supply.js';
import type { Accelerator } from '../catalog/types.js';
import { InputError, withContext } from '../errors.js';
import { capexPerUnitYear } from '../model/supply.js';
import { type Distribution, median } from '../uncertainty/distributions.js';
import type { UncertainInput } from '../uncertainty/sampler.js';
import { SECONDS_PER_MONTH } from '../units/dimensions.js';
import { formatPath, parseYamlLocated } from '../yaml/document.js';
import type { Generation, TimelineAssumptions, TimelineInputs } from './inputs.js';
import { monthIndex, type Scenario, scenarioSchema, uncertainNumberInfo } from './schema.js';

/** Turns a number of the scenario file (maybe a distribution) into the value for this run. */
export type Pick = (d: Distribution) => number;

/** Plain quantities are themselves; a deterministic run takes distributions at their medians. */
export const atMedian: Pick = (d) => (d.kind === 'point' ? d.value : median(d));

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
}

export interface LoadedScenario extends ParsedScenario {
  inputs: TimelineInputs;
}

const DISTRIBUTION_KINDS = new Set([
  'point',
  'normal',
  'lognormal',
  'uniform',
  'triangular',
  'pert',
  'mixture',
]);

function isDistribution(v: unknown): v is Distribution {
  return typeof v === 'object' && v !== null && DISTRIBUTION_KINDS.has((v as { kind?: string }).kind ?? '');
}

/** Every non-point distribution in the parsed file, with its path. */
function uncertainNumbers(value: unknown, path: PropertyKey[] = []): UncertainInput[] {
  if (isDistribution(value)) {
    if (value.kind === 'point') return [];
    const info = uncertainNumberInfo.get(value);
    return [
      {
        name: formatPath(path),
        distribution: value,
        dimension: info?.dimension,
        min: info?.range.min,
        max: info?.range.max,
      },
    ];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => uncertainNumbers(v, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => uncertainNumbers(v, [...path, k]));
  }
  return [];
}

function assumptions(s: Scenario, catalog: Catalog, pick: Pick): TimelineAssumptions {
  const d = catalog.assumptions;
  const g = s.assumptions;
  const or = (given: Distribution | undefined, fallback: number) => (given ? pick(given) : fallback);
  const hardwareLifetime = or(g.hardware_lifetime, d.hardware_lifetime.value);
  return {
    pue: or(g.pue, d.pue.value),
    electricityPrice: or(g.electricity_price, d.electricity_price.value),
    facilityCapexPerItWatt: or(g.facility_capex, d.facility_capex_per_it_power.value),
    hardwareLifetime,
    hardwareLifetimeMonths: Math.max(1, Math.round(hardwareLifetime / SECONDS_PER_MONTH)),
    facilityLifetime: or(g.facility_lifetime, d.facility_lifetime.value),
    costOfCapital: or(g.cost_of_capital, d.cost_of_capital.value),
    upkeep: or(g.upkeep, d.upkeep_rate.value),
    loadFactor: or(g.load_factor, d.load_factor.value),
    mfu: or(g.mfu, d.mfu_bf16.value),
    goodput: or(g.goodput, d.goodput.value),
    trainingRun: or(g.training_run, 100 * 86_400),
    servingUtilization: or(g.serving_utilization, d.serving_utilization.value),
  };
}

/** Output tokens/s per accelerator for the reference model, served the way `calc inference` would. */
function servedTokensPerSecond(
  catalog: Catalog,
  model: string,
  accelerator: Accelerator,
  precision: string,
): number {
  const usable = accelerator.dense[precision as 'bf16'] ? precision : 'bf16';
  const result = runCalculator(inference, { model, accelerator: accelerator.id, precision: usable }, catalog);
  return result.outputs.output_throughput_per_accelerator?.value ?? 0;
}

function generations(p: ParsedScenario, pick: Pick): Generation[] {
  const s = p.scenario;
  return s.fleet.map((entry, i) => {
    const accelerator = p.accelerators[i] as Accelerator;
    const next = s.fleet[i + 1];
    const to = entry.to ? monthIndex(entry.to) : next ? monthIndex(next.from) - 1 : monthIndex(s.span.end);
    const bf16 = accelerator.dense.bf16?.value ?? 0;
    return {
      id: accelerator.id,
      accelerator,
      from: monthIndex(entry.from),
      to,
      target: entry.target ? pick(entry.target) : undefined,
      since: accelerator.year * 12,
      price: entry.price ? pick(entry.price) : accelerator.price.value,
      priceChange: entry.price_change ? pick(entry.price_change) : 0,
      flopsGrowth: entry.flops_growth ? pick(entry.flops_growth) : 0,
      itPower: accelerator.itPower.value,
      peakBf16: bf16,
      peakFp8: accelerator.dense.fp8?.value ?? bf16,
      tokensPerSecond: p.tokensPerSecond[i] ?? 0,
    };
  });
}

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

/** Capital released in a month by all programs' commitments. */
function releases(s: Scenario, pick: Pick): (month: number) => number {
  const schedule = s.programs.flatMap((p) =>
    p.commitments.map((c) => {
      const amount = pick(c.amount);
      if ('at' in c) return { from: monthIndex(c.at), to: monthIndex(c.at), perMonth: amount };
      const from = monthIndex(c.from);
      const to = monthIndex(c.to);
      return { from, to, perMonth: amount / (to - from + 1) };
    }),
  );
  return (month) => schedule.reduce((sum, r) => sum + (month >= r.from && month <= r.to ? r.perMonth : 0), 0);
}

/** Capital for one more accelerator a year of chip-making capacity, from the supply catalog. */
function capacityCost(catalog: Catalog, accelerator: Accelerator): number {
  const s = catalog.supply;
  const pkg = s.packaging[accelerator.id];
  const node = pkg ? s.processes[pkg.process] : undefined;
  if (!pkg || !node?.fabCost || !node.fabWaferStarts) {
    throw new InputError(
      `${accelerator.id} has no packaging and fab data in data/supply.yaml, which supply.fabs needs`,
    );
  }
  return capexPerUnitYear(
    {
      computeDies: pkg.computeDies.value,
      computeDieArea: pkg.computeDieArea.value,
      interposerArea: pkg.interposerArea.value,
      hbmStacks: pkg.hbmStacks.value,
    },
    {
      waferPrice: node.waferPrice.value,
      defectDensity: node.defectDensity.value,
      fabCost: node.fabCost.value,
      fabWaferStarts: node.fabWaferStarts.value,
      euvLayers: node.euvLayers.value,
    },
    {
      cowosCapexPerWaferMonth: s.cowos.capexPerWaferMonth.value,
      hbmCapexPerStackYear: s.hbm.capexPerStackYear.value,
    },
    s.cowos.packagingYield.value,
  ).total;
}

/**
 * A program's monthly purchases: its share of global AI accelerator output (data/supply.yaml)
 * plus the output of fabs it builds itself. Fab capital buys capacity at the capex per
 * accelerator-year of the generation being bought when it is spent (logic fab, CoWoS and
 * HBM together), and that capacity produces after the lead time.
 */
function supplyPerMonth(p: ParsedScenario, catalog: Catalog, gens: readonly Generation[], pick: Pick) {
  const supply = p.scenario.supply;
  if (!supply) return undefined;
  const share = supply.share ? pick(supply.share) : 0;
  const growth = supply.growth ? pick(supply.growth) : undefined;
  const fabs = supply.fabs;
  const built: Array<{ online: number; unitsPerYear: number }> = [];
  if (fabs) {
    const from = monthIndex(fabs.from);
    const to = monthIndex(fabs.to);
    const lead = Math.round(pick(fabs.lead_time) / SECONDS_PER_MONTH);
    const capital = pick(fabs.capital);
    for (let month = from; month <= to; month++) {
      const gen = [...gens].reverse().find((g) => g.from <= month) ?? gens[0];
      const perUnitYear = gen ? capacityCost(catalog, gen.accelerator) : Number.POSITIVE_INFINITY;
      built.push({ online: month + lead, unitsPerYear: capital / (to - from + 1) / perUnitYear });
    }
  }
  return (month: number) => {
    const own = built.reduce((sum, b) => sum + (month >= b.online ? b.unitsPerYear : 0), 0);
    return (share * seriesAt(catalog.supply.globalAccelerators, month, growth) + own) / 12;
  };
}

/** Validate a scenario file against the schema and the catalog; done once per file. */
export function parseScenario(text: string, file: string, catalog: Catalog): ParsedScenario {
  const { data: s, locate } = parseYamlLocated(text, file, scenarioSchema);
  const at = (path: PropertyKey[]) => `${locate(path)}: ${formatPath(path)}`;
  const model = s.assumptions.reference_model ?? 'llama-3.3-70b';
  withContext(at(['assumptions', 'reference_model']), () => catalog.model(model));
  const accelerators = s.fleet.map((entry, i) =>
    withContext(at(['fleet', i, 'accelerator']), () => catalog.accelerator(entry.accelerator)),
  );
  const constrained = s.sites.length > 0 || s.programs.length > 0 || s.supply !== undefined;
  const open = s.fleet.findIndex((f) => f.target === undefined);
  if (!constrained && open >= 0) {
    throw new InputError(
      `${at(['fleet', open])}: nothing limits how many are bought; give sites (power), programs (capital), supply, or a target`,
    );
  }
  const uncertain = uncertainNumbers(s);
  const names = new Set(uncertain.map((u) => u.name));
  (s.uncertainty?.correlations ?? []).forEach((c, i) => {
    for (const key of ['a', 'b'] as const) {
      if (!names.has(c[key])) {
        throw new InputError(
          `${at(['uncertainty', 'correlations', i, key])}: '${c[key]}' is not an uncertain number of this scenario (known: ${[...names].join(', ') || 'none'})`,
        );
      }
    }
  });
  const precision = s.assumptions.serving_precision ?? 'fp8';
  const tokensPerSecond = accelerators.map((a) => servedTokensPerSecond(catalog, model, a, precision));
  const parsed: ParsedScenario = { file, scenario: s, uncertain, locate, accelerators, tokensPerSecond };
  if (s.supply?.fabs)
    withContext(at(['supply', 'fabs']), () => {
      for (const a of accelerators) capacityCost(catalog, a);
    });
  return parsed;
}

/** The timeline's inputs for one run, each number taken by `pick`. */
export function resolveScenario(p: ParsedScenario, catalog: Catalog, pick: Pick = atMedian): TimelineInputs {
  const s = p.scenario;
  const perGw = s.programs.find((program) => program.per_gw)?.per_gw;
  const gens = generations(p, pick);
  return {
    start: monthIndex(s.span.start),
    end: monthIndex(s.span.end),
    assumptions: assumptions(s, catalog, pick),
    capital:
      s.programs.length > 0
        ? {
            releasedByMonth: releases(s, pick),
            perGw: perGw
              ? {
                  amount: pick(perGw.amount),
                  upTo: perGw.up_to ? pick(perGw.up_to) : Number.POSITIVE_INFINITY,
                }
              : undefined,
          }
        : undefined,
    sites:
      s.sites.length > 0
        ? s.sites.map((site) => {
            const points = site.ramp.map((r) => ({ month: monthIndex(r.at), power: pick(r.power) }));
            return { name: site.name, powerAt: (month: number) => rampAt(points, month) };
          })
        : undefined,
    generations: gens,
    supplyPerMonth: supplyPerMonth(p, catalog, gens, pick),
  };
}

/** Parse and resolve at the medians: the deterministic run. */
export function loadScenario(text: string, file: string, catalog: Catalog): LoadedScenario {
  const parsed = parseScenario(text, file, catalog);
  return { ...parsed, inputs: resolveScenario(parsed, catalog) };
}
