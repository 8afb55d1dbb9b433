import { describe, expect, it } from 'vitest';
import { edgeVsCentral } from '../../src/calculators/edge-vs-central.js';
import { runCalculator } from '../../src/calculators/run.js';
import { annualizedCapex } from '../../src/model/finance.js';
import { SECONDS_PER_YEAR } from '../../src/units/dimensions.js';
import { catalog } from '../helpers/catalog.js';

const example = {
  model: 'llama-3.1-8b',
  devices: '1B',
  device: 'tesla-hw4',
  utilization: '5%',
  central_accelerator: 'gb200',
};

describe('edge-vs-central calculator', () => {
  const r = runCalculator(edgeVsCentral, example, catalog);
  const out = (name: string) => r.outputs[name]?.value ?? Number.NaN;
  const hw4 = catalog.device('tesla-hw4');

  it('runs the edge at batch 1, bound by memory bandwidth', () => {
    // Llama 3.1 8B at 8 bits: ~8 GB read per token over 384 GB/s × 85%, about 40 tokens/s.
    const perToken = catalog.model('llama-3.1-8b').params.value / (hw4.memoryBandwidth.value * 0.85);
    expect(out('edge_throughput_per_device')).toBeLessThan(1 / perToken);
    expect(out('edge_throughput_per_device')).toBeGreaterThan(0.8 / perToken);
    expect(out('edge_tokens_per_year')).toBeCloseTo(
      1e9 * out('edge_throughput_per_device') * 0.05 * SECONDS_PER_YEAR,
      -9,
    );
  });

  it('sizes the central factory to serve at least the same tokens', () => {
    expect(out('central_tokens_per_year')).toBeGreaterThanOrEqual(out('edge_tokens_per_year'));
    expect(out('central_tokens_per_year') / out('edge_tokens_per_year')).toBeLessThan(1.001);
  });

  it('compares energy per token as a ratio', () => {
    expect(out('edge_energy_per_token')).toBeCloseTo(hw4.power.value / out('edge_throughput_per_device'), 9);
    expect(out('energy_ratio')).toBeCloseTo(
      out('edge_energy_per_token') / out('central_energy_per_token'),
      9,
    );
    expect(out('energy_ratio')).toBeGreaterThan(1);
  });

  it('costs edge tokens from annualized device capex and home electricity', () => {
    const perDeviceTokens = out('edge_tokens_per_year') / 1e9;
    const capex = annualizedCapex(
      hw4.price.value,
      catalog.assumptions.cost_of_capital.value,
      catalog.assumptions.edge_device_lifetime.value,
    );
    const energy = out('edge_energy_per_token') * catalog.assumptions.residential_electricity_price.value;
    expect(out('edge_cost_per_million_tokens')).toBeCloseTo((capex / perDeviceTokens + energy) * 1e6, 6);
  });

  it('says when a car computer never breaks even: its electricity alone costs more per token', () => {
    expect(r.outputs.breakeven_utilization).toBeUndefined();
    expect(r.notes.join(' ')).toMatch(/never breaks even/);
    const electricity =
      out('edge_energy_per_token') * catalog.assumptions.residential_electricity_price.value;
    expect(electricity * 1e6).toBeGreaterThan(out('central_cost_per_million_tokens'));
  });

  it('reports break-even where edge and central cost the same', () => {
    // A $20 AI share of a phone with free electricity: the capex is the only edge cost, so
    // break-even sits where it spreads over enough tokens to match the factory's price.
    const cheap = {
      ...example,
      device: 'apple-a18-pro',
      precision: 'fp4',
      device_price: '$20',
      edge_electricity_price: '$0/kWh',
    };
    const phone = runCalculator(edgeVsCentral, cheap, catalog);
    const b = phone.outputs.breakeven_utilization?.value ?? Number.NaN;
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(1);
    const at = runCalculator(edgeVsCentral, { ...cheap, utilization: b }, catalog).outputs;
    // The central side is re-sized for the new token count, so agreement is to its rounding.
    expect(
      (at.edge_cost_per_million_tokens?.value ?? 0) / (at.central_cost_per_million_tokens?.value ?? 1),
    ).toBeCloseTo(1, 2);
  });

  it('says when the model does not fit on the device', () => {
    expect(() => runCalculator(edgeVsCentral, { ...example, model: 'llama-3.1-405b' }, catalog)).toThrow(
      /device tesla-hw4: llama-3.1-405b at fp8 needs 405 GB of weights, more than its usable 14.4 GB/,
    );
    expect(() => runCalculator(edgeVsCentral, { ...example, device: 'iphone' }, catalog)).toThrow(
      /unknown device 'iphone'; did you mean/,
    );
  });
});
