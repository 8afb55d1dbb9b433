import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PALETTE, panelSvg } from '../../src/report/chart.js';
import { type ComparableSeries, comparisonPanels } from '../../src/report/comparison-chart.js';
import { runScenario } from '../../src/scenario/run.js';
import { catalog } from '../helpers/catalog.js';
import { expectWellFormed, parseSvg, texts } from '../helpers/svg.js';

/** The monthly series a saved run keeps, from a deterministic run of a shipped scenario. */
function series(file: string): ComparableSeries {
  const run = runScenario(readFileSync(`scenarios/${file}`, 'utf8'), file, catalog);
  return {
    month: run.monthly.map((m) => m.month),
    power_used_w: run.monthly.map((m) => m.powerUsed),
    accelerators: run.monthly.map((m) => m.accelerators),
    peak_flops_bf16: run.monthly.map((m) => m.peakBf16),
    cumulative_capex_usd: run.monthly.map((m) => m.cumulativeCapex),
    h100e: run.monthly.map((m) => m.h100e),
    opex_usd: run.monthly.map((m) => m.opex),
  };
}

const stargate = series('stargate.yaml');
const nvidia = series('nvidia-10gw.yaml');
const runs = [
  { label: 'Stargate <base>', series: stargate },
  { label: 'NVIDIA & OpenAI', series: nvidia },
];
const panels = comparisonPanels(runs);
const lines = (svg: string) => [...parseSvg(svg).querySelectorAll('g[aria-label="line"] path')];
const pointCount = (d: string | null) => (d ?? '').split(/[ML]/).filter(Boolean).length;

describe('comparison charts', () => {
  it('gives a panel per saved series, each with the runs as its legend', () => {
    expect(panels.map((p) => p.id)).toEqual([
      'power_used_w',
      'accelerators',
      'h100e',
      'peak_flops_bf16',
      'cumulative_capex_usd',
      'opex_usd',
    ]);
    expect(panels.map((p) => p.title)).toEqual([
      'Facility power used, GW',
      'Accelerators installed, millions',
      'H100-equivalents installed, millions, log scale',
      'Peak dense BF16 FLOP/s, EFLOP/s, log scale',
      'Cumulative capex, $B',
      'Opex at the yearly rate (energy and upkeep), $B/yr',
    ]);
    for (const p of panels) {
      expect(p.legend).toEqual(['Stargate <base>', 'NVIDIA & OpenAI']);
      expectWellFormed(p.svg);
    }
  });

  it('draws one line per run, in the legend’s colours, over all its months', () => {
    const power = lines(panels[0]?.svg ?? '');
    expect(power).toHaveLength(2);
    expect(power.map((p) => p.getAttribute('stroke'))).toEqual([PALETTE[0], PALETTE[1]]);
    expect(power.map((p) => pointCount(p.getAttribute('d')))).toEqual([
      stargate.month.length,
      nvidia.month.length,
    ]);
  });

  it('leaves months with no FLOP/s off the log-scale panel, and draws no zero rule there', () => {
    const idle = { ...stargate, peak_flops_bf16: stargate.peak_flops_bf16.map((v, i) => (i < 6 ? 0 : v)) };
    const flops = comparisonPanels([{ label: 'late start', series: idle }]).find(
      (p) => p.id === 'peak_flops_bf16',
    );
    const svg = flops?.svg ?? '';
    expect(pointCount(lines(svg)[0]?.getAttribute('d') ?? '')).toBe(idle.month.length - 6);
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(parseSvg(svg).querySelectorAll('g[aria-label="rule"]')).toHaveLength(0);
    expect(parseSvg(panels[0]?.svg ?? '').querySelectorAll('g[aria-label="rule"]')).toHaveLength(1);
  });

  it('leaves a run saved before H100e was recorded off that panel only', () => {
    const { h100e: _, ...older } = nvidia;
    const [power, , h100e] = comparisonPanels([
      { label: 'new', series: stargate },
      { label: 'old', series: older as ComparableSeries },
    ]);
    expect(lines(power?.svg ?? '')).toHaveLength(2);
    expect(lines(h100e?.svg ?? '')).toHaveLength(1);
    expect(h100e?.svg).not.toMatch(/NaN|Infinity/);
  });

  it('escapes run labels when a panel is set on its own', () => {
    const svg = panelSvg(panels[0] ?? { id: '', title: '', legend: [], svg: '' });
    expectWellFormed(svg);
    expect(svg).toContain('Stargate &lt;base&gt;');
    expect(svg).toContain('NVIDIA &amp; OpenAI');
    expect(texts(parseSvg(svg))).toEqual(['Facility power used, GW', 'Stargate <base>', 'NVIDIA & OpenAI']);
  });

  it('colours more runs than the palette has without running out', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ label: `run ${i}`, series: stargate }));
    const [power] = comparisonPanels(many);
    const strokes = lines(power?.svg ?? '').map((p) => p.getAttribute('stroke'));
    expect(strokes).toHaveLength(12);
    expect(strokes.every((s) => s !== null && PALETTE.includes(s))).toBe(true);
  });
});
