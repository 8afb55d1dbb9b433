import { describe, expect, it } from 'vitest';
import { acceleratorsForBudget, type ClusterSpec, clusterEconomics } from '../../src/model/cluster.js';
import { SECONDS_PER_YEAR } from '../../src/units/dimensions.js';

const spec: ClusterSpec = {
  count: 1000,
  peakFlopsPerAccelerator: 1e15,
  h100ePerAccelerator: 2.5,
  itPowerPerAccelerator: 1000,
  pricePerAccelerator: 30_000,
  pue: 1.25,
  facilityCapexPerItWatt: 10,
  electricityPrice: 0.1 / 3.6e6,
  loadFactor: 1,
  upkeepRate: 0.02,
  hardwareLifetime: 4 * SECONDS_PER_YEAR,
  facilityLifetime: 20 * SECONDS_PER_YEAR,
  costOfCapital: 0,
};

describe('clusterEconomics, by hand', () => {
  const e = clusterEconomics(spec);

  it('sizes power and compute', () => {
    expect(e.peakFlops).toBe(1e18);
    expect(e.h100e).toBe(2500);
    expect(e.itPower).toBe(1e6);
    expect(e.facilityPower).toBe(1.25e6);
    // 1.25 MW × 8,766 h = 10,957.5 MWh.
    expect(e.annualEnergy / 3.6e9).toBeCloseTo(10_957.5, 6);
  });

  it('costs capex and opex', () => {
    expect(e.acceleratorCapex).toBe(30e6);
    expect(e.facilityCapex).toBe(10e6);
    expect(e.totalCapex).toBe(40e6);
    // 10,957,500 kWh × $0.10 = $1,095,750; upkeep 2% of $40M = $800k.
    expect(e.annualEnergyCost).toBeCloseTo(1_095_750, 3);
    expect(e.annualOpex).toBeCloseTo(1_895_750, 3);
  });

  it('prices an accelerator-hour from annualized capex plus opex', () => {
    // Straight line: $30M / 4 + $10M / 20 = $8M a year; + $1.89575M opex = $9.89575M
    // over 1,000 × 8,766 h = $1.12888/h.
    expect(e.annualizedCapex).toBeCloseTo(8e6, 3);
    expect(e.costPerAcceleratorHour).toBeCloseTo(9_895_750 / 8_766_000, 9);
  });

  it('solves the count a budget buys, building included', () => {
    // Each accelerator costs $30,000 + 1,000 W × $10/W = $40,000.
    expect(acceleratorsForBudget(1e9, spec)).toBe(25_000);
    expect(acceleratorsForBudget(39_999, spec)).toBe(0);
  });
});
