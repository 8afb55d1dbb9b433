import { describe, expect, it } from 'vitest';
import { findCalculator } from '../../src/calculators/registry.js';
import { runCalculator } from '../../src/calculators/run.js';
import { SECONDS_PER_YEAR } from '../../src/units/dimensions.js';
import { catalog } from '../helpers/catalog.js';

const power = findCalculator('power');
const run = (inputs: Record<string, unknown>) => runCalculator(power, inputs, catalog);

describe('calc power', () => {
  it('brings 52 GW online from gas turbines alone: lead time, then a quarter of the world build a year', () => {
    const r = run({ power: '52 GW', source: 'gas-cc' });
    const gas = catalog.powerSource('gas-cc');
    // Nameplate 52 / 0.85 = 61.2 GW; 25% of 60 GW a year is 15 GW a year of nameplate, after 5 years' lead.
    const nameplate = 52e9 / gas.capacityFactor.value;
    expect(r.outputs.nameplate?.value).toBeCloseTo(nameplate, 0);
    const years =
      gas.leadTime.value / SECONDS_PER_YEAR + nameplate / (0.25 * (gas.worldBuildPerYear?.value ?? 0));
    expect((r.outputs.years?.value ?? 0) / SECONDS_PER_YEAR).toBeCloseTo(years, 3);
    expect(r.outputs.capex?.value).toBeCloseTo(nameplate * gas.overnightCost.value, -3);
    expect(r.outputs.world_output_share?.value).toBeCloseTo(
      nameplate / (gas.worldBuildPerYear?.value ?? 1),
      9,
    );
  });

  it('gives the fastest mix of every source, faster than any one alone, adding up to the load', () => {
    const r = run({ power: '52 GW' });
    const rows = r.breakdown?.rows ?? [];
    expect(rows.map((row) => row.label)).toEqual(catalog.power.powerSources.map((s) => s.id));
    const inMix = rows.reduce((sum, row) => sum + (row.values.in_fastest_mix?.value ?? 0), 0);
    expect(inMix).toBeCloseTo(52e9, -3);
    const alone = rows.map((row) => row.values.years?.value).filter((v): v is number => v !== undefined);
    expect(r.outputs.years?.value).toBeLessThan(Math.min(...alone));
    // Sources that cannot deliver 52 GW alone within the horizon show no time, not Infinity.
    expect(rows.find((row) => row.label === 'nuclear-restart')?.values.years).toBeUndefined();
  });

  it('a larger share of the world build brings it sooner', () => {
    const quarter = run({ power: '52 GW' }).outputs.years?.value ?? 0;
    const half = run({ power: '52 GW', share: '50%' }).outputs.years?.value ?? 0;
    expect(half).toBeLessThan(quarter);
  });

  it('names an unknown source with the nearest, and a load no source can ever meet', () => {
    expect(() => run({ power: '1 GW', source: 'gas-c' })).toThrow(
      /^source: unknown power source 'gas-c'; did you mean 'gas-cc'\?$/,
    );
    expect(() => run({ power: '100 GW', source: 'nuclear-restart' })).toThrow(
      /^power 100 GW is more than nuclear-restart can deliver within 100 years at this share \(at most .+\)$/,
    );
  });
});
