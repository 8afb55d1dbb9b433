import { describe, expect, it } from 'vitest';
import { acceleratorsForPower, annualEnergy, facilityPower, itPower } from '../../src/model/power.js';

describe('power', () => {
  it('multiplies IT power by PUE for facility power', () => {
    // 16,384 accelerators at 1,450 W each, PUE 1.2: 23.76 MW IT, 28.51 MW at the meter.
    const it_ = itPower(16384, 1450);
    expect(it_).toBe(23_756_800);
    expect(facilityPower(it_, 1.2)).toBeCloseTo(28_508_160, 3);
  });

  it('counts a year as 8,766 hours at the average load', () => {
    // 1 GW at 75% load for a Julian year: 0.75 GW × 8,766 h = 6.5745 TWh.
    expect(annualEnergy(1e9, 0.75) / 3.6e15).toBeCloseTo(6.5745, 6);
  });

  it('feeds only whole accelerators from a power budget', () => {
    // 1 MW / (1,450 W × 1.2) = 574.7 → 574.
    expect(acceleratorsForPower(1e6, 1450, 1.2)).toBe(574);
  });
});
