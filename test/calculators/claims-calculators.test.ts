import { describe, expect, it } from 'vitest';
import { findCalculator } from '../../src/calculators/registry.js';
import { runCalculator } from '../../src/calculators/run.js';
import { InputError } from '../../src/errors.js';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_YEAR } from '../../src/units/dimensions.js';
import { catalog } from '../helpers/catalog.js';

const run = (name: string, inputs: Record<string, unknown>) =>
  runCalculator(findCalculator(name), inputs, catalog);
const value = (r: ReturnType<typeof run>, output: string) => r.outputs[output]?.value ?? Number.NaN;

describe('calc cloud-contract', () => {
  it('rents $60B a year of GB200 at the catalog price, and compares it with owning them', () => {
    const r = run('cloud-contract', { value: '$300B', term: '5 years' });
    const price = catalog.yardsticks.rental.find((x) => x.accelerator === 'gb200')?.hourlyPrice.value ?? 0;
    const hoursPerYear = SECONDS_PER_YEAR / SECONDS_PER_HOUR;
    const count = 60e9 / (price * hoursPerYear);
    expect(value(r, 'count')).toBeCloseTo(count, 3);
    const gb200 = catalog.accelerator('gb200');
    // Facility power = count × all-in IT power × PUE (1.2 by default).
    expect(value(r, 'facility_power')).toBeCloseTo(count * gb200.itPower.value * 1.2, -3);
    // The markup is the rental price over the cost of an owned accelerator-hour; owned, the money runs that many more.
    expect(value(r, 'rental_over_cost')).toBeCloseTo(price / value(r, 'cost_per_accelerator_hour'), 9);
    expect(value(r, 'count_at_cost')).toBeCloseTo(count * value(r, 'rental_over_cost'), 3);
  });

  it('asks for a rental price where the catalog has none, naming the accelerators it has', () => {
    expect(() => run('cloud-contract', { value: '$300B', term: '5 years', accelerator: 'mi300x' })).toThrow(
      /rental_price is needed: the catalog has a rental price only for h100, gb200; give one for mi300x/,
    );
    const given = run('cloud-contract', {
      value: '$300B',
      term: '5 years',
      accelerator: 'mi300x',
      rental_price: '$2/h',
    });
    expect(value(given, 'count')).toBeCloseTo(60e9 / (2 * (SECONDS_PER_YEAR / SECONDS_PER_HOUR)), 3);
  });
});

describe('calc gdp-share', () => {
  it("holds $500B over four years against today's GDP and the peaks of Apollo and the Manhattan Project", () => {
    const r = run('gdp-share', { spend: '$500B', term: '4 years' });
    const gdp = catalog.yardsticks.gdp.at(-1)?.value.value ?? 0;
    expect(value(r, 'spend_per_year')).toBeCloseTo(125e9, -3);
    expect(value(r, 'share_of_gdp')).toBeCloseTo(125e9 / gdp, 12);
    // Both peaked at 0.4% of GDP (CRS): $125B of $29.2T is 0.43%, 1.07x either.
    expect(value(r, 'over_apollo_peak')).toBeCloseTo(125e9 / gdp / 0.004, 9);
    expect(value(r, 'over_manhattan_peak')).toBeCloseTo(value(r, 'over_apollo_peak'), 12);
    expect(r.breakdown?.rows.map((row) => row.label)).toEqual([
      'Apollo program',
      'Manhattan Project',
      'Interstate highway system',
    ]);
  });
});

describe('calc grid-scale', () => {
  it("puts a load's yearly energy against national grids, naming how many it outgrows", () => {
    const r = run('grid-scale', { facility_power: '100 GW', load_factor: '100%' });
    // 100 GW all year = 876.6 TWh: more than Brazil (757), less than India (2,030).
    expect(value(r, 'annual_energy')).toBeCloseTo(100e9 * SECONDS_PER_YEAR, -6);
    const brazil = catalog.yardsticks.grids.find((g) => g.id === 'brazil')?.electricity.value ?? 0;
    expect(value(r, 'over_nearest_grid')).toBeCloseTo((100e9 * SECONDS_PER_YEAR) / brazil, 9);
    const smaller = catalog.yardsticks.grids.filter(
      (g) => g.electricity.value < 100e9 * SECONDS_PER_YEAR,
    ).length;
    expect(value(r, 'grids_smaller')).toBe(smaller);
    expect(value(r, 'us_share')).toBeCloseTo(
      (100e9 * SECONDS_PER_YEAR) / catalog.power.world.usElectricityGeneration.value,
      9,
    );
  });

  it("takes the world's AI datacenters of a year from the world baseline, and refuses a year outside it", () => {
    const world = catalog.worldBaseline().years.find((y) => y.year === 2030);
    const r = run('grid-scale', { year: 2030 });
    expect(value(r, 'facility_power')).toBe(world?.facility_power);
    expect(() => run('grid-scale', { year: 2040 })).toThrow(InputError);
    expect(() => run('grid-scale', {})).toThrow(/facility_power is missing: give facility_power or year/);
  });
});

describe('calc build-rate', () => {
  it('installs 100,000 H100 in 19 days at 5,263 a day, a few percent of 1 GW a week, while power from nothing takes far longer', () => {
    const r = run('build-rate', { accelerator: 'h100', count: '100k', time: '19 days' });
    expect(value(r, 'accelerators_per_day')).toBeCloseTo(100_000 / 19, 6);
    const facility = 100_000 * catalog.accelerator('h100').itPower.value * 1.2;
    expect(value(r, 'facility_power')).toBeCloseTo(facility, -2);
    expect(value(r, 'power_per_week')).toBeCloseTo((facility / 19) * 7, -2);
    expect(value(r, 'over_gw_per_week')).toBeCloseTo(((facility / 19) * 7) / 1e9, 9);
    expect(value(r, 'power_online_time')).toBeGreaterThan(100 * SECONDS_PER_DAY);
  });
});
