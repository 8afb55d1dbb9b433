import { describe, expect, it } from 'vitest';
import { tornadoSvg } from '../../src/report/tornado.js';
import type { SensitivityRow } from '../../src/uncertainty/tornado.js';
import { expectWellFormed, numberAttr, parseSvg, texts } from '../helpers/svg.js';

const rows: SensitivityRow[] = [
  { input: 'pue <&> "x"', low: 1.6e6, high: 2.03e6, swing: 0.43e6 },
  { input: 'price', low: 1.95e6, high: 1.7e6, swing: 0.25e6 },
  { input: 'lifetime', low: 1.78e6, high: 1.82e6, swing: 0.04e6 },
];
const svg = tornadoSvg('Facility power <MW> & "more"', 1.8e6, rows, 1e6, 'MW');
const root = parseSvg(svg);
const bars = [...root.querySelectorAll('g[aria-label="bar"] rect')];

describe('tornado charts', () => {
  it('is well-formed XML with the title and input names escaped', () => {
    expectWellFormed(svg);
    expect(texts(root)[0]).toBe('Facility power <MW> & "more"');
    expect(svg).toContain('Facility power &lt;MW&gt; &amp; &quot;more&quot;');
    const labels = [...root.querySelectorAll('g[aria-label="y-axis tick label"] text')].map(
      (t) => t.textContent,
    );
    expect(labels).toEqual(['pue <&> "x"', 'price', 'lifetime']);
    expect(svg).not.toContain('<&>');
  });

  it('draws one bar per input, top to bottom in the order given', () => {
    expect(bars).toHaveLength(3);
    const ys = bars.map((b) => numberAttr(b, 'y'));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(3);
  });

  it('colours a bar blue where the output rises with the input and red where it falls', () => {
    expect(bars.map((b) => b.getAttribute('fill'))).toEqual(['#4e79a7', '#e15759', '#4e79a7']);
  });

  it('spans each bar from low to high, widths in proportion to the swing', () => {
    const widths = bars.map((b) => numberAttr(b, 'width'));
    expect(widths.every((w) => w > 0)).toBe(true);
    expect((widths[0] ?? 0) / (widths[1] ?? 1)).toBeCloseTo(0.43 / 0.25, 2);
    expect((widths[0] ?? 0) / (widths[2] ?? 1)).toBeCloseTo(0.43 / 0.04, 1);
  });

  it('rules the value at the medians across every bar that straddles it', () => {
    const lines = [...root.querySelectorAll('g[aria-label="rule"] line')];
    expect(lines).toHaveLength(1);
    const x = numberAttr(lines[0], 'x1');
    for (const bar of bars) {
      const left = numberAttr(bar, 'x');
      expect(left).toBeLessThan(x);
      expect(left + numberAttr(bar, 'width')).toBeGreaterThan(x);
    }
  });

  it('grows with the number of inputs and labels the axis with the unit', () => {
    expect(numberAttr(root, 'height')).toBe(60 + 3 * 34 + 44);
    const one = parseSvg(tornadoSvg('t', 1, rows.slice(0, 1)));
    expect(numberAttr(one, 'height')).toBe(60 + 34 + 44);
    const axis = [...root.querySelectorAll('g[aria-label="x-axis label"] text')].map((t) => t.textContent);
    expect(axis[0]).toMatch(/^MW/);
  });
});
