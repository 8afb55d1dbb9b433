import { describe, expect, it } from 'vitest';
import {
  describeClaim,
  describeDifference,
  describeTolerance,
  parseTolerance,
  within,
} from '../../src/units/tolerance.js';

const pct = (text: string) => parseTolerance(text);

describe('tolerance', () => {
  it('reads "10%" as a relative band and "x10" or "×2.5" as a factor', () => {
    expect(parseTolerance('10%')).toEqual({ kind: 'relative', fraction: 0.1 });
    expect(parseTolerance('0.5%')).toEqual({ kind: 'relative', fraction: 0.005 });
    expect(parseTolerance('x10')).toEqual({ kind: 'factor', factor: 10 });
    expect(parseTolerance('×2.5')).toEqual({ kind: 'factor', factor: 2.5 });
  });

  it('describes a band to three significant digits, without float noise', () => {
    // 0.07 × 100 is 7.000000000000001 in floating point.
    expect(describeTolerance(pct('7%'))).toBe('±7%');
    expect(describeTolerance(pct('12.345%'))).toBe('±12.3%');
    expect(describeTolerance(pct('x10'))).toBe('within ×10');
  });

  it('holds a model within a relative band of the reference, edges included', () => {
    expect(within(11, 10, pct('10%'))).toBe(true);
    expect(within(9, 10, pct('10%'))).toBe(true);
    expect(within(11.01, 10, pct('10%'))).toBe(false);
    expect(within(8.99, 10, pct('10%'))).toBe(false);
  });

  it('measures the band against the reference, not the model', () => {
    // 5 is 50% below 10, but 10 is 100% above 5.
    expect(within(5, 10, pct('50%'))).toBe(true);
    expect(within(10, 5, pct('50%'))).toBe(false);
  });

  it('holds a factor either way, and never across a sign', () => {
    expect(within(100, 10, pct('x10'))).toBe(true);
    expect(within(1, 10, pct('x10'))).toBe(true);
    expect(within(101, 10, pct('x10'))).toBe(false);
    expect(within(0.99, 10, pct('x10'))).toBe(false);
    expect(within(-10, 10, pct('x10'))).toBe(false);
    expect(within(0, 10, pct('x10'))).toBe(false);
  });

  it('holds a reference of zero only to a model of zero', () => {
    expect(within(0, 0, pct('10%'))).toBe(true);
    expect(within(1e-30, 0, pct('x1000'))).toBe(false);
  });

  it('describes a difference in percent below a factor of two', () => {
    expect(describeDifference(1.095, 1)).toBe('+9.5%');
    expect(describeDifference(1.12, 1)).toBe('+12%');
    expect(describeDifference(0.96, 1)).toBe('-4.0%');
    expect(describeDifference(0.52, 1)).toBe('-48%');
    expect(describeDifference(1.0004, 1)).toBe('exact');
  });

  it('describes a difference as a factor from two up, and from a half down', () => {
    expect(describeDifference(2, 1)).toBe('2×');
    expect(describeDifference(3.14, 1)).toBe('3.1×');
    expect(describeDifference(0.5, 1)).toBe('1/2×');
    expect(describeDifference(1, 4.2)).toBe('1/4.2×');
    expect(describeDifference(1.999, 1)).toBe('+100%');
  });

  it('describes a model of zero as 100% below', () => {
    expect(describeDifference(0, 5)).toBe('-100%');
  });

  it('describes a claim against the model in words', () => {
    expect(describeClaim(125, 100)).toBe('25% above the model');
    expect(describeClaim(95, 100)).toBe('5.0% below the model');
    expect(describeClaim(410, 100)).toBe('4.1× the model');
    expect(describeClaim(100, 320)).toBe('1/3.2 of the model');
    expect(describeClaim(2, 1)).toBe('2× the model');
    expect(describeClaim(1, 2)).toBe('1/2 of the model');
  });

  it('describes a claim of zero, or of the other sign, as a distance, never as a fraction of the model', () => {
    expect(describeClaim(0, 50)).toBe('100% below the model');
    expect(describeClaim(-20, 50)).toBe('140% below the model');
    expect(describeClaim(-20, 50)).not.toMatch(/Infinity|1\/-/);
  });

  it('describes a model against a figure of zero by its side', () => {
    expect(describeDifference(5, 0)).toBe('above zero');
    expect(describeDifference(-5, 0)).toBe('below zero');
    expect(describeDifference(0, 0)).toBe('exact');
  });
});
