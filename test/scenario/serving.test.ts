import { describe, expect, it } from 'vitest';
import { inference } from '../../src/calculators/inference.js';
import { runCalculator } from '../../src/calculators/run.js';
import { parseScenario } from '../../src/scenario/load.js';
import { referenceServing } from '../../src/scenario/serving.js';
import { catalog } from '../helpers/catalog.js';

describe("a scenario's reference serving", () => {
  it('serves as `calc inference` does with its defaults: the same tokens per accelerator', () => {
    for (const chip of ['h100', 'gb200', 'mi300x']) {
      const calc = runCalculator(
        inference,
        { model: 'llama-3.3-70b', accelerator: chip, precision: 'fp8' },
        catalog,
      );
      const served = referenceServing(
        catalog,
        catalog.model('llama-3.3-70b'),
        catalog.accelerator(chip),
        'fp8',
      );
      expect(served).toEqual({
        tokensPerSecond: calc.outputs.output_throughput_per_accelerator?.value,
        precision: 'fp8',
      });
    }
  });

  it('serves a chip without the format at the nearest wider one, and says so in the run', () => {
    const a100 = referenceServing(
      catalog,
      catalog.model('llama-3.3-70b'),
      catalog.accelerator('a100'),
      'fp8',
    );
    expect(a100.precision).toBe('bf16');
    const calc = runCalculator(
      inference,
      { model: 'llama-3.3-70b', accelerator: 'a100', precision: 'bf16' },
      catalog,
    );
    expect(a100.tokensPerSecond).toBe(calc.outputs.output_throughput_per_accelerator?.value);
    const parsed = parseScenario(
      'name: t\nspan: {start: 2025-01, end: 2025-12}\nsites: [{name: a, ramp: [{at: 2025-01, power: 10 MW}]}]\nfleet: [{accelerator: a100, from: 2025-01}]\n',
      't.yaml',
      catalog,
    );
    expect(parsed.notes).toEqual(['a100-sxm has no fp8: llama-3.3-70b is served on it at bf16']);
  });

  it('names a model that publishes too little to serve', () => {
    expect(() =>
      referenceServing(catalog, catalog.model('gpt-4'), catalog.accelerator('h100'), 'fp8'),
    ).toThrow('gpt-4 publishes no KV heads, which serving it needs');
  });
});
