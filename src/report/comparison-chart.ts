import * as Plot from '@observablehq/plot';
import { PALETTE, type Panel, plotSetup } from './chart.js';

/** The monthly series a saved scenario run keeps (medians when it ran under uncertainty). */
export interface ComparableSeries {
  month: number[];
  power_used_w: number[];
  accelerators: number[];
  peak_flops_bf16: number[];
  cumulative_capex_usd: number[];
}

const PANELS: ReadonlyArray<{ id: keyof ComparableSeries; title: string; scale: number; log?: boolean }> = [
  { id: 'power_used_w', title: 'Facility power used, GW', scale: 1e9 },
  { id: 'accelerators', title: 'Accelerators installed, millions', scale: 1e6 },
  { id: 'peak_flops_bf16', title: 'Peak dense BF16 FLOP/s, EFLOP/s (log scale)', scale: 1e18, log: true },
  { id: 'cumulative_capex_usd', title: 'Cumulative capex, $B', scale: 1e9 },
];

/** Two or more runs' series on shared panels, one line per run. */
export function comparisonPanels(runs: ReadonlyArray<{ label: string; series: ComparableSeries }>): Panel[] {
  const { base, date } = plotSetup();
  const labels = runs.map((r) => r.label);
  return PANELS.map(({ id, title, scale, log }) => {
    const data = runs.flatMap((r) =>
      r.series.month.map((month, i) => ({
        date: date(month),
        run: r.label,
        value: (r.series[id][i] ?? 0) / scale,
      })),
    );
    const shown = log ? data.filter((d) => d.value > 0) : data;
    const plot = Plot.plot({
      ...base,
      color: { domain: labels, range: PALETTE.slice(0, labels.length) },
      y: { grid: true, label: null, ...(log ? { type: 'log' as const } : {}) },
      marks: [
        Plot.lineY(shown, { x: 'date', y: 'value', stroke: 'run', strokeWidth: 2 }),
        ...(log ? [] : [Plot.ruleY([0])]),
      ],
    });
    return { id, title, legend: labels, svg: plot.outerHTML };
  });
}
