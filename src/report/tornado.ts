import * as Plot from '@observablehq/plot';
import type { SensitivityRow } from '../uncertainty/tornado.js';
import { escapeXml, plotSetup } from './chart.js';

/** A tornado chart: one bar per input from its p5 value to its p95 value, widest on top. */
export function tornadoSvg(
  title: string,
  base: number,
  rows: readonly SensitivityRow[],
  scale = 1,
  unit = '',
  /** How the axis writes a value (default: plain numbers over `scale`). */
  format?: (value: number) => string,
): string {
  const { document } = plotSetup().base;
  const data = rows.map((r) => ({
    input: r.input,
    low: Math.min(r.low, r.high) / scale,
    high: Math.max(r.low, r.high) / scale,
    rising: r.high >= r.low,
  }));
  const height = 60 + rows.length * 34;
  const plot = Plot.plot({
    document,
    width: 720,
    height,
    marginLeft: 150,
    marginTop: 40,
    x: { grid: true, label: unit, ...(format ? { tickFormat: format, ticks: 5 } : {}) },
    y: { domain: data.map((d) => d.input), label: null },
    marks: [
      Plot.barX(data, {
        y: 'input',
        x1: 'low',
        x2: 'high',
        fill: (d: { rising: boolean }) => (d.rising ? '#4e79a7' : '#e15759'),
      }),
      Plot.ruleX([base / scale], { stroke: 'black' }),
    ],
  });
  const svg = plot.outerHTML.replace('<svg', '<svg x="0" y="44"');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="${height + 44}" font-family="sans-serif"><rect width="100%" height="100%" fill="white"/><text x="12" y="22" font-size="15" font-weight="bold">${escapeXml(title)}</text><text x="12" y="40" font-size="12" fill="#444">each bar: the input from its p5 to its p95, the rest at their medians; blue: the output rises with the input, red: it falls</text>${svg}</svg>\n`;
}
