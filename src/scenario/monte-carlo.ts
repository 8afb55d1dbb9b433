import type { Catalog } from '../catalog/catalog.js';
import { InputError, unknownId } from '../errors.js';
import { type BlockClaim, blockRange } from '../uncertainty/blocks.js';
import { copulaFactor } from '../uncertainty/correlation.js';
import type { Distribution } from '../uncertainty/distributions.js';
import { quantile } from '../uncertainty/distributions.js';
import { checkDeadline, quantileKey } from '../uncertainty/monte-carlo.js';
import { floatColumns, Sampler } from '../uncertainty/sampler.js';
import { addValue, emptySketch, mergeInto, type SketchData, sketchQuantile } from '../uncertainty/sketch.js';
import type { Dimension } from '../units/dimensions.js';
import { outOfRange } from './finite.js';
import type { ParsedScenario } from './load.js';
import { CONSTRAINTS, type MonthField, MonthSeries, recording } from './month-series.js';
import { monthIndex } from './months.js';
import { ScenarioResolution } from './resolve.js';
import {
  mostBindingCode,
  YEAR_OUTPUTS,
  YEAR_READS,
  YEAR_VALUE,
  type YearSpan,
  yearSpans,
} from './summary.js';
import { type Constraint, runTimelineInto, TimelineWorkspace } from './timeline.js';

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

/**
 * Samples per block. Means are summed per block and the block sums added in block order,
 * so any split of blocks across threads gives the same figures.
 */
export const SCENARIO_BLOCK = 256;

export interface ScenarioMonteCarloOptions {
  samples: number;
  seed: number;
  quantiles: readonly number[];
  /** Yearly outputs to summarize (default: all). */
  outputs?: ReadonlyArray<keyof typeof YEAR_OUTPUTS>;
  /** Monthly series to band (default: all; [] for none). */
  series?: readonly MonthlySeries[];
  /** Wall-clock time (ms since the epoch) after which the run stops with an input error. */
  deadline?: number;
  onProgress?: (done: number, total: number) => void;
}

/** All keys, or the chosen ones in their usual order; an unknown one is an input error. */
function chosen<K extends string>(all: K[], wanted: readonly K[] | undefined, what: string): K[] {
  if (!wanted) return all;
  for (const key of wanted)
    if (!all.includes(key)) throw new InputError(unknownId(`scenario ${what}`, key, all));
  return all.filter((key) => wanted.includes(key));
}

/** A scenario Monte Carlo run, resolved once per thread. */
export interface PreparedScenarioRun {
  parsed: ParsedScenario;
  catalog: Catalog;
  options: ScenarioMonteCarloOptions;
  sampler: Sampler;
  outputKeys: Array<keyof typeof YEAR_OUTPUTS>;
  seriesKeys: MonthlySeries[];
  start: number;
  months: number;
  firstYear: number;
  years: number;
}

/** What the blocks one thread ran contribute. Stats are numbered years × outputs, then months × series. */
export interface ScenarioTally {
  sketches: SketchData[];
  /** The blocks run, in the order they were claimed. */
  blocks: number[];
  /** blockSums[k * stats + s]: stat s summed over block blocks[k]. */
  blockSums: number[];
  /** bindings[y * 5 + code]: samples whose year y was bound most by that constraint. */
  bindings: Float64Array;
}

export function prepareScenarioMonteCarlo(
  parsed: ParsedScenario,
  catalog: Catalog,
  options: ScenarioMonteCarloOptions,
): PreparedScenarioRun {
  if (!Number.isInteger(options.samples) || options.samples < 1)
    throw new InputError('--samples: expected a whole number of at least 1');
  const names = parsed.uncertain.map((u) => u.name);
  const correlations = (parsed.scenario.uncertainty?.correlations ?? []).map((c) => ({
    a: c.a,
    b: c.b,
    spearman: c.rho,
  }));
  const start = monthIndex(parsed.scenario.span.start);
  const end = monthIndex(parsed.scenario.span.end);
  const firstYear = Math.floor(start / 12);
  return {
    parsed,
    catalog,
    options,
    sampler: new Sampler(parsed.uncertain, options.seed, copulaFactor(names, correlations)),
    outputKeys: chosen(
      Object.keys(YEAR_OUTPUTS) as Array<keyof typeof YEAR_OUTPUTS>,
      options.outputs,
      'output',
    ),
    seriesKeys: chosen(Object.keys(MONTHLY_SERIES) as MonthlySeries[], options.series, 'series'),
    start,
    months: end - start + 1,
    firstYear,
    years: Math.floor(end / 12) - firstYear + 1,
  };
}

