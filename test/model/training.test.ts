import { describe, expect, it } from 'vitest';
import {
  acceleratorsForTraining,
  chinchillaOptimal,
  effectiveThroughput,
  trainingCompute,
  trainingDuration,
  trainingFlop,
} from '../../src/model/training.js';

describe('training', () => {
  it('is 6·N·D: GPT-3 175B on 300B tokens is 3.15e23 FLOP (paper: 3.14e23)', () => {
    expect(trainingFlop(175e9, 300e9)).toBeCloseTo(3.15e23, -20);
  });

  it('uses active parameters for mixture-of-experts: DeepSeek-V3 37B active × 14.8T tokens', () => {
    expect(trainingFlop(37e9, 14.8e12)).toBeCloseTo(3.2856e24, -20);
  });

  it('divides work by effective throughput for duration', () => {
    // 1,024 chips × 123 TFLOP/s × 56.5% for 57.7 days = 3.55e23 FLOP (LaMDA paper arithmetic).
    const throughput = effectiveThroughput(1024, 123e12, 0.565, 1);
    expect(trainingCompute(57.7 * 86400, throughput)).toBeCloseTo(3.55e23, -21);
    expect(trainingDuration(3.55e23, throughput) / 86400).toBeCloseTo(57.7, 0);
  });

  it('rounds accelerator counts up so the run fits the deadline', () => {
    expect(acceleratorsForTraining(100, 10, 3)).toBe(4);
  });

  it('splits compute the Chinchilla way: 5.88e23 FLOP at 20 tokens/param is 70B params, 1.4T tokens', () => {
    const { params, tokens } = chinchillaOptimal(6 * 70e9 * 1.4e12, 20);
    expect(params).toBeCloseTo(70e9, -6);
    expect(tokens).toBeCloseTo(1.4e12, -8);
  });
});
