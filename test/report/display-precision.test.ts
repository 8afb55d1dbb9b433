import { describe, expect, it } from 'vitest';
import { asShown, changeBetween, displayPrecision } from '../../src/report/display-precision.js';

describe('display precision of a compared column', () => {
  it('is a thousandth of the largest value in the column', () => {
    expect(displayPrecision([7e9, -2e9, 952])).toBe(7e6);
    expect(displayPrecision([])).toBe(0);
  });

  it('shows float noise as zero and calls no difference below it a change', () => {
    // "7 GW vs 7 GW, difference 2.31 kW" and "952 W → −1.54 kW": rounding in a column of GW.
    const p = displayPrecision([7e9, 3.47e9]);
    expect(changeBetween(7e9, 7e9 + 2310, p)).toBeUndefined();
    expect(asShown(952, p)).toBe(0);
    expect(changeBetween(952, -1540, p)).toBeUndefined();
    // A real change keeps its size and percentage.
    expect(changeBetween(6e9, 7e9, p)).toEqual({ difference: 1e9, percent: '+16.7%' });
    expect(changeBetween(0, 7e9, p)).toEqual({ difference: 7e9, percent: 'new' });
  });
});