const statCount = (p: PreparedScenarioRun) => p.years * p.outputKeys.length + p.months * p.seriesKeys.length;
export const scenarioBlockCount = (samples: number) => Math.ceil(samples / SCENARIO_BLOCK);

/** Draw and run the blocks `claim` hands out. */
export function sampleScenarioBlocks(
  p: PreparedScenarioRun,
  claim: BlockClaim,
  onBlock?: () => void,
): ScenarioTally {
  const { parsed, catalog, sampler, outputKeys, seriesKeys } = p;
  const samples = p.options.samples;
  const stats = statCount(p);
  const sketches = Array.from({ length: stats }, () => emptySketch());
  const blocks: number[] = [];
  const blockSums: number[] = [];
  const sums = new Float64Array(stats);
  const total = scenarioBlockCount(samples);
  const bindings = new Float64Array(p.years * CONSTRAINTS.length);
  const seriesColumns = seriesKeys.map((k) => MONTHLY_SERIES[k]);
  const monthStat = p.years * outputKeys.length;
  const draws = floatColumns(parsed.uncertain.length, SCENARIO_BLOCK);
  // One series refilled by every sample: the sample loop allocates no month objects.
  const months = new MonthSeries(p.start, p.months);
  const workspace = new TimelineWorkspace();
  // Resolved once; each sample only re-picks the numbers.
  const resolution = new ScenarioResolution(parsed, catalog);
  const spans = yearSpans(months);
  const values = outputKeys.map((key) => YEAR_VALUE[key]);
  // Only the month fields these outputs and series read are recorded.
  const record = recording([...outputKeys.flatMap((key) => YEAR_READS[key]), ...seriesColumns]);
  // Each uncertain number's column, found by its distribution: a sample only moves `j`.
  const columnOf = new Map<Distribution, Float64Array>(
    parsed.uncertain.map((u, k) => [u.distribution, draws[k] as Float64Array]),
  );
  let j = 0;
  const pick = (d: Distribution) =>
    d.kind === 'point' ? d.value : ((columnOf.get(d) as Float64Array)[j] as number);
  for (let block = claim(); block < total; block = claim()) {
    blocks.push(block);
    const offset = block * SCENARIO_BLOCK;
    const length = Math.min(SCENARIO_BLOCK, samples - offset);
    sums.fill(0);
    sampler.draw(offset, length, draws);
    for (j = 0; j < length; j++) {
      // A large scenario's sample takes milliseconds: look at the clock within blocks too.
      if ((j & 7) === 7) checkDeadline(p.options.deadline, samples);
      runTimelineInto(resolution.update(pick), months, { workspace, record });
      // Only the chosen outputs are computed, straight from the month columns.
      for (let y = 0; y < spans.length; y++) {
        const { from, to } = spans[y] as YearSpan;
        for (let o = 0; o < outputKeys.length; o++) {
          const stat = y * outputKeys.length + o;
          const v = (values[o] as (typeof YEAR_VALUE)[keyof typeof YEAR_VALUE])(months.columns, from, to);
          addValue(sketches[stat] as SketchData, v);
          sums[stat] = (sums[stat] as number) + v;
        }
        const code = y * CONSTRAINTS.length + mostBindingCode(months, from, to);
        bindings[code] = (bindings[code] as number) + 1;
      }
      for (let k = 0; k < seriesColumns.length; k++) {
        const column = months.columns[seriesColumns[k] as MonthField];
        for (let i = 0; i < months.length; i++) {
          const stat = monthStat + i * seriesKeys.length + k;
          addValue(sketches[stat] as SketchData, column[i] as number);
          sums[stat] = (sums[stat] as number) + (column[i] as number);
        }
      }
    }
    for (const sum of sums) {
      if (!Number.isFinite(sum)) throw outOfRange(parsed.file, 'a sample of the run');
      blockSums.push(sum);
    }
    onBlock?.();
    checkDeadline(p.options.deadline, samples);
  }
  return { sketches, blocks, blockSums, bindings };
}

