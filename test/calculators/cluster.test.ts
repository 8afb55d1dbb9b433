import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cluster } from '../../src/calculators/cluster.js';
import { runCalculator } from '../../src/calculators/run.js';
import { InputError } from '../../src/errors.js';
import { catalog } from '../helpers/catalog.js';

const run = (inputs: Record<string, unknown>) => runCalculator(cluster, inputs, catalog);
const h100 = catalog.accelerator('h100');

describe('cluster calculator', () => {
  it('keeps the public output names and SI units', () => {
    const result = run({ accelerator: 'h100', count: '100k' });
    expect(result.calculator).toBe('cluster');
    const units = Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [k, v.unit]));
    expect(units).toMatchObject({
      count: 'count',
      peak_flops: 'FLOP/s',
      it_power: 'W',
      facility_power: 'W',
      annual_energy: 'J',
      accelerator_capex: 'USD',
      facility_capex: 'USD',
      total_capex: 'USD',
      annual_opex: 'USD',
      cost_per_accelerator_hour: 'USD/h',
    });
  });

  it('derives each figure from the catalog and stated defaults', () => {
    const r = run({ accelerator: 'h100', count: '100k' }).outputs;
    const pue = catalog.assumptions.pue.value;
    expect(r.peak_flops?.value).toBeCloseTo(1e5 * 989.4e12, -10);
    expect(r.it_power?.value).toBeCloseTo(1e5 * h100.itPower.value, 0);
    expect(r.facility_power?.value).toBeCloseTo(1e5 * h100.itPower.value * pue, 0);
    expect(r.accelerator_capex?.value).toBeCloseTo(1e5 * h100.price.value, 0);
  });

  it('reads the marketed sparse peak only when asked: 100k H100 FP8 sparse ≈ 396 EFLOP/s', () => {
    const r = run({ accelerator: 'h100', count: '100k', precision: 'fp8', sparsity: 'sparse' });
    expect(r.outputs.peak_flops?.value).toBeCloseTo(395.78e18, -16);
  });

  it('solves the count from facility power', () => {
    const r = run({ accelerator: 'h100', facility_power: '1 GW', pue: '1.25', it_power: '1250 W' });
    // 1 GW / (1,250 W × 1.25) = 640,000 exactly.
    expect(r.outputs.count?.value).toBe(640_000);
    expect(r.inputs.count?.origin).toBe('solved');
    expect(r.outputs.facility_power?.value).toBeCloseTo(1e9, 0);
  });

  it('solves the count from a budget, building included', () => {
    const r = run({
      accelerator: 'h100',
      budget: '$50B',
      price: '$30k',
      it_power: '1 kW',
      facility_capex: '$10M/MW',
    });
    // Each accelerator: $30,000 + 1 kW × $10/W = $40,000 → 1,250,000.
    expect(r.outputs.count?.value).toBe(1_250_000);
    expect(r.outputs.total_capex?.value).toBeCloseTo(50e9, 0);
  });

  it('lets every assumption be overridden by name', () => {
    const base = run({ count: 1000 }).outputs;
    const dearer = run({ count: 1000, electricity_price: '$0.16/kWh' }).outputs;
    expect(dearer.annual_energy_cost?.value).toBeCloseTo(
      2 * (base.annual_energy?.value ?? 0) * (0.08 / 3.6e6),
      0,
    );
    const longer = run({ count: 1000, lifetime: '10 years' }).outputs;
    expect(longer.cost_per_accelerator_hour?.value).toBeLessThan(base.cost_per_accelerator_hour?.value ?? 0);
  });

  it('rejects conflicting and missing sizes in one sentence each', () => {
    expect(() => run({ count: 10, budget: '$5B' })).toThrow(
      'count and budget conflict: give only one of count, facility_power, budget',
    );
    expect(() => run({})).toThrow(/count is missing/);
    expect(() => run({ facility_power: '1 kW' })).toThrow(/facility_power is too small for one accelerator/);
    expect(() => run({ count: 10, accelerator: 'a100', precision: 'fp8' })).toThrow(
      /a100-sxm has no hardware support for fp8/,
    );
    expect(() => run({ count: 10, colour: 'red' })).toThrow("unknown input 'colour'");
    expect(() => run({ count: 10, puee: 1.3 })).toThrow("unknown input 'puee'; did you mean 'pue'?");
  });

  it('never produces NaN or Infinity for any valid input', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...catalog.accelerators.map((a) => a.id)),
        fc.integer({ min: 1, max: 1e9 }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (accelerator, count, pue, costOfCapital) => {
          try {
            const r = run({ accelerator, count, pue, cost_of_capital: costOfCapital });
            for (const out of Object.values(r.outputs)) expect(Number.isFinite(out.value)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
          }
        },
      ),
    );
  });
});
