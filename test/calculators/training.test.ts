import { describe, expect, it } from 'vitest';
import { runCalculator } from '../../src/calculators/run.js';
import { training } from '../../src/calculators/training.js';
import { catalog } from '../helpers/catalog.js';

const run = (inputs: Record<string, unknown>) => runCalculator(training, inputs, catalog);
const DAY = 86400;

describe('training calculator', () => {
  it('keeps the public output names', () => {
    const r = run({ model: 'llama-3.1-405b' });
    for (const name of [
      'training_flop',
      'duration',
      'accelerator_hours',
      'energy',
      'cost',
      'chinchilla_params',
      'chinchilla_tokens',
    ]) {
      expect(r.outputs[name], name).toBeDefined();
    }
    expect(r.outputs.accelerator_hours?.unit).toBe('h');
    expect(r.outputs.duration?.unit).toBe('s');
  });

  it("takes a model's published hardware when no size is given", () => {
    const r = run({ model: 'llama-3.1-405b' });
    expect(r.inputs.accelerator?.value).toBe('h100-sxm');
    expect(r.outputs.count?.value).toBe(16384);
    // At Llama 3's 16,384 GPUs MFU is the base 40%; goodput loses 8 minutes to each interruption
    // at one per 5 years per GPU: 1 / (1 + 16,384 × 8 min / 5 years) = 95.3%.
    const goodput = 1 / (1 + (16384 * 8 * 60) / (5 * 365.25 * DAY));
    const expected = (6 * 405e9 * 15.6e12) / (16384 * 989.4e12 * 0.4 * goodput);
    expect(r.outputs.duration?.value).toBeCloseTo(expected, -1);
  });

  it('uses active parameters for mixture-of-experts', () => {
    const r = run({ model: 'deepseek-v3' });
    expect(r.outputs.training_flop?.value).toBeCloseTo(6 * 37e9 * 14.8e12, -20);
    const moe = run({
      params: '671B',
      active_params: '37B',
      tokens: '14.8T',
      count: 2048,
      accelerator: 'h800',
    });
    expect(moe.outputs.training_flop?.value).toBeCloseTo(6 * 37e9 * 14.8e12, -20);
  });

  it('solves compute from a duration and a count', () => {
    const r = run({ accelerator: 'h100', count: 1000, duration: '10 days', mfu: '50%', goodput: '100%' });
    expect(r.outputs.training_flop?.value).toBeCloseTo(1000 * 989.4e12 * 0.5 * 10 * DAY, -15);
  });

  it('solves the count from a compute budget and a duration', () => {
    const r = run({ compute: '2e25', duration: '95 days', accelerator: 'h100', mfu: '40%', goodput: '90%' });
    const needed = 2e25 / (95 * DAY * 989.4e12 * 0.36);
    expect(r.outputs.count?.value).toBe(Math.ceil(needed));
    expect(r.inputs.count?.origin).toBe('solved');
  });

  it('sizes a run from a site power', () => {
    const r = run({
      compute: '1e27',
      facility_power: '1 GW',
      accelerator: 'gb200',
      pue: 1.2,
      it_power: '2 kW',
    });
    expect(r.outputs.count?.value).toBe(Math.floor(1e9 / 2400));
  });

  it('picks the MFU default by precision', () => {
    const fp8 = run({ compute: '1e25', count: 10000, accelerator: 'h100', precision: 'fp8' });
    // Below 16,384 accelerators on one site the run keeps the base MFU of its precision.
    expect(fp8.inputs.mfu?.value).toBe(catalog.assumptions.mfu_fp8.value);
    expect(fp8.inputs.base_mfu?.via).toBe('assumption mfu_fp8');
  });

  it('loses MFU past 16,384 accelerators and across sites, and goodput to interruptions', () => {
    const inputs = { compute: '1e27', accelerator: 'h100', accelerator_mtbf: '5 years' } as const;
    const big = run({ ...inputs, count: 163840 });
    // Ten times Llama 3's scale: 40% × 10^-0.05 = 35.6% MFU; goodput 1 / (1 + 100,000 × 8 min / 5 years).
    expect(big.inputs.mfu?.value).toBeCloseTo(0.4 * 10 ** -0.05, 9);
    expect(big.inputs.goodput?.value).toBeCloseTo(1 / (1 + (100000 * 8 * 60) / (5 * 365.25 * DAY)), 9);
    const twoSites = run({ ...inputs, count: 163840, sites: 4 });
    // Two doublings of sites at 90% each.
    expect(twoSites.inputs.mfu?.value).toBeCloseTo(0.4 * 10 ** -0.05 * 0.81, 9);
    // A fixed MFU and goodput override the scale model.
    const fixed = run({ ...inputs, count: 163840, mfu: '40%', goodput: '90%' });
    expect(fixed.outputs.duration?.value).toBeCloseTo(1e27 / (163840 * 989.4e12 * 0.36), -1);
  });

  it('finds the count for a budget and a duration where utilization falls with size, or says none can', () => {
    const r = run({ compute: '5e26', duration: '100 days', accelerator: 'h100' });
    const n = r.outputs.count?.value ?? 0;
    const perGpu = (count: number) =>
      (989.4e12 * 0.4 * Math.min(1, (count / 16384) ** -0.05)) /
      (1 + (Math.min(count, 100000) * 8 * 60) / (5 * 365.25 * DAY));
    // The least whole count that does it: n does, n - 1 does not.
    expect(n * perGpu(n) * 100 * DAY).toBeGreaterThanOrEqual(5e26);
    expect((n - 1) * perGpu(n - 1) * 100 * DAY).toBeLessThan(5e26);
    expect(() =>
      run({ compute: '1e27', duration: '10 days', accelerator: 'h100', failure_domain: '1e15' }),
    ).toThrow(/duration is too short for this workload/);
  });

  it('gives the Chinchilla-optimal split for the compute', () => {
    const r = run({ compute: `${6 * 70e9 * 1.4e12}`, count: 1000 });
    expect(r.outputs.chinchilla_params?.value).toBeCloseTo(70e9, -7);
    expect(r.outputs.chinchilla_tokens?.value).toBeCloseTo(1.4e12, -9);
  });

  it('rejects runs it cannot size, in one sentence', () => {
    expect(() => run({ params: '405e9', tokens: '15T' })).toThrow(
      'count or duration is needed to size the run',
    );
    expect(() => run({ compute: '2e25', model: 'gpt-3' })).toThrow(/compute and model conflict/);
    expect(() => run({ compute: '2e25', count: 10, duration: '1 day' })).toThrow(
      /duration conflicts with count/,
    );
    expect(() => run({ accelerator: 'h100' })).toThrow(/workload is missing/);
    expect(() => run({ params: '10B', active_params: '20B', tokens: '1T', count: 1 })).toThrow(
      /cannot exceed/,
    );
    expect(() => run({ model: 'gpt-4', accelerator: 'h100', count: 100, precision: 'fp4' })).toThrow(
      /no hardware support for fp4/,
    );
  });
});
