import { describe, expect, it } from 'vitest';
import { runMonteCarlo, sensitivity } from '../../src/calculators/monte-carlo.js';
import { findCalculator } from '../../src/calculators/registry.js';
import { renderMonteCarloReport, renderSensitivity } from '../../src/report/monte-carlo-report.js';
import { parseQuantity } from '../../src/units/parse.js';
import { catalog } from '../helpers/catalog.js';
import { column, expectAligned, tableAt } from '../helpers/table.js';

const cluster = findCalculator('cluster');
const raw = {
  accelerator: 'h100-sxm',
  count: 1000,
  pue: '1.1 to 1.4',
  electricity_price: '$0.05/kWh to $0.12/kWh',
};
const options = { samples: 2000, seed: 7, quantiles: [0.05, 0.5, 0.95] };
const result = runMonteCarlo(cluster, raw, catalog, options);
const text = renderMonteCarloReport(cluster, result);

describe('Monte Carlo reports', () => {
  it('names the run: samples, grouped, and seed', () => {
    expect(text.split('\n')[0]).toBe(`${cluster.title} (Monte Carlo: 2,000 samples, seed 7)`);
  });

  it('gives each output a row of quantiles then the mean, lined up', () => {
    const outputs = tableAt(text, 'Output');
    expect(outputs.header).toEqual(['Output', 'p5', 'p50', 'p95', 'mean']);
    expectAligned(outputs, ['p5', 'p50', 'p95', 'mean']);
    const shown = cluster.outputs.filter((o) => result.outputs[o.name]);
    expect(column(outputs, 'Output')).toEqual(shown.map((o) => o.label));
  });

  it('shows quantiles that read back in order and near the run’s figures', () => {
    const outputs = tableAt(text, 'Output');
    const row = outputs.rows.find(([label]) => label === 'Facility power') ?? [];
    const [p5, p50, p95] = row.slice(1, 4).map((cell) => parseQuantity(cell, 'power'));
    expect(p5).toBeLessThan(p50 ?? 0);
    expect(p50).toBeLessThan(p95 ?? 0);
    const q = result.outputs.facility_power?.quantiles ?? {};
    expect((p5 ?? 0) / (q.p5 ?? 1)).toBeCloseTo(1, 2);
    expect((p95 ?? 0) / (q.p95 ?? 1)).toBeCloseTo(1, 2);
    // An input drawn nowhere near the count leaves it fixed in every column.
    expect(outputs.rows.find(([label]) => label === 'Accelerators')?.slice(1)).toEqual([
      '1,000',
      '1,000',
      '1,000',
      '1,000',
    ]);
  });

  it('lists the uncertain inputs as written, with quantiles in their own units', () => {
    const inputs = tableAt(text, 'Uncertain input');
    expectAligned(inputs, ['p5', 'p50', 'p95']);
    expect(column(inputs, 'Uncertain input')).toEqual(['pue', 'electricity-price']);
    expect(column(inputs, 'Written')).toEqual(['1.1 to 1.4', '$0.05/kWh to $0.12/kWh']);
    const price = inputs.rows[1] ?? [];
    expect(price.slice(2).every((cell) => cell.endsWith('/kWh'))).toBe(true);
    expect(inputs.rows[0]?.[2]).toBe('1.1');
    expect(inputs.rows[0]?.[4]).toBe('1.4');
  });

  it('notes rejected samples only when there were some', () => {
    expect(text).not.toMatch(/samples drew impossible inputs/);
    const rejected = renderMonteCarloReport(cluster, { ...result, rejected: 12 });
    expect(rejected).toContain('\n  note: 12 samples drew impossible inputs and were left out\n');
  });

  it('follows the quantiles asked for, in their order', () => {
    const wide = runMonteCarlo(cluster, raw, catalog, { ...options, samples: 500, quantiles: [0.1, 0.9] });
    const table = tableAt(renderMonteCarloReport(cluster, wide), 'Output');
    expect(table.header).toEqual(['Output', 'p10', 'p90', 'mean']);
  });

  describe('sensitivity', () => {
    const s = sensitivity(cluster, raw, catalog, 'annual_energy_cost');
    const table = renderSensitivity('annual_energy_cost', 'money', s.base, s.rows);

    it('names the output and its value at the medians', () => {
      expect(table.split('\n')[0]).toMatch(
        /^Sensitivity of annual_energy_cost \(each input from its p5 to its p95, the rest at their medians; at the medians: \$\d+(\.\d+)?k\)$/,
      );
    });

    it('ranks the inputs as given, widest swing first, lined up', () => {
      const t = tableAt(table, 'Input');
      expect(t.header).toEqual(['Input', 'at p5', 'at p95', 'swing']);
      expectAligned(t, ['at p5', 'at p95', 'swing']);
      expect(column(t, 'Input')).toEqual(s.rows.map((r) => r.input));
      const swings = column(t, 'swing').map((cell) => parseQuantity(cell, 'money'));
      expect(swings).toEqual([...swings].sort((a, b) => b - a));
      expect(swings[0]).toBeGreaterThan(0);
    });
  });
});
