import { describe, expect, it } from 'vitest';
import { homeSolar } from '../../src/calculators/home-solar.js';
import { runCalculator } from '../../src/calculators/run.js';
import { InputError } from '../../src/errors.js';
import { catalog } from '../helpers/catalog.js';

const run = (inputs: Record<string, unknown>) => runCalculator(homeSolar, inputs, catalog);
const KWH = 3.6e6;
const { homes } = catalog.yardsticks;
const hw4 = catalog.device('tesla-hw4');

describe('calc home-solar', () => {
  const r = run({ solar: '10 kW', homes: '1B' });
  const out = (name: string) => r.outputs[name]?.value ?? Number.NaN;

  it("gives a home's solar a day from the catalog's US yield: 10 kW × 1,300 kWh/kW/yr / 365.25", () => {
    expect(homes.solarYieldUs.value).toBe(1300 * KWH);
    expect(out('solar_energy_per_day') / KWH).toBeCloseTo((10 * 1300) / 365.25, 6);
    expect(out('solar_energy_per_day') / KWH).toBeCloseTo(35.59, 2);
    expect(r.inputs.yield).toMatchObject({
      value: homes.solarYieldUs.value,
      origin: 'catalog',
      via: 'solar_yield_us',
      source: homes.solarYieldUs.source.title,
    });
  });

  it('runs the Tesla HW4 computer around the clock by default: 120 W × 24 h = 2.88 kWh, 8% of the solar', () => {
    expect(r.inputs.device).toMatchObject({ value: 'tesla-hw4', origin: 'default' });
    expect(r.inputs.hours).toMatchObject({ value: 86_400, origin: 'default' });
    expect(out('device_energy_per_day')).toBeCloseTo(hw4.power.value * 24 * 3600, 6);
    expect(out('device_energy_per_day') / KWH).toBeCloseTo(2.88, 6);
    expect(out('device_share_of_solar')).toBeCloseTo(2.88 / ((10 * 1300) / 365.25), 9);
  });

  it("leaves the rest for the home and compares it with the average US home's use", () => {
    // EIA: 10,715 kWh a year = 29.34 kWh a day; 35.59 - 2.88 = 32.71 kWh left covers it.
    expect(out('household_use_per_day') / KWH).toBeCloseTo(10_715 / 365.25, 6);
    expect(out('solar_left_for_home') / KWH).toBeCloseTo((10 * 1300) / 365.25 - 2.88, 6);
    expect(r.notes[0]).toBe(
      "tesla-hw4 at 120 W for 24 h a day uses 2.88 kWh, 8.1% of the 35.6 kWh that 10 kW of panels give on an average day; the 32.7 kWh left covers the average US home's 29.3 kWh a day (on average over the year; nights and winter need storage or the grid)",
    );
  });

  it('adds up a billion homes: 10 TW of panels, the chips 120 GW round the clock', () => {
    expect(out('total_solar')).toBeCloseTo(1e13, 0);
    expect(out('fleet_average_power')).toBeCloseTo(1e9 * hw4.power.value, 0);
    expect(r.notes[1]).toBe('1B homes: 10 TW of panels, and the devices draw 120 GW around the clock');
    expect(run({ solar: '10 kW' }).notes).toHaveLength(1);
  });

  it('takes a given yield, device power and hours, and says when the home falls short', () => {
    // German yield, 8 hours at 100 W: 5 × 990 / 365.25 = 13.55 kWh; 0.8 kWh drawn; 12.75 left.
    const germany = run({ solar: '5 kW', yield: '990 kWh', device_power: '100 W', hours: '8 h' });
    const kwh = (name: string) => (germany.outputs[name]?.value ?? Number.NaN) / KWH;
    expect(kwh('solar_energy_per_day')).toBeCloseTo((5 * 990) / 365.25, 6);
    expect(kwh('device_energy_per_day')).toBeCloseTo(0.8, 9);
    expect(kwh('solar_left_for_home')).toBeCloseTo((5 * 990) / 365.25 - 0.8, 6);
    expect(germany.outputs.fleet_average_power?.value).toBeCloseTo(100 / 3, 9);
    expect(germany.notes[0]).toMatch(/; the 12\.8 kWh left falls 16\.6 kWh short of the average US home's/);
    // 200 W of panels give 0.71 kWh a day, less than the chip's 2.88 kWh.
    const tiny = run({ solar: '200 W' });
    expect(tiny.outputs.solar_left_for_home?.value).toBeLessThan(0);
    expect(tiny.notes[0]).toMatch(/the panels do not even cover the device, so nothing is left/);
  });

  it('refuses a missing array, an unknown device, more than a day a day and no homes', () => {
    expect(() => run({})).toThrow(InputError);
    expect(() => run({})).toThrow(/^solar is required$/);
    expect(() => run({ solar: '10 kW', device: 'tesla-hw5' })).toThrow(
      /^device: unknown device 'tesla-hw5'; did you mean 'tesla-hw4'\?$/,
    );
    expect(() => run({ solar: '10 kW', hours: '25 h' })).toThrow(
      /^hours cannot exceed 24 h: it is time per day$/,
    );
    expect(() => run({ solar: '10 kW', homes: '0' })).toThrow(/^homes: must be at least 1, got "0"$/);
  });
});
