import { describe, expect, it } from 'vitest';
import { acceleratorHardware, modelShape } from '../../src/model/from-catalog.js';
import { maxBatch } from '../../src/model/inference.js';
import {
  chooseBatch,
  MAX_AUTO_TP,
  type ModelShape,
  memoryFit,
  replicaFootprint,
  replicaSpec,
  replicasIn,
  serveAtBestWidth,
  serveAtWidth,
  smallestTp,
} from '../../src/model/serving.js';
import { catalog } from '../helpers/catalog.js';

const efficiency = { compute: 0.4, bandwidth: 0.85, memoryUsable: 0.9 };
const shapeOf = (id: string) => modelShape(catalog.model(id)) as ModelShape;
const h100 = catalog.accelerator('h100');
const hardware = (precision: 'bf16' | 'fp8') =>
  acceleratorHardware(h100, h100.dense[precision]?.value as number);
const request = { inputTokens: 1000, outputTokens: 250 };

describe('the serving model', () => {
  it('caches K and V per layer and KV head, at 8 bits for 8-bit weights, and one latent per layer for MLA', () => {
    // Llama 3.3 70B: 80 layers × 8 KV heads × 128 dims × (K and V) = 163,840 elements a token.
    const bf16 = replicaSpec(shapeOf('llama-3.3-70b'), hardware('bf16'), 'bf16', 1, efficiency);
    const fp8 = replicaSpec(shapeOf('llama-3.3-70b'), hardware('fp8'), 'fp8', 1, efficiency);
    expect(bf16.kvBytesPerToken).toBe(163_840 * 2);
    expect(fp8.kvBytesPerToken).toBe(163_840);
    // fp4 weights still cache at 8 bits.
    expect(replicaSpec(shapeOf('llama-3.3-70b'), hardware('fp8'), 'fp4', 1, efficiency).kvBytesPerToken).toBe(
      163_840,
    );
    // DeepSeek V3: 61 layers × a 576-element latent.
    expect(replicaSpec(shapeOf('deepseek-v3'), hardware('fp8'), 'fp8', 1, efficiency).kvBytesPerToken).toBe(
      61 * 576,
    );
  });

  it('finds the narrowest power-of-two width that holds the weights and one request', () => {
    // 405B at bf16 is 810 GB; an H100 offers 72 GB usable: 12 would do, the power of two is 16.
    const spec = replicaSpec(shapeOf('llama-3.1-405b'), hardware('bf16'), 'bf16', 1, efficiency);
    expect(smallestTp(spec, 1250)).toBe(16);
    const at8 = memoryFit({ ...spec, tp: 8 }, 1250);
    expect(at8.usable).toBeCloseTo(8 * 80e9 * 0.9, 0);
    expect(at8.needed).toBeGreaterThan(at8.usable);
    expect(maxBatch({ ...spec, tp: 16 }, 1250)).toBeGreaterThanOrEqual(1);
  });

  it('says why a batch cannot run: weights that do not fit, a batch too big, a latency bound too tight', () => {
    const one = replicaSpec(shapeOf('llama-3.1-405b'), hardware('bf16'), 'bf16', 1, efficiency);
    expect(chooseBatch(one, request, {})).toEqual({ problem: 'not-fitting' });
    const spec = replicaSpec(shapeOf('llama-3.3-70b'), hardware('fp8'), 'fp8', 2, efficiency);
    const limit = maxBatch(spec, 1250);
    expect(chooseBatch(spec, request, { batch: limit + 1 })).toEqual({ problem: 'batch-too-big' });
    expect(chooseBatch(spec, request, { batch: limit })).toEqual({ batch: limit, maxBatch: limit });
    expect(chooseBatch(spec, request, { maxTimePerOutputToken: 1e-6 })).toEqual({ problem: 'latency' });
  });

  it('chooses the width with the most output per accelerator among all that serve', () => {
    const probe = replicaSpec(shapeOf('llama-3.3-70b'), hardware('fp8'), 'fp8', 1, efficiency);
    const best = serveAtBestWidth(probe, request, {});
    if ('problem' in best) throw new Error(best.problem);
    let bestPerAccelerator = 0;
    for (let tp = 1; tp <= MAX_AUTO_TP; tp *= 2) {
      const tried = serveAtWidth({ ...probe, tp }, request, {});
      if ('served' in tried)
        bestPerAccelerator = Math.max(bestPerAccelerator, tried.served.outputThroughput / tp);
    }
    expect(best.served.outputThroughput / best.spec.tp).toBe(bestPerAccelerator);
    const footprint = replicaFootprint(best.spec, best.served, request);
    expect(footprint.outputPerAccelerator).toBe(bestPerAccelerator);
    expect(footprint.weightsPerAccelerator).toBe(70e9 / best.spec.tp);
    expect(footprint.kvCachePerRequest).toBe(163_840 * 1250);
  });

  it('reports the widest width when nothing holds the model, and a latency problem before that', () => {
    const gpt4 = { ...shapeOf('llama-3.1-405b'), totalParams: 1e15 };
    const probe = replicaSpec(gpt4, hardware('bf16'), 'bf16', 1, efficiency);
    expect(serveAtBestWidth(probe, request, {})).toMatchObject({
      problem: 'not-fitting',
      spec: { tp: MAX_AUTO_TP },
    });
    const small = replicaSpec(shapeOf('llama-3.3-70b'), hardware('fp8'), 'fp8', 1, efficiency);
    expect(serveAtBestWidth(small, request, { maxTimePerOutputToken: 1e-6 })).toMatchObject({
      problem: 'latency',
    });
  });

  it('packs whole replicas into a fleet', () => {
    expect(replicasIn(100, 8)).toBe(12);
    expect(replicasIn(7, 8)).toBe(0);
  });
});