/** Merge the threads' tallies into the run's summary, block sums in block order. */
export function finishScenarioMonteCarlo(
  p: PreparedScenarioRun,
  tallies: readonly ScenarioTally[],
): ScenarioMonteCarlo {
  const { parsed, options, outputKeys, seriesKeys, firstYear } = p;
  const q = options.quantiles;
  const stats = statCount(p);
  // Each block's sums by block index, whichever thread ran it: added in block order, the
  // totals are the same for any number of threads.
  const byBlock = new Float64Array(scenarioBlockCount(options.samples) * stats);
  for (const t of tallies)
    t.blocks.forEach((block, k) => {
      byBlock.set(t.blockSums.slice(k * stats, (k + 1) * stats), block * stats);
    });
  const summary = (stat: number): Summary => {
    const sketch = emptySketch();
    for (const t of tallies) mergeInto(sketch, t.sketches[stat] as SketchData);
    let sum = 0;
    for (let b = 0; b < byBlock.length / stats; b++) sum += byBlock[b * stats + stat] as number;
    return {
      mean: sum / sketch.count,
      quantiles: Object.fromEntries(q.map((x) => [quantileKey(x), sketchQuantile(sketch, x)])),
    };
  };
  const monthStat = p.years * outputKeys.length;
  return {
    samples: options.samples,
    seed: options.seed,
    quantiles: [...q],
    uncertain: parsed.uncertain.map((u) => ({
      name: u.name,
      dimension: u.dimension,
      quantiles: Object.fromEntries(q.map((x) => [quantileKey(x), quantile(u.distribution, x)])),
    })),
    yearly: Array.from({ length: p.years }, (_, y) => ({
      year: firstYear + y,
      outputs: Object.fromEntries(
        outputKeys.map((k, o) => [k, summary(y * outputKeys.length + o)]),
      ) as Partial<Record<keyof typeof YEAR_OUTPUTS, Summary>>,
      binding: Object.fromEntries(
        ['power', 'capital', 'supply', 'plan', 'none'].map((name) => {
          const code = y * CONSTRAINTS.length + CONSTRAINTS.indexOf(name as Constraint);
          const n = tallies.reduce((total, t) => total + (t.bindings[code] as number), 0);
          return [name, n / options.samples];
        }),
      ) as Record<Constraint, number>,
    })),
    monthly: Array.from({ length: p.months }, (_, i) => ({
      month: p.start + i,
      series: Object.fromEntries(
        seriesKeys.map((k, o) => [k, summary(monthStat + i * seriesKeys.length + o)]),
      ) as Partial<Record<MonthlySeries, Summary>>,
    })),
  };
}

/**
 * Run a scenario once per sample of its uncertain numbers, on this thread, and summarize
 * each year's outputs and the main monthly series. Sample i depends only on (seed, i):
 * the same seed gives the same figures. Memory stays flat: only sketches are kept.
 */
export function runScenarioMonteCarlo(
  parsed: ParsedScenario,
  catalog: Catalog,
  options: ScenarioMonteCarloOptions,
): ScenarioMonteCarlo {
  const p = prepareScenarioMonteCarlo(parsed, catalog, options);
  const blocks = scenarioBlockCount(options.samples);
  const { onProgress } = options;
  let done = 0;
  const tally = sampleScenarioBlocks(
    p,
    blockRange(0, blocks),
    // No callback without a listener: a fresh closure per run would unsettle optimized code.
    onProgress && (() => onProgress(Math.min(options.samples, ++done * SCENARIO_BLOCK), options.samples)),
  );
  return finishScenarioMonteCarlo(p, [tally]);
}
