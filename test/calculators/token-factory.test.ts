import { describe, expect, it } from 'vitest';
import { cluster } from '../../src/calculators/cluster.js';
import { inference } from '../../src/calculators/inference.js';
import { runCalculator } from '../../src/calculators/run.js';
import { tokenFactory } from '../../src/calculators/token-factory.js';
import { SECONDS_PER_DAY, SECONDS_PER_YEAR } from '../../src/units/dimensions.js';
import { catalog } from '../helpers/catalog.js';

const base = { facility_power: '1GW', accelerator: 'gb200', model: 'llama-3.3-70b' };

describe('token-factory calculator', () => {
  const r = runCalculator(tokenFactory, base, catalog);
  const out = (name: string) => r.outputs[name]?.value ?? Number.NaN;

  it('fills the site like the cluster calculator does', () => {
    const c = runCalculator(cluster, { facility_power: '1GW', accelerator: 'gb200' }, catalog);
    expect(out('count')).toBe(c.outputs.count?.value);
    expect(out('total_capex')).toBeCloseTo(c.outputs.total_capex?.value ?? 0, 0);
  });

  it('serves what its replicas serve, at the stated utilization', () => {
    const tp = Number(r.inputs.tp?.value);
    const replica = runCalculator(inference, { model: 'llama-3.3-70b', accelerator: 'gb200', tp }, catalog);
    const u = catalog.assumptions.serving_utilization.value;
    expect(out('replicas')).toBe(Math.floor(out('count') / tp));
    expect(out('output_throughput')).toBeCloseTo(
      out('replicas') * (replica.outputs.output_throughput?.value ?? 0),
      0,
    );
    expect(out('tokens_per_year')).toBeCloseTo(out('output_throughput') * SECONDS_PER_YEAR * u, -6);
  });

  it('prices tokens so they repay annualized capex and opex', () => {
    expect(out('breakeven_price_per_million_tokens')).toBeCloseTo(
      (out('annual_revenue_needed') / out('tokens_per_year')) * 1e6,
      9,
    );
    const c = runCalculator(cluster, { facility_power: '1GW', accelerator: 'gb200' }, catalog).outputs;
    expect(out('annual_revenue_needed')).toBeCloseTo(
      (c.annualized_capex?.value ?? 0) + (c.annual_opex?.value ?? 0),
      0,
    );
  });

  it('shares the tokens among a population', () => {
    const small = runCalculator(tokenFactory, { ...base, population: '1M' }, catalog);
    expect(small.outputs.tokens_per_person_per_day?.value).toBeCloseTo(
      out('tokens_per_year') / 1e6 / (SECONDS_PER_YEAR / SECONDS_PER_DAY),
      3,
    );
  });

  it('needs a site size and at least one replica', () => {
    expect(() => runCalculator(tokenFactory, { model: 'llama-3.3-70b' }, catalog)).toThrow(
      /count is missing/,
    );
    expect(() =>
      runCalculator(tokenFactory, { ...base, facility_power: undefined, count: 1, tp: 2 }, catalog),
    ).toThrow('count is smaller than one replica (2 accelerators)');
  });
});
