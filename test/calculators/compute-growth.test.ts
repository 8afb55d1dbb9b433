import { describe, expect, it } from 'vitest';
import { computeGrowth } from '../../src/calculators/compute-growth.js';
import { runCalculator } from '../../src/calculators/run.js';
import { InputError } from '../../src/errors.js';
import { catalog } from '../helpers/catalog.js';

const run = (inputs: Record<string, unknown>) => runCalculator(computeGrowth, inputs, catalog);
const value = (r: ReturnType<typeof run>, name: string) => r.outputs[name]?.value ?? Number.NaN;
const DAY = 86_400;
const runOf = (id: string) => {
  const found = catalog.frontier.runs.find((r) => r.id === id);
  if (!found) throw new Error(`no run ${id}`);
  return found;
};
const FACTORS = ['chip_factor', 'count_factor', 'duration_factor', 'utilization_factor'];

describe('the compute-growth calculator', () => {
  it('grows from Seq2Seq (2014) to Gemini 1.0 Ultra (done by 2024), worked by hand', () => {
    const r = run({});
    expect(value(r, 'from_run_compute')).toBe(5.6e19);
    expect(value(r, 'to_run_compute')).toBe(5e25);
    expect(value(r, 'growth')).toBeCloseTo(5e25 / 5.6e19, 6);
    expect(value(r, 'annual_growth')).toBeCloseTo((5e25 / 5.6e19) ** (1 / 10), 9);
    expect(r.inputs.to?.via).toMatch(/^largest run done by then: Gemini 1\.0 Ultra \(2023-12\)/);
    expect(r.inputs.to?.value).toBe(2024);
  });

  it('splits it on the largest runs with hardware: Seq2Seq’s 40 K40 and Llama 3.1’s 16,384 H100', () => {
    const r = run({});
    expect(r.inputs.from?.via).toMatch(/split on Seq2Seq LSTM \(2014-09\)$/);
    expect(r.inputs.to?.via).toMatch(/split on Llama 3\.1 405B \(2024-07\)$/);
    expect(r.breakdown?.rows.map((row) => row.label)).toEqual([
      'Seq2Seq LSTM (2014-09)',
      'Llama 3.1 405B (2024-07)',
    ]);
    const h100 = catalog.accelerator('h100-sxm').dense.bf16?.value ?? 0;
    expect(value(r, 'chip_factor')).toBeCloseTo(h100 / 4.29e12, 9);
    expect(value(r, 'count_factor')).toBeCloseTo(16384 / 40, 9);
    expect(value(r, 'duration_factor')).toBeCloseTo(78 / 10, 9);
    // Utilization of each run: compute ÷ (chips × peak × seconds).
    const seq2seq = 5.6e19 / (40 * 4.29e12 * 10 * DAY);
    const llama = 3.8e25 / (16384 * h100 * 78 * DAY);
    const rows = r.breakdown?.rows ?? [];
    expect(rows[0]?.values.utilization?.value).toBeCloseTo(seq2seq, 12);
    expect(rows[1]?.values.utilization?.value).toBeCloseTo(llama, 12);
    // The rest: the runs' utilization, and Gemini's compute over Llama's (Gemini publishes no chips and days).
    expect(value(r, 'utilization_factor')).toBeCloseTo((llama / seq2seq) * (5e25 / 3.8e25), 9);
    expect(r.notes.join(' ')).toMatch(/Llama 3\.1 405B \(2024-07\) stands in for the largest run/);
  });

  it('gives factors whose product is the growth, whatever the span', () => {
    for (const [from, to] of [
      [2014, 2024],
      [2019, 2023],
      [2020, 2025],
      [2016, 2022],
    ]) {
      const r = run({ from, to });
      const product = FACTORS.reduce((p, name) => p * value(r, name), 1);
      expect(product / value(r, 'growth'), `${from}-${to}`).toBeCloseTo(1, 12);
    }
  });

  it('takes runs done by the end of each year, hardware from the catalog or the run', () => {
    const r = run({ from: 2020, to: 2023 });
    // By 2020 AlphaGo Zero (3.41e23) is the largest, but it publishes no chip count: GPT-3 splits.
    expect(value(r, 'from_run_compute')).toBe(runOf('alphago-zero').compute.value);
    expect(r.inputs.from?.via).toMatch(/AlphaGo Zero \(2017-10\); split on GPT-3 175B \(2020-05\)$/);
    expect(r.inputs.to?.via).toMatch(/Gemini 1\.0 Ultra \(2023-12\); split on GPT-4 \(2023-03\)$/);
    // Both A100 and V100 peaks come from the accelerator catalog; GPT-4 is 25,000 A100 for 95 days.
    const a100 = catalog.accelerator('a100-sxm').dense.bf16?.value ?? 0;
    const v100 = catalog.accelerator('v100').dense.bf16?.value ?? 0;
    expect(value(r, 'chip_factor')).toBeCloseTo(a100 / v100, 12);
    expect(value(r, 'count_factor')).toBeCloseTo(25000 / 10000, 12);
    expect(value(r, 'duration_factor')).toBeCloseTo(95 / 14.8, 12);
  });

  it('rejects spans it cannot compare, in one sentence', () => {
    expect(() => run({ from: 2024, to: 2014 })).toThrow(InputError);
    expect(() => run({ from: 2024, to: 2014 })).toThrow('from 2024 must be before to 2014');
    expect(() => run({ from: 2020, to: 2020 })).toThrow('from 2020 must be before to 2020');
    expect(() => run({ from: 2010 })).toThrow(
      'from 2010: data/frontier.yaml has no training run done by then',
    );
  });
});
