import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestBatch,
  decodeTime,
  kvBytesPerToken,
  latentKvBytesPerToken,
  maxBatch,
  prefillTime,
  type ReplicaSpec,
  serveBatch,
} from '../../src/model/inference.js';

// Llama 2 70B at FP8 on two H100s, with round efficiencies to make hand sums easy.
const spec: ReplicaSpec = {
  totalParams: 70e9,
  activeParams: 70e9,
  layers: 80,
  attentionHeads: 64,
  headDim: 128,
  bytesPerParam: 1,
  kvBytesPerToken: kvBytesPerToken(80, 8, 128, 1),
  tp: 2,
  peakFlopsPerAccelerator: 2e15,
  bandwidthPerAccelerator: 3e12,
  memoryPerAccelerator: 80e9,
  computeEfficiency: 0.5,
  bandwidthEfficiency: 1,
  memoryUsable: 1,
};

/** Decode time by stepping through every token, the definition the closed form must match. */
function bruteForceDecode(s: ReplicaSpec, batch: number, input: number, output: number): number {
  const flops = s.tp * s.peakFlopsPerAccelerator * s.computeEfficiency;
  const bandwidth = s.tp * s.bandwidthPerAccelerator * s.bandwidthEfficiency;
  let total = 0;
  for (let c = input; c < input + output; c++) {
    const memory = (s.totalParams * s.bytesPerParam + batch * c * s.kvBytesPerToken) / bandwidth;
    const compute = (batch * (2 * s.activeParams + 4 * s.layers * s.attentionHeads * s.headDim * c)) / flops;
    total += Math.max(memory, compute);
  }
  return total;
}

describe('inference roofline', () => {
  it('sizes the KV cache from layers, KV heads and head dim', () => {
    // 2 (K and V) × 80 layers × 8 KV heads × 128 × 1 byte = 163,840 bytes per token.
    expect(spec.kvBytesPerToken).toBe(163_840);
    // DeepSeek-V3 MLA: 61 layers × 576 cached elements × 1 byte.
    expect(latentKvBytesPerToken(61, 576, 1)).toBe(35_136);
  });

  it('fits as many requests as the memory beside the weights holds', () => {
    // (160 GB - 70 GB) / (163,840 B × 2,000 tokens) = 274.66 → 274.
    expect(maxBatch(spec, 2000)).toBe(274);
    expect(maxBatch({ ...spec, tp: 1, memoryPerAccelerator: 40e9 }, 2000)).toBe(0);
  });

  it('is memory-bound at batch 1: one step reads all weights', () => {
    // 70 GB of weights over 6 TB/s = 11.67 ms, plus a small KV read.
    const step = decodeTime(spec, 1, 0, 1);
    expect(step.seconds).toBeCloseTo(70e9 / 6e12, 6);
    expect(step.memoryBoundSteps).toBe(1);
  });

  it('is compute-bound at a large batch', () => {
    // Batch 256, context 0: 2 × 70e9 × 256 FLOP over 2 PFLOP/s = 17.92 ms > 11.67 ms of weights.
    const step = decodeTime(spec, 256, 0, 1);
    expect(step.seconds).toBeCloseTo((2 * 70e9 * 256) / 2e15, 6);
    expect(step.memoryBoundSteps).toBe(0);
  });

  it('sums decode steps exactly, across the switch from one bound to the other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 400 }),
        (batch, input, output) => {
          const closed = decodeTime(spec, batch, input, output).seconds;
          expect(closed / bruteForceDecode(spec, batch, input, output)).toBeCloseTo(1, 9);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('prefills at the compute rate, with causal attention', () => {
    // One 1,000-token prompt: 2 × 70e9 × 1000 + 4·80·64·128 × 1000² / 2 FLOP over 2e15 FLOP/s.
    const flop = 2 * 70e9 * 1000 + (4 * 80 * 64 * 128 * 1000 * 1000) / 2;
    expect(prefillTime(spec, 1, 1000)).toBeCloseTo(flop / 2e15, 9);
  });

  it('never loses throughput by batching more, so the best batch is the largest allowed', () => {
    const limit = maxBatch(spec, 1250);
    let previous = 0;
    for (const b of [1, 2, 8, 32, 128, limit]) {
      const t = serveBatch(spec, b, 1000, 250).outputThroughput;
      expect(t).toBeGreaterThanOrEqual(previous);
      previous = t;
    }
    expect(bestBatch(spec, limit, 1000, 250)).toBe(limit);
  });

  it('respects a latency bound on the time per output token', () => {
    const limit = maxBatch(spec, 1250);
    const bound = 0.02;
    const batch = bestBatch(spec, limit, 1000, 250, bound) ?? 0;
    expect(serveBatch(spec, batch, 1000, 250).timePerOutputToken).toBeLessThanOrEqual(bound);
    expect(serveBatch(spec, batch + 1, 1000, 250).timePerOutputToken).toBeGreaterThan(bound);
    expect(bestBatch(spec, limit, 1000, 250, 0.001)).toBeUndefined();
  });
});
