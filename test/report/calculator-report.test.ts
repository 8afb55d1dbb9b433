import { describe, expect, it } from 'vitest';
import { findCalculator } from '../../src/calculators/registry.js';
import { runCalculator } from '../../src/calculators/run.js';
import { renderCalculatorReport } from '../../src/report/calculator-report.js';
import { catalog } from '../helpers/catalog.js';
import { column, expectAligned, tableAt } from '../helpers/table.js';

const cluster = findCalculator('cluster');
const report = (raw: Record<string, unknown>, calc = cluster) =>
  renderCalculatorReport(calc, runCalculator(calc, raw, catalog));

describe('renderCalculatorReport', () => {
  it('opens with the title and lists every output with its value and meaning, in order', () => {
    const result = runCalculator(cluster, { accelerator: 'h100-sxm', count: 1000 }, catalog);
    const text = renderCalculatorReport(cluster, result);
    expect(text.split('\n')[0]).toBe(cluster.title);
    const outputs = tableAt(text, 'Output');
    expectAligned(outputs, ['Value']);
    const shown = cluster.outputs.filter((o) => result.outputs[o.name]);
    expect(column(outputs, 'Output')).toEqual(shown.map((o) => o.label));
    expect(column(outputs, 'Value')).toEqual(shown.map((o) => result.outputs[o.name]?.display));
    expect(column(outputs, 'Meaning')).toEqual(shown.map((o) => o.description));
    expect(column(outputs, 'Value')).toContain('1.74 MW');
  });

  it('says where every input came from: given, a default assumption, the catalog', () => {
    const inputs = tableAt(report({ accelerator: 'h100-sxm', count: 1000, pue: 1.3 }), 'Input');
    expectAligned(inputs, ['Value']);
    const from = Object.fromEntries(inputs.rows.map(([name, value, origin]) => [name, { value, origin }]));
    expect(from.count).toEqual({ value: '1,000', origin: 'given' });
    expect(from.pue).toEqual({ value: '1.3', origin: 'given' });
    expect(from['it-power']).toEqual({ value: '1.45 kW', origin: 'catalog: h100-sxm (estimate)' });
    expect(from['electricity-price']?.origin).toBe('default: assumption electricity_price');
    expect(from['cost-of-capital']?.origin).toBe('default: assumption cost_of_capital (estimate)');
    expect(from.precision).toEqual({ value: 'bf16', origin: 'default' });
  });

  it('names inputs as their flags, with dashes', () => {
    const names = column(tableAt(report({ accelerator: 'h100-sxm', count: 8 }), 'Input'), 'Input');
    expect(names.some((n) => n.includes('_'))).toBe(false);
    expect(names).toContain('facility-lifetime');
  });

  it('marks a solved input and prints the notes the calculator left', () => {
    const text = report({ accelerator: 'h100-sxm', facility_power: '100 MW' });
    const inputs = tableAt(text, 'Input');
    expect(inputs.rows.find(([name]) => name === 'count')?.[2]).toBe('solved');
    expect(text).toMatch(/\n\n {2}note: count solved from facility power: 100 MW \/ \(IT power × PUE\)\n/);
  });

  it('has no note lines when the calculator left none', () => {
    expect(report({ accelerator: 'h100-sxm', count: 8 })).not.toMatch(/note:/);
  });

  it('sets a comparison side by side and leaves its outputs out of the output table', () => {
    const calc = findCalculator('edge-vs-central');
    const result = runCalculator(
      calc,
      { model: 'llama-3.1-8b', device: 'nvidia-drive-thor', devices: '1M' },
      catalog,
    );
    const text = renderCalculatorReport(calc, result);
    const comparison = calc.comparison;
    expect(comparison).toBeDefined();
    if (!comparison) return;
    const [left, right] = comparison.columns;
    const side = tableAt(text, left);
    expectAligned(side, [left, right]);
    expect(side.header).toEqual(['', left, right]);
    expect(side.rows).toEqual(
      comparison.rows.map(([label, l, r]) => [
        label,
        result.outputs[l]?.display ?? '—',
        result.outputs[r]?.display ?? '—',
      ]),
    );
    const compared = new Set(comparison.rows.flatMap(([, l, r]) => [l, r]));
    const labels = column(tableAt(text, 'Output'), 'Output');
    for (const o of calc.outputs)
      expect(labels.includes(o.label), o.name).toBe(!compared.has(o.name) && !!result.outputs[o.name]);
  });

  it('ends with how to override inputs and find sources', () => {
    const text = report({ accelerator: 'h100-sxm', count: 8 });
    expect(text.endsWith('`--json` prints SI values with every source.\n')).toBe(true);
    expect(text).toContain('Override any input with its flag (--pue 1.3)');
  });
});
