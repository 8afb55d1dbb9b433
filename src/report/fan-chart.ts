import * as Plot from '@observablehq/plot';
import { CHARTED, type ChartedSeries } from '../scenario/fields.js';
import { generationIds, type ScenarioUncertainRun } from '../scenario/run.js';
import {
  composeSvg,
  fig,
  hoverDots,
  isoMonth,
  moneyUnits,
  monthText,
  PALETTE,
  type Panel,
  plotSetup,
} from './chart.js';

/** Charts of a Monte Carlo run: each charted series as a median line in its p5-p95 band. */

/** A published figure marked on a chart: a forecast of a charted series at a month. */
export interface ChartMark {
  column: ChartedSeries;
  month: number;
  value: number;
  label: string;
}

/** The same panels under uncertainty: the median as a line in a p5–p95 band, with any figures marked. */
export function scenarioFanChartSvg(run: ScenarioUncertainRun, marks: readonly ChartMark[] = []): string {
  const title = `${run.parsed.scenario.name}: median, p5-p95 band (${run.mc.samples} samples)`;
  return composeSvg(title, fanPanels(run, marks));
}

/**
 * Power, fleet, H100e, FLOP/s and capex of a Monte Carlo run, each a median line in its
 * p5–p95 band; published figures (forecasts) as labelled dots on their series' panels.
 */
export function fanPanels(run: ScenarioUncertainRun, marks: readonly ChartMark[] = []): Panel[] {
  const { base, date } = plotSetup();
  return CHARTED.map(({ panel: id, title: baseTitle, column, scale: baseScale, log }): Panel => {
    const largest = Math.max(0, ...run.mc.monthly.map((m) => m.series[column]?.quantiles.p95 ?? 0));
    const { scale, title } = moneyUnits(baseTitle, baseScale, largest);
    // Figures of the same year alternate their labels left and right of the dots.
    const figures = marks
      .filter((mark) => mark.column === column)
      .sort((a, b) => a.month - b.month || a.value - b.value)
      .map((mark, i, all) => ({
        date: date(mark.month),
        value: mark.value / scale,
        label: mark.label,
        side: all.slice(0, i).filter((m) => m.month === mark.month).length % 2,
      }));
    const data = run.mc.monthly.map((m) => {
      const q = m.series[column]?.quantiles ?? {};
      return {
        date: date(m.month),
        low: (q.p5 ?? 0) / scale,
        mid: (q.p50 ?? 0) / scale,
        high: (q.p95 ?? 0) / scale,
      };
    });
    const shown = log ? data.filter((d) => d.low > 0) : data;
    // The fleet keeps its split by generation: the run at the medians, stacked under the band.
    const split = column === 'accelerators' ? generationSplit(run, scale) : undefined;
    const band = PALETTE[split ? split.gens.length % PALETTE.length : 0];
    const plot = Plot.plot({
      ...base,
      y: { grid: true, label: null, ...(log ? { type: 'log' as const } : {}) },
      ...(split ? { color: { domain: split.gens, range: PALETTE.slice(0, split.gens.length) } } : {}),
      marks: [
        ...(split
          ? [Plot.areaY(split.rows, { x: 'date', y: 'value', fill: 'generation', fillOpacity: 0.55 })]
          : []),
        Plot.areaY(shown, { x: 'date', y1: 'low', y2: 'high', fill: band, fillOpacity: 0.25 }),
        Plot.lineY(shown, { x: 'date', y: 'mid', stroke: band, strokeWidth: 2 }),
        hoverDots(
          shown,
          'mid',
          (d) => `${monthText(d.date)}: ${fig(d.mid)} (${fig(d.low)} to ${fig(d.high)})`,
        ),
        ...(log ? [] : [Plot.ruleY([0])]),
        ...(figures.length > 0
          ? [
              Plot.dot(figures, { x: 'date', y: 'value', fill: PALETTE[1], r: 4 }),
              ...[0, 1].map((side) =>
                Plot.text(
                  figures.filter((f) => f.side === side),
                  {
                    x: 'date',
                    y: 'value',
                    text: 'label',
                    dx: side === 0 ? 6 : -6,
                    textAnchor: side === 0 ? ('start' as const) : ('end' as const),
                    fontSize: 10,
                    fill: PALETTE[1],
                  },
                ),
              ),
            ]
          : []),
      ],
    });
    const legend = split
      ? [...split.gens, 'median, p5-p95']
      : figures.length > 0
        ? ['median, p5-p95', 'published forecasts']
        : [];
    return {
      id,
      title: `${title} (median, p5-p95 band)`,
      legend,
      svg: plot.outerHTML,
      rows: data.map((d) => ({ month: isoMonth(d.date), p5: fig(d.low), p50: fig(d.mid), p95: fig(d.high) })),
    };
  });
}

/**
 * The fleet at the medians split by generation, month by month (in the panel's scale),
 * for a fan chart to stack under its band; none when there are too many to tell apart.
 */
function generationSplit(run: ScenarioUncertainRun, scale: number) {
  const gens = generationIds(run.atMedians);
  if (gens.length < 2 || gens.length >= PALETTE.length) return undefined;
  const { date } = plotSetup();
  const rows = run.atMedians.monthly.flatMap((s) =>
    gens.map((g) => ({ date: date(s.month), generation: g, value: (s.byGeneration[g] ?? 0) / scale })),
  );
  return { gens, rows };
}
