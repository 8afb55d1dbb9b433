import type { Catalog } from '../catalog/catalog.js';
import { InputError, unknownId } from '../errors.js';
import { blockRange } from '../uncertainty/blocks.js';
import { copulaFactor } from '../uncertainty/correlation.js';
import { type Distribution, quantile } from '../uncertainty/distributions.js';
import {
  type BlockModel,
  blockCount,
  checkDeadline,
  DEADLINE_MESSAGE,
  mergeTallies,
  quantileKey,
  type RunOptions,
  type Summary,
  sampleBlocks,
  summarize,
  type Tally,
} from '../uncertainty/driver.js';
import { Sampler } from '../uncertainty/sampler.js';
import type { Dimension } from '../units/dimensions.js';
import { CONSTRAINTS, type Constraint, LIMITS } from './constraints.js';
import { MONTHLY_SERIES, type MonthlySeries, selectFields } from './fields.js';
import { outOfRange } from './finite.js';
import type { ParsedScenario } from './inputs.js';
import { MonthSeries } from './month-series.js';
import { monthIndex } from './months.js';
import { mostBindingCode, OUTPUTS, YEAR_OUTPUTS, type YearOutput, yearSpans, yearValue } from './outputs.js';
import { ScenarioResolution } from './resolve.js';
import { runTimelineInto, TimelineWorkspace } from './timeline.js';

/**
 * A scenario under uncertainty: each sample re-picks the file's uncertain numbers, runs the
 * timeline, and tallies each year's outputs, the charted month series and which constraint
 * bound each year. The sampling, blocks and tallies are the one driver's (uncertainty/driver.ts).
 */

export interface ScenarioMonteCarlo {
  samples: number;
  seed: number;
  quantiles: number[];
  uncertain: Array<{ name: string; dimension?: Dimension | undefined; quantiles: Record<string, number> }>;
  yearly: Array<{
    year: number;
    outputs: Partial<Record<YearOutput, Summary>>;
    /** The share of samples in which each constraint bound the year most. */
    binding: Record<Constraint, number>;
  }>;
  monthly: Array<{ month: number; series: Partial<Record<MonthlySeries, Summary>> }>;
}

/**
 * Samples per block. Means are summed per block and the block sums added in block order,
 * so any split of blocks across threads gives the same figures.
 */
export const SCENARIO_BLOCK = 256;

export interface ScenarioMonteCarloOptions extends RunOptions {
  /** Yearly outputs to summarize (default: all). */
  outputs?: readonly YearOutput[];
  /** Monthly series to band (default: all charted ones; [] for none). */
  series?: readonly MonthlySeries[];
}

/** All keys, or the chosen ones in their usual order; an unknown one is an input error. */
function chosen<K extends string>(all: readonly K[], wanted: readonly K[] | undefined, what: string): K[] {
  if (!wanted) return [...all];
  for (const key of wanted)
    if (!all.includes(key)) throw new InputError(unknownId(`scenario ${what}`, key, [...all]));
  return all.filter((key) => wanted.includes(key));
}

/** A scenario Monte Carlo run, resolved once per thread. Stats are numbered years × outputs, then months × series. */
export interface PreparedScenarioRun {
  parsed: ParsedScenario;
  options: ScenarioMonteCarloOptions;
  outputKeys: YearOutput[];
  seriesKeys: MonthlySeries[];
  start: number;
  months: number;
  firstYear: number;
  years: number;
  /** The run as the driver takes it; its counters are years × constraints. */
  model: BlockModel;
}

