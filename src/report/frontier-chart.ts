import * as Plot from '@observablehq/plot';
import type { SeriesYear } from '../calculators/year-series.js';
import type { KnownRun } from '../catalog/frontier.js';
import { quantileKey } from '../uncertainty/driver.js';
import { composeSvg, PALETTE, type Panel, plotSetup } from './chart.js';
import { FRONTIER_COLUMNS } from './frontier-report.js';

const LEGEND: Record<(typeof FRONTIER_COLUMNS)[number][0], string> = {
  largest_run: 'largest',
  by_power_campus: 'campus power',
  by_power_distributed: 'distributed power',
  by_chips: 'chips',
  by_data: 'data',
  by_latency: 'latency',
};

/**
 * The frontier run year by year: each bound's median in its band (the interval asked
 * for), the largest run (the least bound) drawn heavier, and the largest runs done as
 * labelled dots, on a log scale of FLOP.
 */
export function frontierPanel(
  series: readonly SeriesYear[],
  quantiles: readonly [number, number, number],
  runs: readonly KnownRun[],
): Panel {
  const { base } = plotSetup();
  const [low, mid, high] = quantiles.map(quantileKey) as [string, string, string];
  const first = series[0]?.year ?? 0;
  const last = series[series.length - 1]?.year ?? 0;
  const colour = (i: number) => PALETTE[i % PALETTE.length] as string;
  const marks = FRONTIER_COLUMNS.flatMap(([name], i) => {
    const rows = series.map(({ year, result }) => {
      const q = result.outputs[name]?.quantiles ?? {};
      return { year, low: q[low] ?? 0, mid: q[mid] ?? 0, high: q[high] ?? 0 };
    });
    const largest = name === 'largest_run';
    return [
      Plot.areaY(rows, {
        x: 'year',
        y1: 'low',
        y2: 'high',
        fill: colour(i),
        fillOpacity: largest ? 0.25 : 0.1,
      }),
      Plot.lineY(rows, { x: 'year', y: 'mid', stroke: colour(i), strokeWidth: largest ? 3.5 : 1.5 }),
    ];
  });
  // A run's date as a fractional year, so runs of one year stand apart.
  const done = runs
    .map((r) => ({
      year: Number(r.date.slice(0, 4)) + (Number(r.date.slice(5, 7)) - 1) / 12,
      flop: r.compute.value,
      label: r.name,
    }))
    .filter((r) => r.year >= first && r.year < last + 1)
    .sort((a, b) => a.year - b.year)
    // Neighbours alternate their labels above and below the dot's right.
    .map((r, i) => ({ ...r, side: i % 2 }));
  const all = done.map((r) => r.flop);
  const highs = series.flatMap(({ result }) =>
    FRONTIER_COLUMNS.map(([name]) => result.outputs[name]?.quantiles[high] ?? 0),
  );
  const lows = series.map(({ result }) => result.outputs.largest_run?.quantiles[low] ?? 1);
  const decades = (values: number[], pick: (...v: number[]) => number, round: (v: number) => number) =>
    round(Math.log10(pick(...values.filter((v) => v > 0))));
  const bottom = decades([...lows, ...all], Math.min, Math.floor);
  const top = decades(highs, Math.max, Math.ceil);
  const ticks = Array.from({ length: top - bottom + 1 }, (_, i) => 10 ** (bottom + i));
  const runColour = colour(FRONTIER_COLUMNS.length);
  const plot = Plot.plot({
    ...base,
    height: 420,
    x: { label: null, tickFormat: 'd', domain: [first, last] },
    y: {
      type: 'log',
      grid: true,
      label: null,
      domain: [10 ** bottom, 10 ** top],
      ticks,
      tickFormat: (v: number) => v.toExponential(0).replace('e+', 'e'),
    },
    marks: [
      ...marks,
      Plot.dot(done, { x: 'year', y: 'flop', fill: runColour, r: 4 }),
      ...[0, 1].map((side) =>
        Plot.text(
          done.filter((r) => r.side === side),
          {
            x: 'year',
            y: 'flop',
            text: 'label',
            dx: 7,
            dy: side === 0 ? -8 : 9,
            textAnchor: 'start' as const,
            fontSize: 11,
            fill: runColour,
          },
        ),
      ),
    ],
  });
  const band = `${mid}, ${low}-${high} band`;
  return {
    id: 'frontier',
    title: `Largest training run each constraint allows, FLOP (log scale; ${band})`,
    legend: [...FRONTIER_COLUMNS.map(([name]) => LEGEND[name]), 'runs done'],
    svg: plot.outerHTML,
  };
}

/** The frontier chart as a standalone SVG (for --chart and the explorer's download). */
export function frontierChartSvg(
  title: string,
  series: readonly SeriesYear[],
  quantiles: readonly [number, number, number],
  runs: readonly KnownRun[],
): string {
  return composeSvg(title, [frontierPanel(series, quantiles, runs)]);
}
