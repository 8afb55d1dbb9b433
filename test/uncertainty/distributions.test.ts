import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { type Distribution, quantile } from '../../src/uncertainty/distributions.js';
import { normalCdf, normalQuantile } from '../../src/uncertainty/normal.js';
import { checkRange, parseDistribution } from '../../src/uncertainty/parse.js';

const q = (d: Distribution, p: number) => quantile(d, p);

describe('normal distribution functions', () => {
  it('inverts the CDF', () => {
    for (const p of [1e-6, 0.01, 0.05, 0.3, 0.5, 0.9, 0.999])
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
  });
});

describe('parseDistribution', () => {
  it('reads "a to b" as a 90% interval, lognormal when positive', () => {
    const d = parseDistribution('0.35 to 0.45', 'fraction');
    expect(d.kind).toBe('lognormal');
    expect(q(d, 0.05)).toBeCloseTo(0.35, 9);
    expect(q(d, 0.95)).toBeCloseTo(0.45, 9);
    expect(q(d, 0.5)).toBeCloseTo(Math.sqrt(0.35 * 0.45), 9);
  });

  it('reads a normal interval when an end is not positive', () => {
    const d = parseDistribution('-10% to 20%', 'fraction');
    expect(d.kind).toBe('normal');
    expect(q(d, 0.05)).toBeCloseTo(-0.1, 9);
    expect(q(d, 0.95)).toBeCloseTo(0.2, 9);
  });

  it('takes units on either end, as people write them', () => {
    expect(q(parseDistribution('30% to 45%', 'fraction'), 0.95)).toBeCloseTo(0.45, 9);
    expect(q(parseDistribution('30 to 45%', 'fraction'), 0.05)).toBeCloseTo(0.3, 9);
    expect(q(parseDistribution('$25k to $35k', 'money'), 0.05) / 25_000).toBeCloseTo(1, 9);
    expect(q(parseDistribution('1 to 2 GW', 'power'), 0.05)).toBeCloseTo(1e9, 0);
    expect(q(parseDistribution('1.1 to 1.4', 'ratio'), 0.95)).toBeCloseTo(1.4, 9);
  });

  it('reads a range written with a dash as "a to b", and keeps signs and exponents single', () => {
    const to = parseDistribution('1.1 to 1.4', 'ratio');
    for (const text of ['1.1-1.4', '1.1 – 1.4', '1.1—1.4', '1.1 - 1.4'])
      expect(parseDistribution(text, 'ratio'), text).toEqual(to);
    expect(parseDistribution('$25k-$35k', 'money')).toEqual(parseDistribution('$25k to $35k', 'money'));
    expect(parseDistribution('2-5 GW', 'power')).toEqual(parseDistribution('2 GW to 5 GW', 'power'));
    expect(parseDistribution('-5%', 'fraction')).toEqual({ kind: 'point', value: -0.05 });
    expect(parseDistribution('-5% - 10%', 'fraction')).toEqual(parseDistribution('-5% to 10%', 'fraction'));
    expect(parseDistribution('1e-3', 'ratio')).toEqual({ kind: 'point', value: 0.001 });
  });

  it('reads named distributions', () => {
    expect(q(parseDistribution('normal(1.2, 0.1)', 'ratio'), 0.5)).toBeCloseTo(1.2, 9);
    expect(q(parseDistribution('lognormal(1 GW, 0.5)', 'power'), 0.5)).toBeCloseTo(1e9, 0);
    expect(q(parseDistribution('uniform(1, 3)', 'ratio'), 0.25)).toBeCloseTo(1.5, 9);
    // Triangular(0, 1, 2) is symmetric: median at the mode; CDF at 0.5 is 1/8.
    const tri = parseDistribution('triangular(0, 1, 2)', 'ratio');
    expect(q(tri, 0.5)).toBeCloseTo(1, 9);
    expect(q(tri, 0.125)).toBeCloseTo(0.5, 9);
    // PERT(0, 0.5, 1) is Beta(3, 3): symmetric, median 0.5, and P(X < 0.25) = 0.103516.
    const p = parseDistribution('pert(0, 0.5, 1)', 'ratio');
    expect(q(p, 0.5)).toBeCloseTo(0.5, 4);
    expect(q(p, 0.103516)).toBeCloseTo(0.25, 3);
    expect(q(parseDistribution('normal(16,384, 1,000)', 'count'), 0.5)).toBe(16384);
  });

  it('reads weighted mixtures', () => {
    const m = parseDistribution('mixture(0.25: 1 to 2; 0.75: normal(10, 1))', 'ratio');
    expect(m.kind).toBe('mixture');
    expect(q(m, 0.1)).toBeLessThan(2.5);
    expect(q(m, 0.6)).toBeGreaterThan(7);
  });

  it.each([
    ['0.5 to 0.3', 'fraction', 'in "0.5 to 0.3" the low end (0.5) must be below the high end (0.3)'],
    ['normal(1, -2)', 'ratio', 'normal(1, -2): the standard deviation must be positive, got -2'],
    ['normal(1)', 'ratio', 'normal() takes 2 arguments, got 1 in "normal(1)"'],
    ['poisson(3)', 'ratio', /unknown distribution 'poisson'/],
    ['pert(1, 5, 3)', 'ratio', /the mode \(5\) must lie between 1 and 3/],
    ['lognormal(0, 1)', 'ratio', /the median must be positive/],
    ['mixture(1 to 2)', 'ratio', /two or more "weight: distribution" parts/],
    ['1 GW to banana', 'power', /expected a power/],
  ])('rejects %j', (text, dimension, message) => {
    expect(() => parseDistribution(text, dimension as 'ratio')).toThrow(InputError);
    expect(() => parseDistribution(text, dimension as 'ratio')).toThrow(message);
  });

  it('rejects a share interval past 100%', () => {
    const d = parseDistribution('80% to 120%', 'fraction');
    expect(() => checkRange(d, 'fraction', { min: 0, max: 1 })).toThrow(
      'its 95th percentile (120%) is above the largest allowed value (100%)',
    );
  });
});
