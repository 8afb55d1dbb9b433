import { describe, expect, it } from 'vitest';
import { cluster } from '../../src/calculators/cluster.js';
import { runMonteCarlo, sensitivity } from '../../src/calculators/monte-carlo.js';
import { training } from '../../src/calculators/training.js';
import { normalCdf, Z90 } from '../../src/uncertainty/normal.js';
import { catalog } from '../helpers/catalog.js';

const options = { samples: 20_000, seed: 5, quantiles: [0.05, 0.5, 0.95] };

describe('Monte Carlo over a calculator', () => {
  it('carries an input distribution through the model: facility power = count × IT power × PUE', () => {
    const r = runMonteCarlo(
      cluster,
      { count: 1000, it_power: '1 kW', pue: 'uniform(1, 2)' },
      catalog,
      options,
    );
    const fp = r.outputs.facility_power;
    // PUE uniform on [1, 2]: p5 = 1.05, median 1.5, p95 = 1.95, mean 1.5; × 1 MW of IT.
    expect(fp?.quantiles.p5).toBeCloseTo(1.05e6, -4);
    expect(fp?.quantiles.p50).toBeCloseTo(1.5e6, -4);
    expect(fp?.quantiles.p95).toBeCloseTo(1.95e6, -4);
    expect((fp?.mean ?? 0) / 1.5e6).toBeCloseTo(1, 2);
    expect(r.outputs.it_power?.quantiles.p50).toBe(1e6);
  });

  it('gives the same figures for the same seed, and different ones for another', () => {
    const raw = { count: 1000, pue: '1.1 to 1.4', price: '$25k to $35k' };
    const a = runMonteCarlo(cluster, raw, catalog, options);
    const b = runMonteCarlo(cluster, raw, catalog, options);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = runMonteCarlo(cluster, raw, catalog, { ...options, seed: 6 });
    expect(c.outputs.total_capex?.mean).not.toBe(a.outputs.total_capex?.mean);
  });

  it('reports the uncertain inputs at the requested quantiles', () => {
    const r = runMonteCarlo(
      training,
      { model: 'llama-3.1-405b', mfu: '30% to 45%', goodput: '90%' },
      catalog,
      {
        ...options,
        quantiles: [0.05, 0.95],
      },
    );
    expect(r.uncertain[0]).toMatchObject({ name: 'mfu', written: '30% to 45%' });
    expect(r.uncertain[0]?.quantiles.p5).toBeCloseTo(0.3, 9);
    // Duration ∝ 1 / MFU: its p95 comes from the MFU's p5.
    const base = (6 * 405e9 * 15.6e12) / (16384 * 989.4e12 * 0.9);
    expect((r.outputs.duration?.quantiles.p95 ?? 0) / (base / 0.3)).toBeCloseTo(1, 2);
  });

  it('leaves out samples the model rejects and says how many', () => {
    // A 2 kW site feeds one H100 only while IT power × PUE ≤ 2 kW; above that the draw is impossible.
    const r = runMonteCarlo(cluster, { facility_power: '2 kW', pue: '1.1 to 1.5' }, catalog, options);
    // PUE is lognormal with its 90% interval at 1.1 to 1.5: the share above the cut is 1 − Φ(z).
    const cut = 2000 / catalog.accelerator('h100').itPower.value;
    const mu = (Math.log(1.1) + Math.log(1.5)) / 2;
    const sigma = (Math.log(1.5) - Math.log(1.1)) / (2 * Z90);
    const expected = 1 - normalCdf((Math.log(cut) - mu) / sigma);
    const n = options.samples;
    expect(Math.abs(r.rejected / n - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / n));
    expect(r.outputs.count?.quantiles.p50).toBe(1);
  });
});

describe('sensitivity', () => {
  it('ranks inputs by the swing they cause, p5 to p95', () => {
    const s = sensitivity(
      cluster,
      { count: 1000, pue: '1.1 to 1.4', price: '$20k to $40k', electricity_price: '$0.07/kWh to $0.09/kWh' },
      catalog,
      'total_capex',
    );
    expect(s.rows.map((r) => r.input)).toEqual(['price', 'pue', 'electricity_price']);
    // Price alone: capex moves by 1,000 × ($40k − $20k).
    expect(s.rows[0]?.swing).toBeCloseTo(1000 * 20_000, -1);
    // PUE does not change capex at all here (facility capex is per IT watt).
    expect(s.rows[1]?.swing).toBe(0);
  });

  it('needs an uncertain input and a real output', () => {
    expect(() => sensitivity(cluster, { count: 1000 }, catalog, 'total_capex')).toThrow(
      /needs at least one input written as a distribution/,
    );
    expect(() => sensitivity(cluster, { count: 1000, pue: '1.1 to 1.4' }, catalog, 'total_capx')).toThrow(
      /did you mean 'total_capex'/,
    );
  });
});

describe('the fast path', () => {
  it('gives exactly what the per-sample path gives', () => {
    const generic = { ...cluster, vectorize: undefined };
    for (const raw of [
      { count: '1000', pue: '1.1 to 1.4', price: '$25k to $35k', lifetime: '4 to 6 years' },
      { facility_power: '10 MW to 20 MW', pue: '1.1 to 1.4' },
      { budget: '$1B', it_power: '1.2 kW to 1.6 kW', facility_capex: '$9M/MW to $20M/MW' },
    ]) {
      const fast = runMonteCarlo(cluster, raw, catalog, { ...options, samples: 5000 });
      const slow = runMonteCarlo(generic, raw, catalog, { ...options, samples: 5000 });
      expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
    }
  });
});