export const scenarioBlockCount = (samples: number) => blockCount(samples, SCENARIO_BLOCK);

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
  const outputKeys = chosen(OUTPUTS, options.outputs, 'output');
  const seriesKeys = chosen(Object.keys(MONTHLY_SERIES) as MonthlySeries[], options.series, 'series');
  const months = end - start + 1;
  const years = Math.floor(end / 12) - firstYear + 1;

  // One series refilled by every sample: the sample loop allocates no month objects.
  const series = new MonthSeries(start, months);
  const workspace = new TimelineWorkspace();
  // Resolved once; each sample only re-picks the numbers.
  const resolution = new ScenarioResolution(parsed, catalog);
  const spans = yearSpans(series);
  const values = outputKeys.map((key) => yearValue(key, series));
  const seriesColumns = seriesKeys.map((k) => series.columns[MONTHLY_SERIES[k]]);
  // Only the month fields these outputs and series read are recorded.
  const kept = selectFields([
    ...outputKeys.flatMap((key) => YEAR_OUTPUTS[key].reads),
    ...seriesKeys.map((k) => MONTHLY_SERIES[k]),
  ]);
  const monthStat = years * outputKeys.length;
  const tooSlow = DEADLINE_MESSAGE(options.samples);

  const sampler = new Sampler(parsed.uncertain, options.seed, copulaFactor(names, correlations));
  let draws: readonly Float64Array[] = [];
  let j = 0;
  // Each uncertain number's column, found by its distribution: a sample only moves `j`.
  const index = new Map<Distribution, number>(parsed.uncertain.map((u, k) => [u.distribution, k]));
  const pick = (d: Distribution) =>
    d.kind === 'point' ? d.value : ((draws[index.get(d) as number] as Float64Array)[j] as number);

  const model: BlockModel = {
    sampler,
    blockSize: SCENARIO_BLOCK,
    stats: monthStat + months * seriesKeys.length,
    counters: years * CONSTRAINTS.length,
    deadline: options.deadline,
    tooSlow,
    evaluate(blockDraws, length, columns, seen, counts) {
      draws = blockDraws;
      seen.fill(1);
      for (j = 0; j < length; j++) {
        // A large scenario's sample takes milliseconds: look at the clock within blocks too.
        if ((j & 7) === 7) checkDeadline(options.deadline, tooSlow);
        runTimelineInto(resolution.update(pick), series, { workspace, kept });
        // Only the chosen outputs are computed, straight from the month columns.
        for (let y = 0; y < spans.length; y++) {
          const span = spans[y] as (typeof spans)[number];
          for (let o = 0; o < values.length; o++)
            (columns[y * values.length + o] as Float64Array)[j] = (values[o] as (typeof values)[number])(
              span.from,
              span.to,
            );
          const code = y * CONSTRAINTS.length + mostBindingCode(series, span.from, span.to);
          counts[code] = (counts[code] as number) + 1;
        }
        for (let k = 0; k < seriesColumns.length; k++) {
          const column = seriesColumns[k] as Float64Array;
          for (let i = 0; i < months; i++)
            (columns[monthStat + i * seriesColumns.length + k] as Float64Array)[j] = column[i] as number;
        }
      }
      return length;
    },
    outOfRange: () => outOfRange(parsed.file, 'a sample of the run'),
  };
  return { parsed, options, outputKeys, seriesKeys, start, months, firstYear, years, model };
}

/** Merge the threads' tallies into the run's summary. */
export function finishScenarioMonteCarlo(
  p: PreparedScenarioRun,
  tallies: readonly Tally[],
): ScenarioMonteCarlo {
  const { parsed, options, outputKeys, seriesKeys, firstYear } = p;
  const q = options.quantiles;
  const merged = mergeTallies(p.model, tallies, options.samples);
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
        outputKeys.map((k, o) => [k, summarize(merged, y * outputKeys.length + o, q)]),
      ) as Partial<Record<YearOutput, Summary>>,
      binding: Object.fromEntries(
        [...LIMITS, 'none' as const].map((name) => [
          name,
          (merged.counts[y * CONSTRAINTS.length + CONSTRAINTS.indexOf(name)] as number) / options.samples,
        ]),
      ) as Record<Constraint, number>,
    })),
    monthly: Array.from({ length: p.months }, (_, i) => ({
      month: p.start + i,
      series: Object.fromEntries(
        seriesKeys.map((k, o) => [k, summarize(merged, monthStat + i * seriesKeys.length + o, q)]),
      ) as Partial<Record<MonthlySeries, Summary>>,
    })),
  };
}

/**
 * Run a scenario once per sample of its uncertain numbers, on this thread, and summarize
 * each year's outputs and the charted monthly series. Sample i depends only on (seed, i):
 * the same seed gives the same figures. Memory stays flat: only sketches are kept.
 */
export function runScenarioMonteCarlo(
  parsed: ParsedScenario,
  catalog: Catalog,
  options: ScenarioMonteCarloOptions,
): ScenarioMonteCarlo {
  const p = prepareScenarioMonteCarlo(parsed, catalog, options);
  const { onProgress } = options;
  let done = 0;
  const tally = sampleBlocks(
    p.model,
    blockRange(0, scenarioBlockCount(options.samples)),
    options.samples,
    // No callback without a listener: a fresh closure per run would unsettle optimized code.
    onProgress && (() => onProgress(Math.min(options.samples, ++done * SCENARIO_BLOCK), options.samples)),
  );
  return finishScenarioMonteCarlo(p, [tally]);
}
