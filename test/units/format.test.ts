import { describe, expect, it } from 'vitest';
import { formatFactor, formatQuantity, significant } from '../../src/units/format.js';
import { parseQuantity } from '../../src/units/parse.js';

describe('formatQuantity shows SI prefixes', () => {
  it.each([
    [98.94e18, 'flops', '98.9 EFLOP/s'],
    [6e21, 'flops', '6 ZFLOP/s'],
    [173.9e6, 'power', '174 MW'],
    [999.96e3, 'power', '1 MW'],
    [1.2e9, 'power', '1.2 GW'],
    [1.15e12 * 3600, 'energy', '1.15 TWh'],
    [3.375e9, 'money', '$3.38B'],
    [33750, 'money', '$33.8k'],
    [1.49, 'money_per_hour', '$1.49/h'],
    [100000, 'count', '100,000'],
    [1.5e7, 'count', '15M'],
    [3.79e25, 'flop', '3.79e25 FLOP'],
    [95 * 86400, 'time', '95 days'],
    [0.4, 'fraction', '40%'],
    [80e9, 'bytes', '80 GB'],
  ] as const)('%d %s → %s', (value, dimension, shown) => {
    expect(formatQuantity(value, dimension)).toBe(shown);
  });

  it('refuses NaN and Infinity rather than printing them', () => {
    expect(() => formatQuantity(Number.NaN, 'power')).toThrow();
    expect(() => formatQuantity(Number.POSITIVE_INFINITY, 'money')).toThrow();
  });

  it('keeps three significant digits', () => {
    expect(significant(123456)).toBe('123456');
    expect(significant(1.23456)).toBe('1.23');
    expect(significant(0.000123456)).toBe('0.000123');
  });
});

describe('factors and energies per FLOP', () => {
  it('says a factor to two figures, grouped past 100', () => {
    expect(formatFactor(3.94)).toBe('3.9x');
    expect(formatFactor(231.4)).toBe('230x');
    expect(formatFactor(892_857)).toBe('890,000x');
  });

  it('writes energy per FLOP in the small joules it is measured in, and reads them back', () => {
    expect(formatQuantity(2.22e-13, 'energy_per_flop')).toBe('222 fJ/FLOP');
    expect(formatQuantity(2.1e-16, 'energy_per_flop')).toBe('210 aJ/FLOP');
    expect(formatQuantity(2.87e-21, 'energy_per_flop')).toBe('2.87 zJ/FLOP');
    expect(parseQuantity('0.22 pJ/FLOP', 'energy_per_flop')).toBeCloseTo(2.2e-13, 25);
    expect(parseQuantity('15 fJ/op', 'energy_per_flop')).toBeCloseTo(1.5e-14, 25);
    expect(() => parseQuantity('15 fJ', 'energy_per_flop')).toThrow(
      /expected an energy per FLOP like "0.22 pJ\/FLOP"/,
    );
  });
});
