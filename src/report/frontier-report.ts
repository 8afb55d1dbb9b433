import type { Binding } from '../calculators/monte-carlo.js';
import type { SeriesYear } from '../calculators/year-series.js';
import type { KnownRun } from '../catalog/frontier.js';
import { quantileKey } from '../uncertainty/driver.js';
import { formatQuantity } from '../units/format.js';
import { describeBoundGap } from '../units/verdict.js';
import { renderTable } from './table.js';

/** The bounds a frontier-run table shows, in order, with their column headers. */
export const FRONTIER_COLUMNS = [
  ['largest_run', 'Largest run'],
  ['by_power_campus', 'Power, campus'],
  ['by_power_distributed', 'Power, distributed'],
  ['by_chips', 'Chips'],
  ['by_data', 'Data'],
  ['by_latency', 'Latency'],
] as const;

const flop = (v: number) => formatQuantity(v, 'flop').replace(' FLOP', '');

/** "1.3e29 (4.3e28-3e29)": a median and its interval, in FLOP. */
function band(quantiles: Record<string, number>, keys: readonly [string, string, string]): string {
  const [low, mid, high] = keys.map((k) => quantiles[k] ?? 0) as [number, number, number];
  return `${flop(mid)} (${flop(low)}-${flop(high)})`;
}

/** The most frequent binding bound, and its share when it is not every sample. */
function binds(binding: Binding | undefined): string {
  if (!binding) return '';
  const share = binding.shares[binding.constraint] ?? 0;
  return share >= 0.995 ? binding.constraint : `${binding.constraint} ${Math.round(share * 100)}%`;
}

/** The year-by-year table: each bound's median and interval, what binds, and the largest run done. */
export function renderFrontierSeries(
  title: string,
  series: readonly SeriesYear[],
  quantiles: readonly [number, number, number],
  runs: readonly KnownRun[],
): string {
  const keys = quantiles.map(quantileKey) as [string, string, string];
  const byYear = new Map(runs.map((r) => [r.year, r]));
  const rows = series.map(({ year, result }) => {
    const done = byYear.get(year);
    const median = result.outputs.largest_run?.quantiles[keys[1]] ?? 0;
    return [
      String(year),
      ...FRONTIER_COLUMNS.map(([name]) => band(result.outputs[name]?.quantiles ?? {}, keys)),
      binds(result.binding),
      done
        ? `${done.name} ${flop(done.compute.value)} (${describeBoundGap(done.compute.value, median).text})`
        : '',
    ];
  });
  const right = { align: 'right' as const };
  const [low, mid, high] = keys;
  return `${[
    title,
    '',
    `  Each bound: ${mid} (${low}-${high}), FLOP. Binds: the bound least in most samples.`,
    '',
    renderTable(
      [
        { header: 'Year' },
        ...FRONTIER_COLUMNS.map(([, header]) => ({ header, ...right })),
        { header: 'Binds' },
        { header: 'Largest run done (against the median bound)' },
      ],
      rows,
      '  ',
    ),
  ].join('\n')}\n`;
}
