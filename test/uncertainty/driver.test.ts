import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { blockRange, sharedBlocks } from '../../src/uncertainty/blocks.js';
import { type BlockModel, mergeTallies, sampleBlocks, summarize } from '../../src/uncertainty/driver.js';
import { Sampler } from '../../src/uncertainty/sampler.js';

/**
 * A toy model on one uniform input x: stat 0 is x, stat 1 is 10·x; samples with x above
 * `keepBelow` are impossible; counter 0 counts samples with x under a half.
 */
function toy(keepBelow = 1, options: Partial<BlockModel> = {}): BlockModel {
  return {
    sampler: new Sampler([{ name: 'x', distribution: { kind: 'uniform', low: 0, high: 1 } }], 7),
    blockSize: 100,
    stats: 2,
    counters: 1,
    evaluate(draws, length, columns, seen, counts) {
      let kept = 0;
      for (let j = 0; j < length; j++) {
        const x = (draws[0] as Float64Array)[j] as number;
        if (x >= keepBelow) continue;
        (columns[0] as Float64Array)[kept] = x;
        (columns[1] as Float64Array)[kept] = 10 * x;
        if (x < 0.5) counts[0] = (counts[0] as number) + 1;
        kept++;
      }
      seen.fill(1);
      return kept;
    },
    outOfRange: (stat) => new InputError(`stat ${stat} left the finite range`),
    ...options,
  };
}

describe('the Monte Carlo driver', () => {
  it('summarizes each statistic: the mean and quantiles of a uniform draw', () => {
    const model = toy();
    const merged = mergeTallies(model, [sampleBlocks(model, blockRange(0, 100), 10_000)], 10_000);
    const x = summarize(merged, 0, [0.05, 0.5, 0.95]);
    // 10,000 uniforms: the mean is within 4 standard errors (0.29/100) of a half.
    expect(Math.abs(x.mean - 0.5)).toBeLessThan(4 * 0.0029);
    expect(x.quantiles.p5).toBeCloseTo(0.05, 1);
    expect(x.quantiles.p95).toBeCloseTo(0.95, 1);
    expect(summarize(merged, 1, [0.5]).mean).toBeCloseTo(10 * x.mean, 10);
    // About half the samples fall under a half.
    expect(Math.abs((merged.counts[0] as number) / 10_000 - 0.5)).toBeLessThan(0.02);
  });

  it('gives the same figures to the last bit however the blocks are split between threads', () => {
    const whole = toy();
    const one = mergeTallies(whole, [sampleBlocks(whole, blockRange(0, 37), 3_650)], 3_650);
    // Two "threads" taking blocks from one counter, interleaved unevenly.
    const counter = new Int32Array(1);
    const a = toy();
    const b = toy();
    const claimA = sharedBlocks(counter, 37);
    const claimB = sharedBlocks(counter, 37);
    let turn = 0;
    const tallies = [
      sampleBlocks(a, () => (turn++ % 3 === 0 ? claimA() : Number.POSITIVE_INFINITY), 3_650),
      sampleBlocks(b, claimB, 3_650),
    ];
    expect(tallies[0]?.blocks.length).toBeGreaterThan(0);
    const split = mergeTallies(whole, tallies, 3_650);
    expect(Array.from(split.sums)).toEqual(Array.from(one.sums));
    expect(Array.from(split.counts)).toEqual(Array.from(one.counts));
    expect(summarize(split, 0, [0.05, 0.5, 0.95])).toEqual(summarize(one, 0, [0.05, 0.5, 0.95]));
  });

  it('counts the samples the model left out', () => {
    const model = toy(0.8);
    const merged = mergeTallies(model, [sampleBlocks(model, blockRange(0, 50), 5_000)], 5_000);
    // 20% of uniforms lie at or above 0.8: within 4 standard errors of 1,000 of 5,000.
    expect(Math.abs(merged.rejected - 1_000)).toBeLessThan(4 * Math.sqrt(5_000 * 0.2 * 0.8));
    expect(summarize(merged, 0, [1]).quantiles.p100).toBeLessThan(0.8);
  });

  it('blames the model for a sum past the finite range, and stops at the deadline', () => {
    const huge = toy(1, {
      evaluate(_draws, length, columns) {
        (columns[0] as Float64Array).fill(Number.MAX_VALUE, 0, length);
        (columns[1] as Float64Array).fill(0, 0, length);
        return length;
      },
    });
    expect(() => sampleBlocks(huge, blockRange(0, 1), 100)).toThrow('stat 0 left the finite range');
    const late = toy(1, { deadline: Date.now() - 1, tooSlow: 'too slow for the limit' });
    expect(() => sampleBlocks(late, blockRange(0, 5), 500)).toThrow('too slow for the limit');
  });
});
