import { describe, expect, it } from 'vitest';
import { annualizedCapex, capitalRecoveryFactor } from '../../src/model/finance.js';
import { SECONDS_PER_YEAR } from '../../src/units/dimensions.js';

describe('capital recovery', () => {
  it('matches the annuity formula r / (1 - (1 + r)^-n)', () => {
    // Textbook value: 10% over 5 years → 0.263797.
    expect(capitalRecoveryFactor(0.1, 5 * SECONDS_PER_YEAR)).toBeCloseTo(0.263797, 6);
  });

  it('is straight-line depreciation at zero cost of capital', () => {
    expect(capitalRecoveryFactor(0, 4 * SECONDS_PER_YEAR)).toBe(0.25);
  });

  it('annualizes capex: $1B over 15 years at 10% is $131.5M a year', () => {
    expect(annualizedCapex(1e9, 0.1, 15 * SECONDS_PER_YEAR) / 1e6).toBeCloseTo(131.474, 2);
  });
});
