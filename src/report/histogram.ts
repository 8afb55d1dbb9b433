import * as Plot from '@observablehq/plot';
import type { Dimension } from '../units/dimensions.js';
import { formatQuantity } from '../units/format.js';
import { escapeXml, PALETTE, plotSetup } from './chart.js';

/**
 * An output's distribution drawn from its quantiles: between each pair of neighbouring
 * quantiles lies a known share of the samples, so a bar over that span with that share
 * per unit of width is the histogram the sketch would draw. p5, p50 and p95 are marked.
 * A distribution spanning more than a factor of 30 is drawn on a log axis (bar heights
 * then per unit of log10).
 */
export function histogramSvg(
  title: string,
  points: ReadonlyArray<{ q: number; value: number }>,
  dimension: Dimension,
): string {
  const { document } = plotSetup().base;
  const sorted = [...points].sort((a, b) => a.q - b.q);
  const values = sorted.map((p) => p.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const log = low > 0 && high / low > 30;
  const at = (v: number) => (log ? Math.log10(v) : v);
  const bins = sorted.slice(1).flatMap((p, i) => {
    const prev = sorted[i] as { q: number; value: number };
    const width = at(p.value) - at(prev.value);
    return width > 0 ? [{ x1: prev.value, x2: p.value, density: (p.q - prev.q) / width }] : [];
  });
  const marks = [0.05, 0.5, 0.95].flatMap((q) => {
    const found = sorted.find((p) => Math.abs(p.q - q) < 1e-9);
    return found
      ? [{ value: found.value, label: `p${Math.round(q * 100)} ${formatQuantity(found.value, dimension)}` }]
      : [];
  });
  const plot = Plot.plot({
    document,
    width: 720,
    height: 260,
    marginLeft: 50,
    marginTop: 24,
    x: { type: log ? 'log' : 'linear', label: null, tickFormat: (v: number) => formatQuantity(v, dimension) },
    y: { axis: null },
    marks: [
      Plot.rectY(bins, { x1: 'x1', x2: 'x2', y: 'density', fill: PALETTE[0], fillOpacity: 0.6 }),
      Plot.ruleX(marks, { x: 'value', stroke: PALETTE[2], strokeWidth: 1.5 }),
      Plot.text(marks, {
        x: 'value',
        text: 'label',
        frameAnchor: 'top',
        dy: -14,
        fontSize: 11,
        fill: PALETTE[2],
      }),
      Plot.ruleY([0]),
    ],
  });
  const svg = plot.outerHTML.replace('<svg', '<svg x="0" y="30"');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="290" font-family="sans-serif"><rect width="100%" height="100%" fill="white"/><text x="12" y="20" font-size="15" font-weight="bold">${escapeXml(title)}</text>${svg}</svg>\n`;
}
