import { withDefaultRanges } from '../calculators/default-ranges.js';
import type { Calculator } from '../calculators/types.js';
import { runYearSeries } from '../calculators/year-series.js';
import type { Catalog } from '../catalog/catalog.js';
import { largestRunsByYear } from '../catalog/frontier.js';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../io/files.js';
import { frontierChartSvg } from '../report/frontier-chart.js';
import { renderFrontierSeries } from '../report/frontier-report.js';
import { quantileKey } from '../uncertainty/driver.js';
import { describeBoundGap } from '../units/verdict.js';
import { chartFile, checkChartPath } from './charts.js';
import { MAX_SAMPLES, monteCarloFlags, type UncertaintyOptions } from './flags.js';
import type { CliIo } from './io.js';

/** Samples per year of a year-by-year run unless told: a dozen years answer in about a second. */
const SERIES_SAMPLES = 4000;

function yearFlag(flag: string, text: string, first: number, last: number): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < first || year > last)
    throw new InputError(
      `${flag}: expected a year of the world scenario, ${first} to ${last}, got ${JSON.stringify(text)}`,
    );
  return year;
}

/**
 * `calc frontier-run --from A --to B [--chart F]`: the bounds year by year, as a table (or
 * JSON), with the largest runs done beside them, and a chart.
 */
export async function runFrontierSeries(
  run: { calc: Calculator; raw: Record<string, unknown>; catalog: Catalog; label: (name: string) => string },
  options: UncertaintyOptions & { from?: string; to?: string },
  io: CliIo,
): Promise<void> {
  const { calc, raw, catalog, label } = run;
  if (raw.year !== undefined)
    throw new InputError('--year and --from/--to conflict: give one year, or a span of years');
  if (options.sensitivity !== undefined)
    throw new InputError('--sensitivity takes one year: give --year instead of --from/--to');
  if (options.chart !== undefined) checkChartPath(options.chart);
  const world = catalog.worldBaseline();
  const first = world.years[0]?.year ?? 0;
  const last = world.years[world.years.length - 1]?.year ?? 0;
  const from = options.from === undefined ? first : yearFlag('--from', options.from, first, last);
  const to = options.to === undefined ? last : yearFlag('--to', options.to, first, last);
  if (to < from) throw new InputError(`--to: ${to} is before --from ${from}`);
  const flags = monteCarloFlags(
    options,
    SERIES_SAMPLES,
    MAX_SAMPLES.calculator / 100,
    calc.uncertainByDefault?.quantiles,
  );
  if (flags.quantiles.length !== 3)
    throw new InputError(
      '--quantiles: a year-by-year run takes three, low, middle and high, e.g. "10,50,90"',
    );
  const quantiles = flags.quantiles as [number, number, number];
  // Inputs are checked once, on the first year, before the run.
  withDefaultRanges(calc, { ...raw, year: from }, catalog, label);
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const series = runYearSeries(calc, raw, catalog, years, { ...flags, label });
  const runs = largestRunsByYear(catalog.frontier);
  const title = `The frontier run, ${from} to ${to} (${flags.samples.toLocaleString('en-US')} samples a year, seed ${flags.seed})`;
  if (options.chart !== undefined) {
    const svg = frontierChartSvg(title, series, quantiles, catalog.frontier.runs);
    writeFileAtomic(options.chart, await chartFile(options.chart, svg));
  }
  if (options.json) {
    const mid = quantileKey(quantiles[1]);
    const known = new Map(runs.map((r) => [r.year, r]));
    const json = {
      calculator: calc.name,
      samples: flags.samples,
      seed: flags.seed,
      years: series.map(({ year, result }) => {
        const done = known.get(year);
        const bound = result.outputs.largest_run?.quantiles[mid] ?? 0;
        return {
          year,
          outputs: result.outputs,
          binding: result.binding,
          ...(done
            ? {
                largest_done: {
                  id: done.id,
                  name: done.name,
                  flop: done.compute.value,
                  source: done.compute.source.title,
                  share_of_bound: describeBoundGap(done.compute.value, bound).ratio,
                },
              }
            : {}),
        };
      }),
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else io.stdout(renderFrontierSeries(title, series, quantiles, runs));
  if (options.chart !== undefined) io.stderr(`wrote ${options.chart}\n`);
}
