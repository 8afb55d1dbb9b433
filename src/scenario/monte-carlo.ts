import type { Catalog } from '../catalog/catalog.js';
import { InputError, unknownId } from '../errors.js';
import { copulaFactor } from '../uncertainty/correlation.js';
import type { Distribution } from '../uncertainty/distributions.js';
import { quantile } from '../uncertainty/distributions.js';
import { quantileKey } from '../uncertainty/monte-carlo.js';
import type { UncertainInput } from '../uncertainty/sampler.js';
import { Sampler } from '../uncertainty/sampler.js';
import { addValue, emptySketch, type SketchData, sketchQuantile } from '../uncertainty/sketch.js';
import type { Dimension } from '../units/dimensions.js';
import { type ParsedScenario, resolveScenario } from './load.js';
import { type MonthField, MonthSeries } from './month-series.js';
import { monthIndex } from './schema.js';
import { YEAR_OUTPUTS, yearly } from './summary.js';
import { type Constraint, runTimelineInto } from './timeline.js';

/** Monthly series drawn with fan bands and written as quantile columns. */
export const MONTHLY_SERIES = {
  power_used_w: 'powerUsed',
  accelerators: 'accelerators',
  peak_flops_bf16: 'peakBf16',
  peak_flops_fp8: 'peakFp8',
  cumulative_capex_usd: 'cumulativeCapex',
} as const satisfies Record<string, MonthField>;
export type MonthlySeries = keyof typeof MONTHLY_SERIES;

export interface Summary {
  mean: number;
  quantiles: Record<string, number>;
}

export interface ScenarioMonteCarlo {
  samples: number;
  seed: number;
  quantiles: number[];
  uncertain: Array<{ name: string; dimension?: Dimension | undefined; quantiles: Record<string, number> }>;
  yearly: Array<{
    year: number;
    outputs: Partial<Record<keyof typeof YEAR_OUTPUTS, Summary>>;
    binding: Record<Constraint, number>;
  }>;
  monthly: Array<{ month: number; series: Partial<Record<MonthlySeries, Summary>> }>;
}

const BLOCK = 256;

export interface ScenarioMonteCarloOptions {
  samples: number;
  seed: number;
  quantiles: readonly number[];
  /** Yearly outputs to summarize (default: all). */
  outputs?: ReadonlyArray<keyof typeof YEAR_OUTPUTS>;
  /** Monthly series to band (default: all; [] for none). */
  series?: readonly MonthlySeries[];
  onProgress?: (done: number, total: number) => void;
}

/** All keys, or the chosen ones in their usual order; an unknown one is an input error. */
function chosen<K extends string>(all: K[], wanted: readonly K[] | undefined, what: string): K[] {
  if (!wanted) return all;
  for (const key of wanted)
    if (!all.includes(key)) throw new InputError(unknownId(`scenario ${what}`, key, all));
  return all.filter((key) => wanted.includes(key));
}

function summarize(sketch: SketchData, quantiles: readonly number[]): Summary {
  return {
    mean: sketch.sum / sketch.count,
    quantiles: Object.fromEntries(quantiles.map((q) => [quantileKey(q), sketchQuantile(sketch, q)])),
  };
}

/**
 * Run a scenario once per sample of its uncertain numbers and summarize each year's
 * outputs and the main monthly series. Sample i depends only on (seed, i): the same seed
 * gives the same figures. Memory stays flat: only sketches are kept.
 */
