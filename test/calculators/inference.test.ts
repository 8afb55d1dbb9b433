import { describe, expect, it } from 'vitest';
import { inference } from '../../src/calculators/inference.js';
import { runCalculator } from '../../src/calculators/run.js';
import { SECONDS_PER_HOUR } from '../../src/units/dimensions.js';
import { catalog } from '../helpers/catalog.js';

const run = (inputs: Record<string, unknown>) => runCalculator(inference, inputs, catalog);

const issueExample = {
  model: 'llama-3.3-70b',
  accelerator: 'h100',
  tp: 2,
  precision: 'fp8',
  batch: 64,
  input_tokens: 1000,
  output_tokens: 1000,
};

describe('inference calculator', () => {
  it('keeps the public output names and units', () => {
    const r = run(issueExample);
    const units = Object.fromEntries(Object.entries(r.outputs).map(([k, v]) => [k, v.unit]));
    expect(units).toMatchObject({
      prefill_throughput: 'token/s',
      output_throughput: 'token/s',
      output_throughput_per_accelerator: 'token/s',
      time_to_first_token: 's',
      time_per_output_token: 's',
      max_batch: 'count',
      energy_per_token: 'J',
      cost_per_million_tokens: 'USD',
    });
  });

  it('is memory-bound at batch 64: each step reads the weights and every KV cache', () => {
    const r = run(issueExample).outputs;
    // Llama 3.3 70B: 70.6B params at 1 byte; KV 2 × 80 × 8 × 128 × 1 byte per token; average
    // context 1,000 + 499.5 over 1,000 steps; 2 × 3.35 TB/s × 85%.
    const params = catalog.model('llama-3.3-70b').params.value;
    const kv = 2 * 80 * 8 * 128;
    const bandwidth = 2 * 3.35e12 * catalog.assumptions.inference_bandwidth_efficiency.value;
    const step = (params + 64 * 1499.5 * kv) / bandwidth;
    expect(r.time_per_output_token?.value).toBeCloseTo(step, 5);
    expect(r.memory_bound_share?.value).toBe(1);
    expect(r.output_throughput_per_accelerator?.value).toBeCloseTo((r.output_throughput?.value ?? 0) / 2, 6);
  });

  it('prices tokens from the cost per accelerator-hour', async () => {
    const r = run(issueExample);
    const u = catalog.assumptions.serving_utilization.value;
    const tokensPerHour = (r.outputs.output_throughput?.value ?? 0) * SECONDS_PER_HOUR * u;
    const cluster = runCalculator(
      (await import('../../src/calculators/cluster.js')).cluster,
      { accelerator: 'h100', count: 1 },
      catalog,
    );
    const perHour = 2 * (cluster.outputs.cost_per_accelerator_hour?.value ?? 0);
    expect(r.outputs.cost_per_million_tokens?.value).toBeCloseTo((perHour / tokensPerHour) * 1e6, 6);
  });

  it('uses active parameters for compute and total parameters for memory (mixture-of-experts)', () => {
    const moe = run({ model: 'mixtral-8x7b', accelerator: 'h100', tp: 1, precision: 'fp8', batch: 1 });
    // At batch 1 the step reads all 46.7B weights: a dense 12.9B model would be 3.6× faster.
    expect(moe.outputs.weights_per_accelerator?.value).toBeCloseTo(46.7e9, -8);
    expect(moe.outputs.memory_bound_share?.value).toBe(1);
    const big = run({ model: 'mixtral-8x7b', accelerator: 'h100', tp: 1, precision: 'fp8', batch: 'max' });
    expect(big.outputs.batch?.value).toBe(big.outputs.max_batch?.value);
  });

  it('chooses the tensor-parallel width and the batch when not given', () => {
    const r = run({ model: 'llama-3.1-405b', accelerator: 'h100' });
    expect(r.inputs.tp?.origin).toBe('solved');
    expect(Number(r.inputs.tp?.value)).toBeGreaterThanOrEqual(16);
    expect(r.inputs.batch?.origin).toBe('solved');
  });

  it('keeps the time per output token under --max-tpot', () => {
    const r = run({ model: 'llama-3.3-70b', accelerator: 'h100', tp: 4, precision: 'fp8', max_tpot: '20ms' });
    expect(r.outputs.time_per_output_token?.value).toBeLessThanOrEqual(0.02);
    const free = run({ model: 'llama-3.3-70b', accelerator: 'h100', tp: 4, precision: 'fp8' });
    expect(free.outputs.batch?.value).toBeGreaterThan(r.outputs.batch?.value ?? 0);
  });

  it('says when a model does not fit, by how much, and what would', () => {
    expect(() => run({ model: 'llama-3.1-405b', accelerator: 'h100', tp: 2 })).toThrow(
      /^tp 2: the weights plus one 1,250-token request need 811 GB, but 2 × h100-sxm offer 144 GB usable, 667 GB short; try tp 16$/,
    );
  });

  it('rejects impossible batches and token counts in one sentence', () => {
    expect(() => run({ ...issueExample, batch: 100_000 })).toThrow(
      /batch 100000 does not fit: at most \d+ requests/,
    );
    expect(() => run({ ...issueExample, batch: 0 })).toThrow('batch: must be at least 1, got "0"');
    expect(() => run({ ...issueExample, output_tokens: 200_000 })).toThrow(
      /past llama-3.3-70b's context of 131,072/,
    );
    expect(() => run({ ...issueExample, input_tokens: -5 })).toThrow(
      'input_tokens: must be at least 1, got "-5"',
    );
    expect(() => run({ ...issueExample, batch: 'max', max_tpot: '1ms' })).toThrow(/max_tpot cannot be met/);
    expect(() => run({ model: 'gpt-4' })).toThrow(
      'model: gpt-4 publishes no KV heads, which inference needs',
    );
    expect(() => run({})).toThrow('model is required');
  });
});
