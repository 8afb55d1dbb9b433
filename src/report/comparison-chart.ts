import * as Plot from '@observablehq/plot';
import { CHARTED, type ComparableSeries } from '../scenario/fields.js';
import { moneyUnits, PALETTE, type Panel, plotSetup } from './chart.js';

export type { ComparableSeries };

/** Two or more runs' series on shared panels, one line per run. */
export function comparisonPanels(runs: ReadonlyArray<{ label: string; series: ComparableSeries }>): Panel[] {
  const { base, date } = plotSetup();
  const labels = runs.map((r) => r.label);
  return CHARTED.map(({ column: id, title: baseTitle, scale: baseScale, log }) => {
    const largest = Math.max(0, ...runs.flatMap((r) => r.series[id] ?? []));
    const { scale, title } = moneyUnits(baseTitle, baseScale, largest);
    // A run saved before a series existed (H100e came later) has no line on its panel.
    const data = runs.flatMap((r) => {
      const values: readonly number[] | undefined = r.series[id];
      if (!values) return [];
      return r.series.month.map((month, i) => ({
        date: date(month),
        run: r.label,
        value: (values[i] ?? 0) / scale,
      }));
    });
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
