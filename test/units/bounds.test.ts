import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsProblem } from '../../src/units/bounds.js';

describe('boundsProblem', () => {
  it('says nothing of a value inside its bounds, edges included', () => {
    expect(boundsProblem(0, { min: 0 })).toBeUndefined();
    expect(boundsProblem(1, { min: 0, max: 1 })).toBeUndefined();
    expect(boundsProblem(8, { min: 1, max: 64, integer: true })).toBeUndefined();
    expect(boundsProblem(-1e300, {})).toBeUndefined();
  });

  it('wants a whole number before anything else', () => {
    expect(boundsProblem(2.5, { integer: true })).toBe('must be a whole number');
    expect(boundsProblem(-0.5, { min: 0, integer: true })).toBe('must be a whole number');
  });

  it('words a minimum of zero as "negative" or "positive"', () => {
    expect(boundsProblem(-1, { min: 0 })).toBe('cannot be negative');
    expect(boundsProblem(0, { min: 0, exclusiveMin: true })).toBe('must be positive');
    expect(boundsProblem(1e-300, { min: 0, exclusiveMin: true })).toBeUndefined();
  });

  it('names any other minimum, "at least" or "above"', () => {
    expect(boundsProblem(0.5, { min: 1 })).toBe('must be at least 1');
    expect(boundsProblem(1, { min: 1, exclusiveMin: true })).toBe('must be above 1');
    expect(boundsProblem(-3, { min: -2 })).toBe('must be at least -2');
  });

  it('words a maximum of 1 as a share and names any other', () => {
    expect(boundsProblem(1.01, { max: 1 })).toBe('cannot exceed 100%');
    expect(boundsProblem(65, { max: 64 })).toBe('cannot exceed 64');
  });

  it('checks the minimum before the maximum when bounds cross', () => {
    expect(boundsProblem(5, { min: 10, max: 2 })).toBe('must be at least 10');
  });

  it('finds a problem exactly when the value is out of [min, max]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (value, min, span) => {
          const max = min + span;
          const inside = value >= min && value <= max;
          expect(boundsProblem(value, { min, max }) === undefined).toBe(inside);
        },
      ),
    );
  });
});
