import { describe, expect, it } from 'vitest';
import type { Accelerator } from '../../src/catalog/types.js';
import { ALL_FIELDS, selectFields } from '../../src/scenario/fields.js';
import { FleetState, type Purchase } from '../../src/scenario/fleet-state.js';
import type { Generation } from '../../src/scenario/inputs.js';

const generation = (id: string, itPower: number, peakBf16: number): Generation => ({
  id,
  accelerator: {} as Accelerator,
  from: 0,
  to: 100,
  since: 0,
  price: 0,
  priceChange: 0,
  flopsGrowth: 0,
  itPower,
  peakBf16,
  peakFp8: 2 * peakBf16,
  h100e: peakBf16 / 1e15,
  line: 0,
  tokensPerSecond: 10,
});
const generations = [generation('a', 1000, 1e15), generation('b', 2000, 4e15), generation('a', 1000, 1e15)];
const terms = { generations, sites: 2, pue: 1.5, hardwareRecovery: 0.25, facilityRecovery: 0.1 };
const purchase = (g: number, month: number, performance = 1): Purchase => ({
  generation: g,
  month,
  powerEach: generations[g]?.itPower ?? 0,
  performance,
  price: 30_000,
  facilityCapex: 10_000,
});

describe('the fleet', () => {
  it('keeps running sums of what is installed, by site and generation', () => {
    const fleet = new FleetState().reset(terms, { kept: ALL_FIELDS, byGeneration: true });
    fleet.add(purchase(0, 0), 0, 10);
    fleet.add(purchase(1, 1, 1.5), 1, 4);
    expect(fleet.accelerators).toBe(14);
    expect(fleet.itPower).toBe(10 * 1000 + 4 * 2000);
    // Site use is at the meter (PUE 1.5); peak FLOP/s carry each cohort's performance.
    expect(Array.from(fleet.siteUse)).toEqual([15_000, 12_000]);
    expect(fleet.peakBf16).toBe(10 * 1e15 + 4 * 4e15 * 1.5);
    // H100-equivalents grow with performance too: 10 × 1 + 4 × 4 × 1.5.
    expect(fleet.h100e).toBe(34);
    // Site 1 has the most FLOP/s, with 4 of the 14 accelerators.
    expect(fleet.largestSite()).toBe(1);
    expect(fleet.siteFlops[1]).toBe(4 * 4e15 * 1.5);
    expect(fleet.siteCount[1]).toBe(4);
    expect(fleet.capexAlive).toBe(14 * 40_000);
    expect(fleet.annualizedCapex).toBeCloseTo(14 * (30_000 * 0.25 + 10_000 * 0.1), 6);
    expect(fleet.countsById()).toEqual({ a: 10, b: 4 });
  });

  it('retires cohorts after their lifetime, oldest first, and empties cleanly', () => {
    const fleet = new FleetState().reset(terms, { kept: ALL_FIELDS, byGeneration: true });
    fleet.add(purchase(0, 0), 0, 10);
    fleet.add(purchase(2, 6), 0, 5);
    fleet.retire(11, 12);
    expect(fleet.accelerators).toBe(15);
    fleet.retire(12, 12);
    // The first cohort goes; generations sharing an id are counted together.
    expect(fleet.accelerators).toBe(5);
    expect(fleet.countsById()).toEqual({ a: 5 });
    fleet.retire(18, 12);
    expect(fleet.accelerators).toBe(0);
    expect(fleet.itPower).toBe(0);
    expect(fleet.countsById()).toEqual({});
  });

  it('keeps only the sums its recorded fields need, but always the power that decides what fits', () => {
    const fleet = new FleetState().reset(terms, { kept: selectFields(['powerUsed']), byGeneration: false });
    fleet.add(purchase(0, 0), 0, 10);
    expect(fleet.itPower).toBe(10_000);
    expect(fleet.accelerators).toBe(0);
    expect(fleet.capexAlive).toBe(0);
    expect(fleet.countsById()).toEqual({});
  });

  it('starts each run from nothing', () => {
    const fleet = new FleetState().reset(terms, { kept: ALL_FIELDS, byGeneration: true });
    fleet.add(purchase(0, 0), 1, 3);
    fleet.reset(terms, { kept: ALL_FIELDS, byGeneration: true });
    expect(fleet.accelerators).toBe(0);
    expect(Array.from(fleet.siteUse)).toEqual([0, 0]);
  });
});
