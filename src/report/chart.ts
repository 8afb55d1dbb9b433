import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { CONSTRAINTS } from '../scenario/constraints.js';
import { CHARTED, type ChartedSeries } from '../scenario/fields.js';
import { monthLabel } from '../scenario/months.js';
import { generationIds, type ScenarioRun, type ScenarioUncertainRun } from '../scenario/run.js';

/** Tableau 10: distinguishable, and the same in the browser. */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/** A DOM for Plot to render into (linkedom), the panel size, and month → date. */
export function plotSetup() {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const base = {
    document,
    width: WIDTH,
    height: PLOT_HEIGHT,
    marginLeft: 64,
    marginRight: 16,
    marginTop: 10,
    x: { type: 'utc' as const, label: null },
  };
  const date = (month: number) => new Date(Date.UTC(Math.floor(month / 12), month % 12, 1));
  return { base, date };
}

export interface Panel {
  /** A stable name for the panel (the explorer keys its charts by it). */
  id: string;
  title: string;
  legend: string[];
  svg: string;
}

const WIDTH = 760;
const PLOT_HEIGHT = 200;
const PANEL_HEADER = 44;

/**
 * The main series of a scenario as one standalone SVG: power, accelerators by generation,
 * H100e, peak FLOP/s and cumulative capex, one panel each. Plot renders into a DOM we pass it
 * (linkedom here, the page in a browser); titles and legends are drawn as plain SVG so
 * the file also converts to PNG.
 */
export function scenarioChartSvg(run: ScenarioRun): string {
  const m = run.monthly;
  const title = `${run.loaded.scenario.name}, ${monthLabel(m[0]?.month ?? 0)} to ${monthLabel(m[m.length - 1]?.month ?? 0)}`;
  return composeSvg(title, scenarioPanels(run).slice(0, 5));
}

/** Every panel of a deterministic run: the five of the chart file, then opex and what binds. */
export function scenarioPanels(run: ScenarioRun): Panel[] {
  const { base, date } = plotSetup();
  const m = run.monthly;
  const color = (domain: string[]) => ({ domain, range: PALETTE.slice(0, domain.length) });
  const svg = (plot: { outerHTML: string }) => plot.outerHTML;

  const powerSeries = ['available', 'used'];
  const power = m.flatMap((s) => [
    { date: date(s.month), series: 'available', gw: s.powerAvailable / 1e9 },
    { date: date(s.month), series: 'used', gw: s.powerUsed / 1e9 },
  ]);
  const gens = generationIds(run);
  const fleet = m.flatMap((s) =>
    gens.map((g) => ({ date: date(s.month), generation: g, millions: (s.byGeneration[g] ?? 0) / 1e6 })),
  );
  const precisions = ['BF16', 'FP8'];
  const flops = m
    .flatMap((s) => [
      { date: date(s.month), precision: 'BF16', eflops: s.peakBf16 / 1e18 },
      { date: date(s.month), precision: 'FP8', eflops: s.peakFp8 / 1e18 },
    ])
    .filter((d) => d.eflops > 0);
  const capexUnits = moneyUnits('Cumulative capex, $B', 1e9, Math.max(0, ...m.map((s) => s.cumulativeCapex)));
  const capex = m.map((s) => ({ date: date(s.month), billions: s.cumulativeCapex / capexUnits.scale }));
  const h100e = m.filter((s) => s.h100e > 0).map((s) => ({ date: date(s.month), millions: s.h100e / 1e6 }));

  const opexUnits = moneyUnits(
    'Opex at the yearly rate (energy and upkeep), $B/yr',
    1e9,
    Math.max(0, ...m.map((s) => s.opex * 12)),
  );
  const opex = m.map((s) => ({ date: date(s.month), billions: (s.opex * 12) / opexUnits.scale }));
  // The constraints that bound in some month of this run, in constraints.ts order.
  const constraints = CONSTRAINTS.filter((c) => c !== 'none' && m.some((s) => s.binding === c)).concat(
    'none',
  );
  const binding = m.map((s) => ({ date: date(s.month), constraint: s.binding }));
  /** A money series in $B over time: a line, with the area under it filled if asked. */
  const billionsPanel = (
    id: string,
    title: string,
    rows: Array<{ date: Date; billions: number }>,
    colour: string | undefined,
    filled: boolean,
  ): Panel => ({
    id,
    title,
    legend: [],
    svg: svg(
      Plot.plot({
        ...base,
        y: { grid: true, label: null },
        marks: [
          ...(filled
            ? [Plot.areaY(rows, { x: 'date', y: 'billions', fill: colour, fillOpacity: 0.25 })]
            : []),
          Plot.lineY(rows, { x: 'date', y: 'billions', stroke: colour, strokeWidth: 2 }),
          Plot.ruleY([0]),
        ],
      }),
    ),
  });

  return [
    {
      id: 'power',
      title: 'Facility power, GW',
      legend: powerSeries,
      svg: svg(
        Plot.plot({
          ...base,
          color: color(powerSeries),
          y: { grid: true, label: null },
          marks: [
            Plot.ruleY([0]),
            Plot.lineY(power, { x: 'date', y: 'gw', stroke: 'series', strokeWidth: 2 }),
          ],
        }),
      ),
    },
    {
      id: 'accelerators',
      title: 'Accelerators installed by generation, millions',
      legend: gens,
      svg: svg(
        Plot.plot({
          ...base,
          color: color(gens),
          y: { grid: true, label: null },
          marks: [Plot.areaY(fleet, { x: 'date', y: 'millions', fill: 'generation' }), Plot.ruleY([0])],
        }),
      ),
    },
    {
      id: 'h100e',
      title: 'H100-equivalents installed, millions (log scale)',
      legend: [],
      svg: svg(
        Plot.plot({
          ...base,
          y: { type: 'log', grid: true, label: null },
          marks: [Plot.lineY(h100e, { x: 'date', y: 'millions', stroke: PALETTE[0], strokeWidth: 2 })],
        }),
      ),
    },
    {
      id: 'flops',
      title: 'Peak dense FLOP/s, EFLOP/s (log scale)',
      legend: precisions,
      svg: svg(
        Plot.plot({
          ...base,
          color: color(precisions),
          y: { type: 'log', grid: true, label: null },
          marks: [Plot.lineY(flops, { x: 'date', y: 'eflops', stroke: 'precision', strokeWidth: 2 })],
        }),
      ),
    },
    billionsPanel('capex', capexUnits.title, capex, PALETTE[0], true),
    billionsPanel('opex', opexUnits.title, opex, PALETTE[1], false),
    {
      id: 'binding',
      title: 'What binds each month',
      legend: constraints,
      svg: svg(
        Plot.plot({
          ...base,
          height: 70,
          color: color(constraints),
          y: { axis: null },
          marks: [
            Plot.barX(binding, {
              x1: 'date',
              x2: (d: { date: Date }) => nextMonth(d.date),
              fill: 'constraint',
            }),
          ],
        }),
      ),
    },
  ];
}

const nextMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));

/**
 * A panel of money in $B whose values run past $5,000B is drawn in $T instead, so an axis
 * reads "$T 200", not "$B 200,000". Returns the scale to divide SI values by, and the title.
 */
export function moneyUnits(title: string, scale: number, largest: number): { scale: number; title: string } {
  return title.includes('$B') && largest / scale > 5000
    ? { scale: scale * 1000, title: title.replace('$B', '$T') }
    : { scale, title };
}

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** One panel as its own SVG (its title and legend on top), for pages that lay charts out. */
export function panelSvg(panel: Panel): string {
  return composeSvg('', [panel], 0);
}

/** Stack panels into one SVG, each with its title and a swatch legend. */
export function composeSvg(title: string, panels: readonly Panel[], top = 40): string {
  let y = top;
  const body = panels.map((panel) => {
    let x = 16;
    const legend = panel.legend
      .map((name, j) => {
        const at = x;
        // Swatch, gap, text (about 7 px a character at 12 px), then room before the next.
        x += 18 + 7 * name.length + 24;
        return `<rect x="${at}" y="${y + 24}" width="12" height="12" fill="${PALETTE[j % PALETTE.length]}"/><text x="${at + 18}" y="${y + 34}" font-size="12">${escapeXml(name)}</text>`;
      })
      .join('');
    // Nest the plot's own <svg> at its place; resvg and browsers both honour x/y on it.
    const plot = panel.svg.replace('<svg', `<svg x="0" y="${y + PANEL_HEADER}"`);
    const text = `<text x="12" y="${y + 14}" font-size="14" font-weight="bold">${escapeXml(panel.title)}</text>${legend}\n${plot}`;
    y += PANEL_HEADER + plotHeight(panel.svg) + 16;
    return text;
  });
  const height = y;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
${title ? `<text x="12" y="26" font-size="17" font-weight="bold">${escapeXml(title)}</text>` : ''}
${body.join('\n')}
</svg>
`;
}

/** The height Plot gave a panel's own <svg>. */
function plotHeight(svg: string): number {
  const match = /<svg[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  return match ? Number(match[1]) : PLOT_HEIGHT;
}

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
    return { id, title: `${title} (median, p5-p95 band)`, legend, svg: plot.outerHTML };
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
