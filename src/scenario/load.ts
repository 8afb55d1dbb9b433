import { inference } from '../calculators/inference.js';
import { runCalculator } from '../calculators/run.js';
import type { Catalog } from '../catalog/catalog.js';
import { seriesAt } from '../catalog/supply.js';
import type { Accelerator } from '../catalog/types.js';
import { InputError, withContext } from '../errors.js';
import { capexPerUnitYear } from '../model/supply.js';
import { SECONDS_PER_MONTH } from '../units/dimensions.js';
import { parseYamlLocated } from '../yaml/document.js';
import type { Generation, TimelineAssumptions, TimelineInputs } from './inputs.js';
import { monthIndex, type Scenario, scenarioSchema } from './schema.js';

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  inputs: TimelineInputs;
  /** "file:line:col" of a path in the scenario file, for errors found after validation. */
  locate: (path: ReadonlyArray<PropertyKey>) => string;
}

function assumptions(s: Scenario, catalog: Catalog): TimelineAssumptions {
  const d = catalog.assumptions;
  const given = s.assumptions;
  const hardwareLifetime = given.hardware_lifetime ?? d.hardware_lifetime.value;
  return {
    pue: given.pue ?? d.pue.value,
    electricityPrice: given.electricity_price ?? d.electricity_price.value,
    facilityCapexPerItWatt: given.facility_capex ?? d.facility_capex_per_it_power.value,
    hardwareLifetime,
    hardwareLifetimeMonths: Math.max(1, Math.round(hardwareLifetime / SECONDS_PER_MONTH)),
    facilityLifetime: given.facility_lifetime ?? d.facility_lifetime.value,
    costOfCapital: given.cost_of_capital ?? d.cost_of_capital.value,
    upkeep: given.upkeep ?? d.upkeep_rate.value,
    loadFactor: given.load_factor ?? d.load_factor.value,
    mfu: given.mfu ?? d.mfu_bf16.value,
    goodput: given.goodput ?? d.goodput.value,
    trainingRun: given.training_run ?? 100 * 86_400,
    servingUtilization: given.serving_utilization ?? d.serving_utilization.value,
  };
}

/** Output tokens/s per accelerator for the reference model, served the way `calc inference` would. */
function tokensPerSecond(
  catalog: Catalog,
  model: string,
  accelerator: Accelerator,
  precision: string,
): number {
  const usable = accelerator.dense[precision as 'bf16'] ? precision : 'bf16';
  const result = runCalculator(inference, { model, accelerator: accelerator.id, precision: usable }, catalog);
  return result.outputs.output_throughput_per_accelerator?.value ?? 0;
}

