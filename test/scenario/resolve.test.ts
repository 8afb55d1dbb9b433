import { describe, expect, it } from 'vitest';
import { runCalculator } from '../../src/calculators/run.js';
import { supply } from '../../src/calculators/supply.js';
import { parseScenario } from '../../src/scenario/load.js';
import { monthIndex } from '../../src/scenario/months.js';
import { capacityCost, resolveScenario } from '../../src/scenario/resolve.js';
import { catalog } from '../helpers/catalog.js';

const scenario = (body: string) =>
  parseScenario(
    `name: t\nspan: {start: 2026-01, end: 2027-12}\nfleet: [{accelerator: b200, from: 2026-01}]\n${body}`,
    't.yaml',
    catalog,
  );

describe('resolving a scenario to the timeline', () => {
  it('prices fab capacity with the same catalog mapping as the supply calculator', () => {
    // $1T of capacity: the calculator's accelerators a year times the scenario's cost of each is $1T.
    const units = runCalculator(supply, { accelerator: 'b200', capital: '$1T' }, catalog).outputs.units
      ?.value;
    expect((units ?? 0) * capacityCost(catalog, catalog.accelerator('b200'))).toBeCloseTo(1e12, -2);
    expect(() => capacityCost(catalog, catalog.accelerator('tpu-v5p'))).toThrow(/no packaging and fab data/);
  });

  it('ramps site power linearly between points, flat after the last, nothing before the first', () => {
    const inputs = resolveScenario(
      scenario('sites: [{name: a, ramp: [{at: 2026-03, power: 100 MW}, {at: 2026-07, power: 500 MW}]}]'),
      catalog,
    );
    const powerAt = (month: string) => inputs.sites?.[0]?.powerAt?.(monthIndex(month));
    expect(powerAt('2026-02')).toBe(0);
    expect(powerAt('2026-03')).toBe(100e6);
    expect(powerAt('2026-05')).toBe(300e6);
    expect(powerAt('2027-12')).toBe(500e6);
  });

  it('spreads a commitment evenly over its months and releases a lump sum at once', () => {
    const inputs = resolveScenario(
      scenario(
        'programs: [{name: p, commitments: [{amount: $12B, from: 2026-01, to: 2026-12}, {amount: $5B, at: 2026-06}]}]',
      ),
      catalog,
    );
    const released = (month: string) => inputs.capital?.releasedByMonth(monthIndex(month));
    expect(released('2026-01')).toBe(1e9);
    expect(released('2026-06')).toBe(6e9);
    expect(released('2027-01')).toBe(0);
  });

  it('takes distributions at their medians for the deterministic run, and a picked value otherwise', () => {
    const parsed = scenario(
      'assumptions: {pue: 1.1 to 1.3}\nsites: [{name: a, ramp: [{at: 2026-01, power: 1 GW}]}]',
    );
    expect(resolveScenario(parsed, catalog).assumptions.pue).toBeCloseTo(Math.sqrt(1.1 * 1.3), 12);
    expect(resolveScenario(parsed, catalog, () => 1.25).assumptions.pue).toBe(1.25);
  });
});
