import { describe, expect, it } from 'vitest';
import {
  capexPerThroughput,
  edgeBreakevenUtilization,
  edgeCostPerToken,
  edgeFleet,
  perToken,
  replicasFor,
  tokensPerPersonPerDay,
  tokensPerYear,
} from '../../src/model/tokens.js';

const YEAR = 365.25 * 86_400;

describe('token economics', () => {
  it('counts a year of tokens at a rate for a share of the hours', () => {
    expect(tokensPerYear(1000, 0.5)).toBeCloseTo(1000 * 0.5 * 31_557_600, 0);
    // 8 billion people sharing 1e17 tokens a year get about 34 tokens a day each.
    expect(tokensPerPersonPerDay(1e17, 8e9)).toBeCloseTo(1e17 / 8e9 / 365.25, 6);
  });

  it("charges a year's energy and ownership cost to the tokens served in it", () => {
    const year = { annualEnergy: 3.6e15, annualizedCapex: 8e8, annualOpex: 2e8 };
    const t = perToken(year, 1e15);
    expect(t.energy).toBe(3.6);
    expect(t.cost).toBe(1e-6);
  });

  it('sizes replicas up to serve every token', () => {
    expect(replicasFor(1000, 300)).toBe(4);
    expect(replicasFor(900, 300)).toBe(3);
  });

  it('costs an edge fleet per device, per token and as a whole', () => {
    const f = edgeFleet({
      devices: 1e6,
      rate: 20,
      utilization: 0.05,
      power: 50,
      electricityPrice: 0.15 / 3.6e6,
      price: 500,
    });
    expect(f.tokensPerDevice).toBeCloseTo(20 * 0.05 * YEAR, 3);
    expect(f.tokens).toBeCloseTo(1e6 * f.tokensPerDevice, -3);
    expect(f.energyPerToken).toBe(2.5);
    expect(f.energyCostPerToken).toBeCloseTo((2.5 * 0.15) / 3.6e6, 15);
    expect(f.capex).toBe(5e8);
    expect(f.capexPerThroughput).toBe(capexPerThroughput(500, 20));
    expect(f.averagePower).toBeCloseTo(1e6 * 50 * 0.05, 6);
  });

  it('finds the utilization at which an edge token costs what a central one does', () => {
    const annualCapex = 120;
    const atFullUse = 6e8;
    const energy = 1e-7;
    const central = 5e-7;
    const u = edgeBreakevenUtilization(annualCapex, atFullUse, central, energy) as number;
    expect(u).toBeGreaterThan(0);
    // At the break-even utilization the edge's cost per token is the central one.
    expect(edgeCostPerToken(annualCapex, u * atFullUse, energy)).toBeCloseTo(central, 18);
    // Used more, the edge is cheaper; less, dearer.
    expect(edgeCostPerToken(annualCapex, 1.1 * u * atFullUse, energy)).toBeLessThan(central);
    expect(edgeCostPerToken(annualCapex, 0.9 * u * atFullUse, energy)).toBeGreaterThan(central);
    // When electricity alone costs more than central tokens, it never breaks even.
    expect(edgeBreakevenUtilization(annualCapex, atFullUse, 1e-7, 2e-7)).toBeUndefined();
  });
});
