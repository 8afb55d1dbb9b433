import { describe, expect, it } from 'vitest';
import { interval, median, quantile } from '../../src/uncertainty/distributions.js';
import type { UncertainInput } from '../../src/uncertainty/sampler.js';
import { tornado } from '../../src/uncertainty/tornado.js';

describe('the tornado', () => {
  it('moves each input from its p5 to its p95 with the rest at their medians, widest swing first', () => {
    const a: UncertainInput = { name: 'a', distribution: interval(1, 2) };
    const b: UncertainInput = { name: 'b', distribution: interval(10, 13) };
    // value = 5a + b: a swings it by 5 × (2 − 1) = 5, b by 13 − 10 = 3.
    const { base, rows } = tornado([b, a], (value) => 5 * value(a) + value(b));
    expect(rows.map((r) => r.input)).toEqual(['a', 'b']);
    expect(rows[0]?.swing).toBeCloseTo(5, 6);
    expect(rows[1]?.swing).toBeCloseTo(3, 6);
    expect(rows[0]?.low).toBeCloseTo(5 * quantile(a.distribution, 0.05) + median(b.distribution), 9);
    expect(base).toBeCloseTo(5 * median(a.distribution) + median(b.distribution), 9);
  });

  it('ranks by the size of the swing, whichever way it goes', () => {
    const up: UncertainInput = { name: 'up', distribution: interval(1, 2) };
    const down: UncertainInput = { name: 'down', distribution: interval(1, 4) };
    const { rows } = tornado([up, down], (value) => value(up) - value(down));
    expect(rows[0]).toMatchObject({ input: 'down' });
    expect((rows[0]?.high ?? 0) < (rows[0]?.low ?? 0)).toBe(true);
  });
});
