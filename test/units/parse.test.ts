import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { type Dimension, LIMIT_TEXT } from '../../src/units/dimensions.js';
import { formatQuantity } from '../../src/units/format.js';
import { limitOf, parseQuantity } from '../../src/units/parse.js';

describe('parseQuantity reads quantities as people write them', () => {
  const cases: Array<[string, Dimension, number]> = [
    ['100k', 'count', 1e5],
    ['1.2M', 'count', 1.2e6],
    ['16,384', 'count', 16384],
    ['0 GPUs', 'count', 0],
    ['130 MW', 'power', 130e6],
    ['1GW', 'power', 1e9],
    ['130mw', 'power', 130e6],
    ['$500B', 'money', 500e9],
    ['$25k', 'money', 25e3],
    ['$33,750', 'money', 33750],
    ['4 PFLOP/s', 'flops', 4e15],
    ['989.4 TFLOP/s', 'flops', 989.4e12],
    ['2e25 FLOP', 'flop', 2e25],
    ['2e25', 'flop', 2e25],
    ['95 days', 'time', 95 * 86400],
    ['3 months', 'time', 0.25 * 365.25 * 86400],
    ['5 years', 'time', 5 * 365.25 * 86400],
    ['0.4', 'fraction', 0.4],
    ['40%', 'fraction', 0.4],
    ['80 GB', 'bytes', 80e9],
    ['192 GiB', 'bytes', 192 * 2 ** 30],
    ['3.35 TB/s', 'bandwidth', 3.35e12],
    ['814 mm2', 'area', 814e-6],
    ['$0.08/kWh', 'energy_price', 0.08 / 3.6e6],
    ['$80/MWh', 'energy_price', 0.08 / 3.6e6],
    ['$14M/MW', 'capex_per_power', 14],
    ['15.6T tokens', 'tokens', 15.6e12],
    ['451 MWh', 'energy', 451e6 * 3600],
  ];
  it.each(cases)('%s as %s', (text, dimension, expected) => {
    expect(parseQuantity(text, dimension)).toBeCloseTo(
      expected,
      6 - Math.round(Math.log10(Math.abs(expected) || 1)),
    );
  });

  const bad: Array<[string, Dimension, RegExp]> = [
    ['13O MW', 'power', /expected a power like "130 MW", got "13O MW"/],
    ['1.2', 'power', /expected a power like "130 MW", got "1.2"/],
    ['1e999', 'count', /"1e999" is out of range: gigawatt takes a count up to 1e15$/],
    ['1e308', 'count', /out of range/],
    ['-1e308 W', 'power', /"-1e308 W" is out of range: gigawatt takes a power up to 1 PW$/],
    ['$1e300', 'money', /out of range/],
    ['', 'count', /expected a count/],
    ['MW', 'power', /expected a power/],
    ['$5 MW', 'power', /expected a power/],
    ['0.08', 'energy_price', /like "\$0.08\/kWh"/],
    ['40 %%', 'fraction', /expected a fraction/],
  ];
  it.each(bad)('rejects %j as %s', (text, dimension, message) => {
    expect(() => parseQuantity(text, dimension)).toThrow(InputError);
    expect(() => parseQuantity(text, dimension)).toThrow(message);
  });

  it('never returns a non-finite number', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          expect(Number.isFinite(parseQuantity(text, 'power'))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
    );
  });

  it('reads back what it formats, to display precision', () => {
    const dimensions: Dimension[] = ['power', 'energy', 'flops', 'money', 'bytes', 'time', 'count'];
    fc.assert(
      fc.property(
        fc
          .constantFrom(...dimensions)
          .chain((d) => fc.tuple(fc.double({ min: 1, max: limitOf(d) / 1.01, noNaN: true }), fc.constant(d))),
        ([value, dimension]) => {
          const shown = formatQuantity(value, dimension).replace(/ tokens$/, '');
          const back = parseQuantity(shown, dimension);
          expect(Math.abs(back / value - 1)).toBeLessThan(0.006);
        },
      ),
    );
  });

  it('writes each limit the way a user would, in its own units', () => {
    for (const d of Object.keys(LIMIT_TEXT) as Dimension[]) {
      expect(limitOf(d), d).toBeGreaterThan(1e-6);
      expect(Number.isFinite(limitOf(d) ** 2 * 1e100), d).toBe(true);
    }
    expect(limitOf('power')).toBe(1e15);
    expect(limitOf('money')).toBe(1e16);
    expect(limitOf('fraction')).toBe(1000);
  });

  it('takes every value up to the limit of its kind and refuses anything past it', () => {
    // The kinds written as bare numbers; the rest share the same check after their units.
    const bare: Dimension[] = ['count', 'tokens', 'fraction', 'ratio', 'flop', 'money', 'hours'];
    fc.assert(
      fc.property(
        fc.constantFrom(...bare),
        fc.double({ min: 1.0001, max: 1e250, noNaN: true }),
        (d, over) => {
          expect(parseQuantity(limitOf(d), d)).toBe(limitOf(d));
          expect(parseQuantity(-limitOf(d), d)).toBe(-limitOf(d));
          expect(() => parseQuantity(limitOf(d) * over, d)).toThrow(/out of range: gigawatt takes/);
          expect(() => parseQuantity(String(-limitOf(d) * over), d)).toThrow(/out of range: gigawatt takes/);
        },
      ),
    );
  });
});
