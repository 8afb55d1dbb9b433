import { describe, expect, it } from 'vitest';
import {
  deliverableBy,
  deliveredNow,
  fastestMix,
  nameplateFor,
  type PowerOption,
  powerCapex,
  timeToDeliver,
} from '../../src/model/power-supply.js';
import { SECONDS_PER_YEAR } from '../../src/units/dimensions.js';

const year = SECONDS_PER_YEAR;
const GW = 1e9;
const option = (over: Partial<PowerOption>): PowerOption => ({
  id: 'x',
  leadTime: 2 * year,
  capacityFactor: 0.8,
  costPerWatt: 2,
  buildPerYear: 10 * GW,
  stock: Number.POSITIVE_INFINITY,
  grid: false,
  ...over,
});

describe('bringing power online, by hand', () => {
  it('sizes nameplate by the capacity factor and prices it', () => {
    // 1 GW of flat load at 80% takes 1.25 GW of nameplate; at $2/W that is $2.5B.
    expect(nameplateFor(GW, 0.8)).toBe(1.25 * GW);
    expect(powerCapex(GW, option({}))).toBe(2.5e9);
  });

  it('delivers nothing before the lead time, then the build rate times the capacity factor', () => {
    const o = option({});
    expect(deliverableBy(o, 1.99 * year)).toBe(0);
    expect(deliverableBy(o, 2 * year)).toBe(0);
    // Three years after the lead time: 3 × 10 GW of nameplate × 80% = 24 GW firm.
    expect(deliverableBy(o, 5 * year)).toBeCloseTo(24 * GW, 0);
    // A stock (restartable reactors) caps it; an unbounded source delivers all at once.
    expect(deliverableBy(option({ stock: 2 * GW }), 5 * year)).toBeCloseTo(1.6 * GW, 0);
    expect(deliverableBy(option({ buildPerYear: Number.POSITIVE_INFINITY }), 2 * year)).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('finds when sources together deliver a load, and splits it shortest lead time first', () => {
    const fast = option({ id: 'fast', leadTime: 1 * year, buildPerYear: 5 * GW, capacityFactor: 1 });
    const slow = option({ id: 'slow', leadTime: 3 * year, buildPerYear: 20 * GW, capacityFactor: 1 });
    // 10 GW: fast alone has 5 GW by year 2 and 10 GW by year 3, so year 3 exactly.
    expect(timeToDeliver(10 * GW, [fast]) / year).toBeCloseTo(3, 3);
    // 20 GW together: after year 3, 5(t-1) + 20(t-3) = 20 → 25t = 85 → t = 3.4 years, when
    // fast has built 5 × 2.4 = 12 GW and slow the other 8.
    const mix = fastestMix(20 * GW, [slow, fast]);
    expect(mix.time / year).toBeCloseTo(3.4, 3);
    expect(mix.parts.map((p) => p.id)).toEqual(['fast', 'slow']);
    expect((mix.parts[0]?.load ?? 0) / GW).toBeCloseTo(12, 2);
    expect((mix.parts[0]?.load ?? 0) + (mix.parts[1]?.load ?? 0)).toBeCloseTo(20 * GW, -3);
    // More than the horizon allows: no mix.
    expect(fastestMix(1e15, [option({ stock: GW })])).toEqual({ time: Number.POSITIVE_INFINITY, parts: [] });
  });

  it('delivers in a month what was asked, within a month of build, and never takes power back', () => {
    expect(deliveredNow(10, 4, 3)).toBe(7);
    expect(deliveredNow(5, 4, 3)).toBe(5);
    expect(deliveredNow(2, 4, 3)).toBe(4);
  });
});
