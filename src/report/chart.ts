import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { CONSTRAINTS } from '../scenario/constraints.js';
import { monthLabel } from '../scenario/months.js';
import { generationIds, type ScenarioRun } from '../scenario/run.js';

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
  /** The plotted figures month by month, in the panel's units (a chart's CSV download). */
  rows?: Array<Record<string, string | number>>;
}

/**
 * Points over a series that show each month's figure when hovered (an SVG title each):
 * the same marks in the browser and in a file, nothing drawn.
 */
export function hoverDots<T extends { date: Date }>(rows: readonly T[], y: string, text: (d: T) => string) {
  return Plot.dot(rows, { x: 'date', y, r: 4, fill: 'white', fillOpacity: 0, title: text });
}

/** "Mar 2027" for a chart's date. */
export const monthText = (d: Date) =>
  `${d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${d.getUTCFullYear()}`;
export const fig = (v: number) => String(Number(v.toPrecision(3)));
/** "2027-03": how a chart's CSV names a month. */
export const isoMonth = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

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
  const fleetTotals = m.map((s) => ({
    date: date(s.month),
    millions: s.accelerators / 1e6,
    split: gens
      .filter((g) => (s.byGeneration[g] ?? 0) > 0)
      .map((g) => `${g} ${fig((s.byGeneration[g] ?? 0) / 1e6)}M`)
      .join(', '),
  }));
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
  ): Panel => {
    const unit = title.includes('$T') ? 'T' : 'B';
    return {
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
            hoverDots(rows, 'billions', (d) => `${monthText(d.date)}: $${fig(d.billions)}${unit}`),
          ],
        }),
      ),
      rows: rows.map((d) => ({
        month: isoMonth(d.date),
        [unit === 'T' ? 'usd_t' : 'usd_b']: fig(d.billions),
      })),
    };
  };

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
            hoverDots(power, 'gw', (d) => `${monthText(d.date)}, ${d.series}: ${fig(d.gw)} GW`),
          ],
        }),
      ),
      rows: m.map((s) => ({
        month: monthLabel(s.month),
        available_gw: fig(s.powerAvailable / 1e9),
        used_gw: fig(s.powerUsed / 1e9),
      })),
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
          marks: [
            Plot.areaY(fleet, { x: 'date', y: 'millions', fill: 'generation' }),
            Plot.ruleY([0]),
            hoverDots(
              fleetTotals,
              'millions',
              (d) => `${monthText(d.date)}: ${fig(d.millions)}M (${d.split})`,
            ),
          ],
        }),
      ),
      rows: m.map((s) => ({
        month: monthLabel(s.month),
        ...Object.fromEntries(gens.map((g) => [`${g}_millions`, fig((s.byGeneration[g] ?? 0) / 1e6)])),
      })),
    },
    {
      id: 'h100e',
      title: 'H100-equivalents installed, millions (log scale)',
      legend: [],
      svg: svg(
        Plot.plot({
          ...base,
          y: { type: 'log', grid: true, label: null },
          marks: [
            Plot.lineY(h100e, { x: 'date', y: 'millions', stroke: PALETTE[0], strokeWidth: 2 }),
            hoverDots(h100e, 'millions', (d) => `${monthText(d.date)}: ${fig(d.millions)}M H100e`),
          ],
        }),
      ),
      rows: h100e.map((d) => ({ month: isoMonth(d.date), h100e_millions: fig(d.millions) })),
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
          marks: [
            Plot.lineY(flops, { x: 'date', y: 'eflops', stroke: 'precision', strokeWidth: 2 }),
            hoverDots(
              flops,
              'eflops',
              (d) => `${monthText(d.date)}, ${d.precision}: ${fig(d.eflops)} EFLOP/s`,
            ),
          ],
        }),
      ),
      rows: flops.map((d) => ({ month: isoMonth(d.date), precision: d.precision, eflops: fig(d.eflops) })),
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
