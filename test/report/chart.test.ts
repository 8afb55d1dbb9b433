import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  escapeXml,
  PALETTE,
  panelSvg,
  plotSetup,
  scenarioChartSvg,
  scenarioPanels,
} from '../../src/report/chart.js';
import { fanPanels, scenarioFanChartSvg } from '../../src/report/fan-chart.js';
import { runScenario, runScenarioUncertain } from '../../src/scenario/run.js';
import { catalog } from '../helpers/catalog.js';
import { expectWellFormed, numberAttr, parseSvg, type SvgElement, texts } from '../helpers/svg.js';

const NAME = 'Star <gate> & "co"';
const text = readFileSync('scenarios/stargate.yaml', 'utf8').replace('name: Stargate', `name: '${NAME}'`);
const run = runScenario(text, 'stargate.yaml', catalog);
const panels = scenarioPanels(run);

/** The paths of a mark (Plot labels each mark's group: "line", "area", "bar"…). */
const marks = (svg: SvgElement, kind: string) =>
  [...svg.querySelectorAll(`g[aria-label="${kind}"]`)].flatMap((g) => [...g.children]);
/** The points of a line path ("M x,y L x,y …"). */
const points = (path: SvgElement | undefined) =>
  (path?.getAttribute('d') ?? '').split(/[ML]/).filter(Boolean).length;
const panel = (id: string) => {
  const found = panels.find((p) => p.id === id);
  if (!found) throw new Error(`no panel ${id}`);
  return { ...found, dom: parseSvg(found.svg) };
};

