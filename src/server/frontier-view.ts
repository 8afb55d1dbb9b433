import { withDefaultRanges } from '../calculators/default-ranges.js';
import { frontierRun } from '../calculators/frontier-run.js';
import type { Binding } from '../calculators/monte-carlo.js';
import { runYearSeries } from '../calculators/year-series.js';
import type { Catalog } from '../catalog/catalog.js';
import { largestRunsByYear } from '../catalog/frontier.js';
import { InputError } from '../errors.js';
import { frontierChartSvg } from '../report/frontier-chart.js';
import { FRONTIER_COLUMNS } from '../report/frontier-report.js';
import { isUncertain, quantile } from '../uncertainty/distributions.js';
import { parseDistribution } from '../uncertainty/parse.js';
import { BASE_UNIT } from '../units/dimensions.js';
import { formatQuantity } from '../units/format.js';
import { describeBoundGap } from '../units/verdict.js';

/**
 * The explorer's frontier-run page: each input with its sourced range as a pair of
 * sliders, and the bounds year by year as one chart and a table of what binds.
 */

/** One input of the page: its default range and the span its sliders cover (SI numbers). */
export interface FrontierField {
  name: string;
  description: string;
  dimension: string;
  unit: string;
  /** The default as written, e.g. "2.2 GW to 9 GW" (the year-dependent ones at the last year shown). */
  written: string;
  /** The default's 5th and 95th percentiles. */
  low: number;
  high: number;
  /** Where the sliders start and end, and whether they move on a log scale. */
  min: number;
  max: number;
  log: boolean;
}

export interface FrontierInfo {
  /** The years the world scenario covers. */
  first: number;
  last: number;
  fields: FrontierField[];
  /** The bounds in the table and chart, by output name and label. */
  bounds: Array<{ name: string; label: string }>;
}

export interface FrontierRunOptions {
  inputs: Record<string, string>;
  from: number;
  to: number;
  samples: number;
  seed: number;
  deadline: number;
}

export interface FrontierYearView {
  year: number;
  /** Each bound's median and 80% interval, formatted, by output name. */
  bounds: Record<string, { p10: string; p50: string; p90: string; median: number }>;
  binding: Binding | undefined;
  /** "power, one campus 74%; data 20%". */
  binds: string;
  done?: { name: string; flop: string; gap: string } | undefined;
}

export interface FrontierView {
  from: number;
  to: number;
  samples: number;
  years: FrontierYearView[];
  /** The chart as the CLI draws it (report/frontier-chart.ts). */
  svg: string;
}

const QUANTILES = [0.1, 0.5, 0.9] as const;

/** The page's inputs: the frontier run's quantities with a sourced range, at `year`. */
export function frontierInfo(catalog: Catalog): FrontierInfo {
  const world = catalog.worldBaseline();
  const first = world.years[0]?.year ?? 0;
  const last = world.years[world.years.length - 1]?.year ?? 0;
  const drawn = withDefaultRanges(frontierRun, { year: last }, catalog, (n) => n);
  const fields: FrontierField[] = [];
  for (const spec of frontierRun.inputs) {
    const written = drawn[spec.name];
    if (spec.type !== 'quantity' || spec.name === 'year' || typeof written !== 'string') continue;
    const distribution = parseDistribution(written, spec.dimension);
    if (!isUncertain(distribution)) continue;
    const low = quantile(distribution, 0.05);
    const high = quantile(distribution, 0.95);
    const fraction = spec.dimension === 'fraction';
    // A default read from the catalog by year (the largest campus) is shown at the last year.
    const byYear = spec.defaultFor !== undefined;
    fields.push({
      name: spec.name,
      description: byYear
        ? `${spec.description}; each year has its own range (${last}'s shown)`
        : spec.description,
      dimension: spec.dimension,
      unit: BASE_UNIT[spec.dimension],
      written,
      low,
      high,
      min: fraction ? 0.01 : low / 10,
      max: fraction ? 1 : high * 10,
      log: !fraction,
    });
  }
  const bounds = FRONTIER_COLUMNS.map(([name, label]) => ({ name, label }));
  return { first, last, fields, bounds };
}

/** The bounds year by year, as the page shows them. */
export function frontierView(request: FrontierRunOptions, catalog: Catalog): FrontierView {
  const world = catalog.worldBaseline();
  const first = world.years[0]?.year ?? 0;
  const last = world.years[world.years.length - 1]?.year ?? 0;
  const { from, to } = request;
  if (from < first || to > last || to < from)
    throw new InputError(`years: expected a span within ${first} to ${last}, got ${from} to ${to}`);
  if ('year' in request.inputs) throw new InputError('year: the page runs a span of years; set from and to');
  const label = (name: string) => name.replaceAll('_', ' ');
  const inputs = Object.fromEntries(Object.entries(request.inputs).filter(([, v]) => v.trim() !== ''));
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const series = runYearSeries(frontierRun, inputs, catalog, years, {
    samples: request.samples,
    seed: request.seed,
    quantiles: [...QUANTILES],
    label,
    deadline: request.deadline,
  });
  const done = new Map(largestRunsByYear(catalog.frontier).map((r) => [r.year, r]));
  const flop = (v: number) => formatQuantity(v, 'flop');
  return {
    from,
    to,
    samples: request.samples,
    years: series.map(({ year, result }) => {
      const bounds: FrontierYearView['bounds'] = {};
      for (const [name] of FRONTIER_COLUMNS) {
        const q = result.outputs[name]?.quantiles ?? {};
        bounds[name] = {
          p10: flop(q.p10 ?? 0),
          p50: flop(q.p50 ?? 0),
          p90: flop(q.p90 ?? 0),
          median: q.p50 ?? 0,
        };
      }
      const run = done.get(year);
      const binding = result.binding;
      const binds = binding
        ? Object.entries(binding.shares)
            .filter(([, share]) => share >= 0.005)
            .sort((a, b) => b[1] - a[1])
            .map(([name, share]) => `${name} ${Math.round(share * 100)}%`)
            .join('; ')
        : '';
      return {
        year,
        bounds,
        binding,
        binds,
        done: run
          ? {
              name: run.name,
              flop: flop(run.compute.value),
              gap: describeBoundGap(run.compute.value, bounds.largest_run?.median ?? 1).text,
            }
          : undefined,
      };
    }),
    svg: frontierChartSvg(
      `The frontier run, ${from} to ${to} (${request.samples.toLocaleString('en-US')} samples a year)`,
      series,
      QUANTILES,
      catalog.frontier.runs,
    ),
  };
}