export function runScenarioMonteCarlo(
  parsed: ParsedScenario,
  catalog: Catalog,
  options: ScenarioMonteCarloOptions,
): ScenarioMonteCarlo {
  if (!Number.isInteger(options.samples) || options.samples < 1)
    throw new InputError('--samples: expected a whole number of at least 1');
  const names = parsed.uncertain.map((u) => u.name);
  const correlations = (parsed.scenario.uncertainty?.correlations ?? []).map((c) => ({
    a: c.a,
    b: c.b,
    spearman: c.rho,
  }));
  const factor = copulaFactor(names, correlations);
  const sampler = new Sampler(parsed.uncertain, options.seed, factor);
  const outputKeys = chosen(
    Object.keys(YEAR_OUTPUTS) as Array<keyof typeof YEAR_OUTPUTS>,
    options.outputs,
    'output',
  );
  const seriesKeys = chosen(Object.keys(MONTHLY_SERIES) as MonthlySeries[], options.series, 'series');
  const seriesColumns = seriesKeys.map((k) => MONTHLY_SERIES[k]);
  const start = monthIndex(parsed.scenario.span.start);
  const end = monthIndex(parsed.scenario.span.end);
  const firstYear = Math.floor(start / 12);
  const years = Math.floor(end / 12) - firstYear + 1;
  // Sketches by position, [year][output] and [month][series]: no lookups in the sample loop.
  const yearSketches = Array.from({ length: years }, () => outputKeys.map(() => emptySketch()));
  const monthSketches = Array.from({ length: end - start + 1 }, () => seriesKeys.map(() => emptySketch()));
  const bindings = Array.from(
    { length: years },
    () => ({ power: 0, capital: 0, supply: 0, plan: 0, none: 0 }) as Record<Constraint, number>,
  );
  const draws = parsed.uncertain.map(() => new Float64Array(BLOCK));
  // One series refilled by every sample: the sample loop allocates no month objects.
  const months = new MonthSeries(start, end - start + 1);
  const drawn = new Map<Distribution, number>();
  const pick = (d: Distribution) => (d.kind === 'point' ? d.value : (drawn.get(d) as number));

  for (let first = 0; first < options.samples; first += BLOCK) {
    const length = Math.min(BLOCK, options.samples - first);
    sampler.draw(first, length, draws);
    for (let j = 0; j < length; j++) {
      for (let k = 0; k < parsed.uncertain.length; k++) {
        drawn.set(
          (parsed.uncertain[k] as UncertainInput).distribution,
          (draws[k] as Float64Array)[j] as number,
        );
      }
      runTimelineInto(resolveScenario(parsed, catalog, pick), months);
      for (const row of yearly(months)) {
        const y = row.year - firstYear;
        const sketches = yearSketches[y] as SketchData[];
        for (let o = 0; o < outputKeys.length; o++)
          addValue(sketches[o] as SketchData, row[outputKeys[o] as keyof typeof YEAR_OUTPUTS] as number);
        (bindings[y] as Record<Constraint, number>)[row.binding]++;
      }
      for (let k = 0; k < seriesColumns.length; k++) {
        const column = months.columns[seriesColumns[k] as MonthField];
        for (let i = 0; i < months.length; i++)
          addValue((monthSketches[i] as SketchData[])[k] as SketchData, column[i] as number);
      }
    }
    options.onProgress?.(Math.min(options.samples, first + length), options.samples);
  }
  const q = options.quantiles;
  return {
    samples: options.samples,
    seed: options.seed,
    quantiles: [...q],
    uncertain: parsed.uncertain.map((u) => ({
      name: u.name,
      dimension: u.dimension,
      quantiles: Object.fromEntries(q.map((p) => [quantileKey(p), quantile(u.distribution, p)])),
    })),
    yearly: yearSketches.map((sketches, y) => ({
      year: firstYear + y,
      outputs: Object.fromEntries(
        outputKeys.map((k, o) => [k, summarize(sketches[o] as SketchData, q)]),
      ) as Partial<Record<keyof typeof YEAR_OUTPUTS, Summary>>,
      binding: Object.fromEntries(
        Object.entries(bindings[y] as Record<Constraint, number>).map(([k, n]) => [k, n / options.samples]),
      ) as Record<Constraint, number>,
    })),
    monthly: monthSketches.map((sketches, i) => ({
      month: start + i,
      series: Object.fromEntries(
        seriesKeys.map((k, o) => [k, summarize(sketches[o] as SketchData, q)]),
      ) as Partial<Record<MonthlySeries, Summary>>,
    })),
  };
}