describe('scenario charts', () => {
  it('draws money past $5,000B in $T: axes read "200", not "200,000"', () => {
    const big = runScenario(
      readFileSync('scenarios/seven-trillion.yaml', 'utf8'),
      'seven-trillion.yaml',
      catalog,
    );
    const capex = scenarioPanels(big).find((p) => p.id === 'capex');
    expect(capex?.title).toBe('Cumulative capex, $T');
    const ticks = texts(parseSvg(capex?.svg ?? '')).filter((t) => /^[\d,.]+$/.test(t));
    expect(ticks.some((t) => t.includes(',') && Number(t.replaceAll(',', '')) >= 1000)).toBe(false);
    // Stargate's $300B stays in $B.
    expect(panel('capex').title).toBe('Cumulative capex, $B');
  });

  it("shows each month's figure on hover, and keeps the plotted figures for a CSV", () => {
    const power = panel('power');
    const titles = [...power.dom.querySelectorAll('title')]
      .map((t) => t.textContent ?? '')
      .filter((t) => / GW$/.test(t));
    // One per month for each of the two series, as "Mon YYYY, series: n GW".
    expect(titles).toHaveLength(2 * run.monthly.length);
    expect(titles).toContain('Dec 2028, used: 7 GW');
    expect(power.rows?.[0]).toEqual({ month: '2025-01', available_gw: '0', used_gw: '0' });
    expect(panel('capex').rows?.at(-1)).toMatchObject({ month: '2030-12' });
  });

  it('escapes text for XML, ampersands first', () => {
    expect(escapeXml('a & <b> "c"')).toBe('a &amp; &lt;b&gt; &quot;c&quot;');
    expect(escapeXml('&lt;')).toBe('&amp;lt;');
  });

  it('counts months from year 0, one date at the first of each', () => {
    const { date } = plotSetup();
    expect(date(2025 * 12).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(date(2025 * 12 + 11).toISOString()).toBe('2025-12-01T00:00:00.000Z');
  });

  it('gives seven named panels: power, fleet, H100e, FLOP/s, capex, opex and what binds', () => {
    expect(panels.map((p) => p.id)).toEqual([
      'power',
      'accelerators',
      'h100e',
      'flops',
      'capex',
      'opex',
      'binding',
    ]);
    expect(panel('accelerators').legend).toEqual(['gb200', 'gb300', 'vr200']);
    expect(panel('power').legend).toEqual(['available', 'used']);
    for (const p of panels) expectWellFormed(p.svg);
  });

  it('draws a line per power series and an area per generation, over every month', () => {
    const power = marks(panel('power').dom, 'line');
    expect(power).toHaveLength(2);
    for (const line of power) expect(points(line)).toBe(run.monthly.length);
    expect(marks(panel('accelerators').dom, 'area')).toHaveLength(3);
    expect(marks(panel('capex').dom, 'area')).toHaveLength(1);
    expect(marks(panel('capex').dom, 'line')).toHaveLength(1);
    expect(marks(panel('opex').dom, 'area')).toHaveLength(0);
    expect(marks(panel('opex').dom, 'line')).toHaveLength(1);
  });

  it('plots FLOP/s on a log scale only where there are any', () => {
    const lines = marks(panel('flops').dom, 'line');
    expect(lines).toHaveLength(2);
    const lit = run.monthly.filter((m) => m.peakBf16 > 0).length;
    expect(lit).toBeGreaterThan(0);
    expect(lines.map(points)).toEqual([lit, lit]);
    expect(panel('flops').svg).not.toMatch(/NaN|Infinity/);
  });

  it('colours a bar per month by what binds it', () => {
    const bars = marks(panel('binding').dom, 'bar');
    expect(bars).toHaveLength(run.monthly.length);
    const order = panel('binding').legend;
    bars.forEach((bar, i) => {
      const binding = run.monthly[i]?.binding ?? '';
      expect(bar.getAttribute('fill'), `month ${i}`).toBe(PALETTE[order.indexOf(binding)]);
    });
  });

  describe('the chart file', () => {
    const svg = scenarioChartSvg(run);
    const root = parseSvg(svg);
    const nested = [...root.children].filter((c) => c.tagName === 'svg');

    it('is well-formed XML, with the scenario name escaped', () => {
      expectWellFormed(svg);
      expect(svg).toContain('Star &lt;gate&gt; &amp; &quot;co&quot;');
      expect(svg).not.toContain('<gate>');
    });

    it('titles the file with the name and span, then the five main panels', () => {
      const titles = [...root.children]
        .filter((c) => c.tagName === 'text' && c.getAttribute('font-weight') === 'bold')
        .map((t) => t.textContent);
      expect(titles).toEqual([`${NAME}, 2025-01 to 2030-12`, ...panels.slice(0, 5).map((p) => p.title)]);
      expect(nested).toHaveLength(5);
    });

    it('stacks the panels without overlap, inside the file', () => {
      const height = numberAttr(root, 'height');
      expect(root.getAttribute('viewBox')).toBe(`0 0 760 ${height}`);
      nested.forEach((p, i) => {
        const bottom = numberAttr(p, 'y') + numberAttr(p, 'height');
        expect(bottom).toBeLessThanOrEqual(height);
        const next = nested[i + 1];
        if (next) expect(bottom).toBeLessThan(numberAttr(next, 'y'));
      });
    });

    it('draws a swatch per legend entry, in palette order', () => {
      const swatches = [...root.children].filter(
        (c) => c.tagName === 'rect' && c.getAttribute('width') === '12',
      );
      const legends = panels.slice(0, 4).flatMap((p) => p.legend.map((_, j) => PALETTE[j]));
      expect(swatches.map((s) => s.getAttribute('fill'))).toEqual(legends);
      const names = [...root.children]
        .filter((c) => c.tagName === 'text' && c.getAttribute('font-size') === '12')
        .map((t) => t.textContent);
      expect(names).toEqual(panels.slice(0, 4).flatMap((p) => p.legend));
    });
  });

  it('sets one panel on its own, with its title and legend but no file title', () => {
    const binding = panel('binding');
    const svg = panelSvg(binding);
    expectWellFormed(svg);
    const root = parseSvg(svg);
    expect(texts(root)).toEqual([binding.title, ...binding.legend]);
    const plot = [...root.children].find((c) => c.tagName === 'svg');
    expect(numberAttr(plot, 'y')).toBe(44);
    expect(numberAttr(root, 'height')).toBe(44 + numberAttr(binding.dom, 'height') + 16);
  });

  it('escapes legend names', () => {
    const svg = panelSvg({ ...panel('opex'), legend: ['a<b', 'c&d'] });
    expectWellFormed(svg);
    expect(texts(parseSvg(svg)).slice(1)).toEqual(['a<b', 'c&d']);
  });

  describe('under uncertainty', () => {
    const uncertain = runScenarioUncertain(
      readFileSync('scenarios/stargate-ranges.yaml', 'utf8'),
      'x.yaml',
      catalog,
      {
        samples: 200,
        seed: 4,
        quantiles: [0.05, 0.5, 0.95],
      },
    );
    const fans = fanPanels(uncertain);

    it('marks published figures on their panels as labelled dots, and nothing where there are none', () => {
      const marked = fanPanels(uncertain, [
        { column: 'power_used_w', month: 2027 * 12 + 11, value: 60e9, label: 'AI2027' },
        { column: 'power_used_w', month: 2027 * 12 + 11, value: 68e9, label: 'RAND' },
        { column: 'h100e', month: 2030 * 12 + 11, value: 100e6, label: 'EPOCH' },
      ]);
      const power = parseSvg(marked[0]?.svg ?? '');
      // Drawn dots, not the transparent ones that carry hover values.
      const drawn = (svg: SvgElement) =>
        [...svg.querySelectorAll('g[aria-label="dot"]')]
          .filter((g) => g.getAttribute('fill-opacity') !== '0')
          .flatMap((g) => [...g.querySelectorAll('circle')]);
      expect(drawn(power)).toHaveLength(2);
      // Two figures of one year: one label to the right of its dot, one to the left.
      const groups = [...power.querySelectorAll('g[aria-label="text"]')].filter((g) => g.children.length > 0);
      expect(groups.map((g) => g.textContent).sort()).toEqual(['AI2027', 'RAND']);
      expect(groups.map((g) => g.getAttribute('text-anchor')).sort()).toEqual(['end', 'start']);
      expect(marked[0]?.legend).toEqual(['median, p5-p95', 'published forecasts']);
      expect(drawn(parseSvg(marked[1]?.svg ?? ''))).toHaveLength(0);
      // The fleet's legend is its generations (stacked at the medians) and the band.
      expect(marked[1]?.legend).toEqual(['gb200', 'gb300', 'vr200', 'median, p5-p95']);
      expect(marked[2]?.svg).toContain('EPOCH');
    });

    it('draws each of the six series as a median line in a band, opex among them', () => {
      expect(fans.map((p) => p.id)).toEqual(['power', 'accelerators', 'h100e', 'flops', 'capex', 'opex']);
      for (const p of fans) {
        expectWellFormed(p.svg);
        const dom = parseSvg(p.svg);
        // The fleet keeps its split by generation under the band: one area per generation, then the band.
        expect(marks(dom, 'area'), p.id).toHaveLength(p.id === 'accelerators' ? 4 : 1);
        expect(marks(dom, 'line'), p.id).toHaveLength(1);
        expect(marks(dom, 'rule'), p.id).toHaveLength(p.id === 'flops' || p.id === 'h100e' ? 0 : 1);
      }
    });

    it('titles the fan chart with the name and the samples', () => {
      const svg = scenarioFanChartSvg(uncertain);
      expectWellFormed(svg);
      const root = parseSvg(svg);
      expect(texts(root)).toEqual([
        `${uncertain.parsed.scenario.name}: median, p5-p95 band (200 samples)`,
        ...fans.flatMap((p) => [p.title, ...p.legend]),
      ]);
      expect([...root.children].filter((c) => c.tagName === 'svg')).toHaveLength(6);
    });
  });
});
