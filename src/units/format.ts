import { grouped } from '../text.js';
import {
  type Dimension,
  JOULES_PER_KWH,
  SECONDS_PER_DAY,
  SECONDS_PER_HOUR,
  SECONDS_PER_YEAR,
} from './dimensions.js';

const PREFIXES: ReadonlyArray<[number, string]> = [
  [1e30, 'Q'],
  [1e27, 'R'],
  [1e24, 'Y'],
  [1e21, 'Z'],
  [1e18, 'E'],
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
  [1, ''],
];

const MONEY_MAGNITUDES: ReadonlyArray<[number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
  [1, ''],
];

/** Three significant digits, no trailing zeros after the point, no exponent below 1e21. */
export function significant(value: number, digits = 3): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e21 || abs < 1e-6) return value.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  const fixed = value.toFixed(decimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

function withPrefix(value: number, unit: string, table = PREFIXES, space = ' '): string {
  const abs = Math.abs(value);
  for (const [scale, prefix] of table) {
    // Round first so 999.96 kW shows as "1 MW", not "1000 kW".
    if (abs >= scale * 0.9995) return `${significant(value / scale)}${space}${prefix}${unit}`;
  }
  return `${significant(value)}${space}${unit}`;
}

export function formatMoney(usd: number): string {
  const sign = usd < 0 ? '-' : '';
  const abs = Math.abs(usd);
  if (abs < 1000) return `${sign}$${abs < 10 ? abs.toFixed(2) : significant(abs)}`;
  return `${sign}$${withPrefix(abs, '', MONEY_MAGNITUDES, '')}`;
}

const SMALL_PREFIXES: ReadonlyArray<[number, string]> = [
  [1, ''],
  [1e-3, 'm'],
  [1e-6, 'µ'],
  [1e-9, 'n'],
  [1e-12, 'p'],
  [1e-15, 'f'],
  [1e-18, 'a'],
  [1e-21, 'z'],
];

/** Joules below one with the prefix that reads: "15 mJ", "2.87 zJ". */
function smallJoules(joules: number): string {
  const abs = Math.abs(joules);
  if (abs === 0 || abs >= 1) return withPrefix(joules, 'J');
  const [scale, prefix] = SMALL_PREFIXES.find(([scale]) => abs >= scale * 0.9995) ?? [1e-21, 'z'];
  return `${significant(joules / scale)} ${prefix}J`;
}

/** Energy per FLOP in the small joules it is measured in: "0.222 pJ/FLOP", "2.87 zJ/FLOP". */
function smallPerFlop(joules: number): string {
  return `${smallJoules(joules)}/FLOP`;
}

export function formatDuration(seconds: number): string {
  const abs = Math.abs(seconds);
  if (abs > 0 && abs < 1e-3) return `${significant(seconds * 1e6)} µs`;
  if (abs > 0 && abs < 1) return `${significant(seconds * 1e3)} ms`;
  if (abs < 120) return `${significant(seconds)} s`;
  if (abs < 2 * SECONDS_PER_HOUR) return `${significant(seconds / 60)} min`;
  if (abs < 2 * SECONDS_PER_DAY) return `${significant(seconds / SECONDS_PER_HOUR)} h`;
  if (abs < 2 * SECONDS_PER_YEAR) return `${significant(seconds / SECONDS_PER_DAY)} days`;
  return `${significant(seconds / SECONDS_PER_YEAR)} years`;
}

function formatCount(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e15)
    return value
      .toExponential(2)
      .replace(/\.?0+e/, 'e')
      .replace('e+', 'e');
  if (abs >= 1e7) return withPrefix(value, '', MONEY_MAGNITUDES, '');
  if (abs >= 1000) return grouped(value);
  return Number.isInteger(value) ? String(value) : significant(value);
}

/** A factor as a sentence says it, to two figures: "3.9x", "230x", "890,000x". */
export function formatFactor(factor: number): string {
  const rounded = Number(factor.toPrecision(2));
  return `${rounded >= 100 ? grouped(rounded) : significant(rounded, 2)}x`;
}

/** Display a base-unit number with an SI prefix (or the unit people use for it). */
export function formatQuantity(value: number, dimension: Dimension): string {
  if (!Number.isFinite(value)) throw new Error(`refusing to format non-finite ${dimension}: ${value}`);
  switch (dimension) {
    case 'count':
      return formatCount(value);
    case 'year':
      return String(Math.round(value));
    case 'tokens':
      return `${formatCount(value)} tokens`;
    case 'fraction':
      return `${significant(value * 100)}%`;
    case 'ratio':
      return significant(value);
    case 'power':
      return withPrefix(value, 'W');
    case 'energy':
      // Per-token energies read best in joules; anything bigger in watt-hours.
      return Math.abs(value) < 3600 ? smallJoules(value) : withPrefix(value / 3600, 'Wh');
    case 'flop':
      if (value === 0) return '0 FLOP';
      return `${value
        .toExponential(2)
        .replace(/\.?0+e/, 'e')
        .replace('e+', 'e')} FLOP`;
    case 'flops':
      return withPrefix(value, 'FLOP/s');
    case 'time':
      return formatDuration(value);
    case 'money':
      return formatMoney(value);
    case 'bytes':
      return withPrefix(value, 'B');
    case 'bandwidth':
      return withPrefix(value, 'B/s');
    case 'area':
      return `${significant(value * 1e6)} mm2`;
    case 'energy_price':
      return `${formatMoney(value * JOULES_PER_KWH)}/kWh`;
    case 'capex_per_power':
      return `${formatMoney(value * 1e6)}/MW`;
    case 'money_per_hour':
      return `${formatMoney(value)}/h`;
    case 'hours':
      return `${formatCount(value)} h`;
    case 'token_rate':
      return `${formatCount(value < 100 ? Number(significant(value)) : Math.round(value))} tokens/s`;
    case 'capex_per_token_rate':
      return `${formatMoney(value)}/(token/s)`;
    case 'energy_per_flop':
      return smallPerFlop(value);
  }
}
