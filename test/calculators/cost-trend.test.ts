import { describe, expect, it } from 'vitest';
import { costTrend, FAMILIES } from '../../src/calculators/cost-trend.js';
import { runCalculator } from '../../src/calculators/run.js';
import { InputError } from '../../src/errors.js';
import { catalog } from '../helpers/catalog.js';

const run = (inputs: Record<string, unknown>) => runCalculator(costTrend, inputs, catalog);
const value = (r: ReturnType<typeof run>, name: string) => r.outputs[name]?.value ?? Number.NaN;
const HOUR = 3600;
const YEAR = 365.25 * 24 * HOUR;
const a = (key: keyof typeof catalog.assumptions) => catalog.assumptions[key].value;

/** Ownership cost of one accelerator per hour, worked by hand from its catalog price and power. */
function costPerHour(id: string): number {
  const { price, itPower } = catalog.accelerator(id);
  const rate = a('cost_of_capital');
  const crf = (seconds: number) => rate / (1 - (1 + rate) ** -(seconds / YEAR));
  const facility = itPower.value * a('facility_capex_per_it_power');
  const capital = price.value * crf(a('hardware_lifetime')) + facility * crf(a('facility_lifetime'));
  const energy = itPower.value * a('pue') * a('load_factor') * YEAR * a('electricity_price');
  const upkeep = (price.value + facility) * a('upkeep_rate');
  return (capital + energy + upkeep) / (YEAR / HOUR);
}

describe('the cost-trend calculator', () => {
  it('costs GPT-4’s compute on each NVIDIA flagship, worked by hand for the V100', () => {
    const r = run({});
    expect(r.breakdown?.rows.map((row) => row.label)).toEqual(FAMILIES.nvidia);
    expect(r.inputs.training_flop?.value).toBe(catalog.model('gpt-4').trainingCompute?.value);
    // At Llama 3's 16,384 accelerators MFU is the 40% base; goodput loses 8 minutes per
    // interruption at one per accelerator per 5 years.
    const goodput = 1 / (1 + (16384 * 8 * 60) / (5 * YEAR));
    const v100 = catalog.accelerator('v100').dense.bf16?.value ?? 0;
    const hours = 2.1e25 / (v100 * 0.4 * goodput) / HOUR;
    expect(r.breakdown?.rows[0]?.values.cost_per_hour?.value).toBeCloseTo(costPerHour('v100'), 9);
    expect(value(r, 'training_cost_first') / (hours * costPerHour('v100'))).toBeCloseTo(1, 9);
    const vr200 = catalog.accelerator('vr200').dense.bf16?.value ?? 0;
    const lastHours = 2.1e25 / (vr200 * 0.4 * goodput) / HOUR;
    expect(value(r, 'training_cost_last') / (lastHours * costPerHour('vr200'))).toBeCloseTo(1, 9);
  });

  it('fits the yearly decline through ln(cost) by year, and leaves the rest of 75% to algorithms', () => {
    const r = run({});
    const points = (r.breakdown?.rows ?? []).map((row) => ({
      x: row.values.year?.value ?? 0,
      y: Math.log(row.values.training_cost?.value ?? 0),
    }));
    const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
    const my = points.reduce((s, p) => s + p.y, 0) / points.length;
    const slope =
      points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) /
      points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
    const decline = value(r, 'training_cost_decline');
    expect(decline).toBeCloseTo(1 - Math.exp(slope), 12);
    // Hardware alone is well short of ARK's 75%: (1 − 0.75) = (1 − hardware)(1 − algorithms).
    expect(decline).toBeGreaterThan(0.1);
    expect(decline).toBeLessThan(0.53);
    expect(value(r, 'algorithm_decline_needed')).toBeCloseTo(1 - 0.25 / (1 - decline), 12);
    expect(r.notes[0]).toMatch(/Hardware alone lowers the cost of a fixed 2.1e25 FLOP run by \d+% a year/);
  });

  it('prices a million output tokens on each generation, falling but not to zero', () => {
    const r = run({});
    const rows = r.breakdown?.rows ?? [];
    expect(value(r, 'token_price_first')).toBe(rows[0]?.values.token_price?.value);
    expect(value(r, 'token_price_last')).toBe(rows.at(-1)?.values.token_price?.value);
    expect(value(r, 'token_price_last')).toBeLessThan(value(r, 'token_price_first'));
    expect(value(r, 'token_price_last')).toBeGreaterThan(0);
    // At the throughput-optimal batch serving is compute-bound like training: the price per token
    // and the run's cost are in the same proportion on every generation.
    const ratio = (i: number) =>
      (rows[i]?.values.training_cost?.value ?? 0) / (rows[i]?.values.token_price?.value ?? 1);
    for (let i = 1; i < rows.length; i++) expect(ratio(i) / ratio(0)).toBeCloseTo(1, 6);
    // With a small fixed batch memory bandwidth counts too, and the two trends part.
    const capped = run({ batch: 8 });
    expect(
      Math.abs(value(capped, 'token_price_decline') - value(capped, 'training_cost_decline')),
    ).toBeGreaterThan(0.001);
  });

  it('takes a span of years, another family and precision, leaving out chips without it', () => {
    const span = run({ from: 2022, to: 2025 });
    expect(span.breakdown?.rows.map((row) => row.label)).toEqual([
      'h100-sxm',
      'h200',
      'b200',
      'gb200',
      'gb300',
    ]);
    const fp8 = run({ precision: 'fp8' });
    expect(fp8.breakdown?.rows[0]?.label).toBe('h100-sxm');
    expect(fp8.notes.join(' ')).toMatch(/Left out for lack of dense fp8: v100, a100-sxm/);
    const amd = run({ family: 'amd' });
    expect(amd.breakdown?.rows.map((row) => row.label)).toEqual(FAMILIES.amd);
    for (const ids of Object.values(FAMILIES))
      for (const id of ids) expect(catalog.accelerator(id).id).toBe(id);
  });

  it('rejects spans it cannot fit, in one sentence', () => {
    expect(() => run({ from: 2025, to: 2020 })).toThrow(InputError);
    expect(() => run({ from: 2025, to: 2020 })).toThrow('from 2025 must be before to 2020');
    expect(() => run({ from: 2018, to: 2019 })).toThrow(
      /from 2018 to 2019 holds no nvidia generations with bf16/,
    );
    expect(() => run({ from: 2024, to: 2024.5 })).toThrow(InputError);
    expect(() => run({ from: 2025, to: 2026, precision: 'fp4' })).not.toThrow();
    expect(() => run({ from: 2026, to: 2030 })).toThrow(/only one year of nvidia generations/);
  });
});