function generations(s: Scenario, catalog: Catalog, locate: LoadedScenario['locate']): Generation[] {
  const model = s.assumptions.reference_model ?? 'llama-3.3-70b';
  const precision = s.assumptions.serving_precision ?? 'fp8';
  return s.fleet.map((entry, i) => {
    let accelerator: Accelerator;
    try {
      accelerator = catalog.accelerator(entry.accelerator);
    } catch (error) {
      if (error instanceof InputError)
        throw new InputError(
          `${locate(['fleet', i, 'accelerator'])}: fleet[${i}].accelerator: ${error.message}`,
        );
      throw error;
    }
    const next = s.fleet[i + 1];
    const to = entry.to ? monthIndex(entry.to) : next ? monthIndex(next.from) - 1 : monthIndex(s.span.end);
    const bf16 = accelerator.dense.bf16?.value ?? 0;
    return {
      id: accelerator.id,
      accelerator,
      from: monthIndex(entry.from),
      to,
      target: entry.target,
      since: accelerator.year * 12,
      price: entry.price ?? accelerator.price.value,
      priceChange: entry.price_change ?? 0,
      flopsGrowth: entry.flops_growth ?? 0,
      itPower: accelerator.itPower.value,
      peakBf16: bf16,
      peakFp8: accelerator.dense.fp8?.value ?? bf16,
      tokensPerSecond: tokensPerSecond(catalog, model, accelerator, precision),
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
function releases(s: Scenario): (month: number) => number {
  const schedule = s.programs.flatMap((p) =>
    p.commitments.map((c) =>
      'at' in c
        ? { from: monthIndex(c.at), to: monthIndex(c.at), perMonth: c.amount }
        : {
            from: monthIndex(c.from),
            to: monthIndex(c.to),
            perMonth: c.amount / (monthIndex(c.to) - monthIndex(c.from) + 1),
          },
    ),
  );
  return (month) => schedule.reduce((sum, r) => sum + (month >= r.from && month <= r.to ? r.perMonth : 0), 0);
}

/**
 * A program's monthly purchases: its share of global AI accelerator output (data/supply.yaml)
 * plus the output of fabs it builds itself. Fab capital buys capacity at the capex per
 * accelerator-year of the generation being bought when it is spent (logic fab, CoWoS and
 * HBM together), and that capacity produces after the lead time.
 */
function supplyPerMonth(
  s: Scenario,
  catalog: Catalog,
  gens: readonly Generation[],
): ((month: number) => number) | undefined {
  const supply = s.supply;
  if (!supply) return undefined;
  const share = supply.share ?? 0;
  const fabs = supply.fabs;
  const built: Array<{ online: number; unitsPerYear: number }> = [];
  if (fabs) {
    const from = monthIndex(fabs.from);
    const to = monthIndex(fabs.to);
    const lead = Math.round(fabs.lead_time / SECONDS_PER_MONTH);
    for (let month = from; month <= to; month++) {
      const gen = [...gens].reverse().find((g) => g.from <= month) ?? gens[0];
      const perUnitYear = gen ? capacityCost(catalog, gen.accelerator) : Number.POSITIVE_INFINITY;
      built.push({ online: month + lead, unitsPerYear: fabs.capital / (to - from + 1) / perUnitYear });
    }
  }
  return (month) => {
    const own = built.reduce((sum, b) => sum + (month >= b.online ? b.unitsPerYear : 0), 0);
    return (share * seriesAt(catalog.supply.globalAccelerators, month, supply.growth) + own) / 12;
  };
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

/** Validate a scenario file against the schema and the catalog, and resolve it for the timeline. */
export function loadScenario(text: string, file: string, catalog: Catalog): LoadedScenario {
  const { data: s, locate } = parseYamlLocated(text, file, scenarioSchema);
  const model = s.assumptions.reference_model;
  if (model !== undefined && !catalog.models.some((m) => m.id === model || m.aliases.includes(model))) {
    try {
      catalog.model(model);
    } catch (error) {
      if (error instanceof InputError)
        throw new InputError(
          `${locate(['assumptions', 'reference_model'])}: assumptions.reference_model: ${error.message}`,
        );
      throw error;
    }
  }
  const constrained = s.sites.length > 0 || s.programs.length > 0 || s.supply !== undefined;
  const open = s.fleet.findIndex((f) => f.target === undefined);
  if (!constrained && open >= 0) {
    throw new InputError(
      `${locate(['fleet', open])}: fleet[${open}]: nothing limits how many are bought; give sites (power), programs (capital), supply, or a target`,
    );
  }
  const perGw = s.programs.find((p) => p.per_gw)?.per_gw;
  const gens = generations(s, catalog, locate);
  const inputs: TimelineInputs = {
    start: monthIndex(s.span.start),
    end: monthIndex(s.span.end),
    assumptions: assumptions(s, catalog),
    capital:
      s.programs.length > 0
        ? {
            releasedByMonth: releases(s),
            perGw: perGw
              ? { amount: perGw.amount, upTo: perGw.up_to ?? Number.POSITIVE_INFINITY }
              : undefined,
          }
        : undefined,
    sites:
      s.sites.length > 0
        ? s.sites.map((site) => {
            const points = site.ramp.map((p) => ({ month: monthIndex(p.at), power: p.power }));
            return { name: site.name, powerAt: (month: number) => rampAt(points, month) };
          })
        : undefined,
    generations: gens,
    supplyPerMonth: withContext(`${locate(['supply', 'fabs'])}: supply.fabs`, () =>
      supplyPerMonth(s, catalog, gens),
    ),
  };
  return { file, scenario: s, inputs, locate };
}
