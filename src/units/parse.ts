import { InputError } from '../errors.js';
import { quote } from '../text.js';
import {
  type Dimension,
  EXAMPLE,
  JOULES_PER_KWH,
  LIMIT_TEXT,
  NOUN,
  SECONDS_PER_DAY,
  SECONDS_PER_HOUR,
  SECONDS_PER_MONTH,
  SECONDS_PER_YEAR,
} from './dimensions.js';

type UnitTable = Readonly<Record<string, number>>;

const SI_PREFIX: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Z: 1e21,
  Y: 1e24,
  R: 1e27,
  Q: 1e30,
};

function withPrefixes(
  symbols: readonly string[],
  scale: number,
  prefixes = Object.keys(SI_PREFIX),
): UnitTable {
  const table: Record<string, number> = {};
  for (const symbol of symbols) {
    for (const prefix of prefixes) table[prefix + symbol] = (SI_PREFIX[prefix] ?? 1) * scale;
  }
  return table;
}

function words(names: readonly string[], scale: number): UnitTable {
  return Object.fromEntries(names.map((n) => [n, scale]));
}

const COUNT_NOUNS = words(
  [
    'gpu',
    'gpus',
    'GPU',
    'GPUs',
    'chip',
    'chips',
    'accelerator',
    'accelerators',
    'device',
    'devices',
    'unit',
    'units',
  ],
  1,
);

/** Multipliers people put after a number for counts and money: 100k, 1.2M, $500B, 15.6T. */
const MAGNITUDE: UnitTable = {
  k: 1e3,
  K: 1e3,
  thousand: 1e3,
  M: 1e6,
  m: 1e6,
  million: 1e6,
  B: 1e9,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  T: 1e12,
  t: 1e12,
  trillion: 1e12,
};

const MONEY_PER_ENERGY: UnitTable = {
  '/J': 1,
  '/Wh': 1 / 3600,
  '/kWh': 1 / JOULES_PER_KWH,
  '/MWh': 1 / (JOULES_PER_KWH * 1e3),
};

/** Energy per operation is written in small joules: "0.22 pJ/FLOP", "2.1e-16 J/FLOP", "15 fJ/op". */
const SMALL_JOULES_PER_FLOP: UnitTable = Object.fromEntries(
  Object.entries({
    '': 1,
    m: 1e-3,
    µ: 1e-6,
    u: 1e-6,
    n: 1e-9,
    p: 1e-12,
    f: 1e-15,
    a: 1e-18,
    z: 1e-21,
  }).flatMap(([prefix, scale]) => ['/FLOP', '/op'].map((per) => [`${prefix}J${per}`, scale])),
);

const UNITS: Record<Dimension, UnitTable> = {
  count: { '': 1, ...COUNT_NOUNS },
  year: { '': 1 },
  tokens: { '': 1, token: 1, tokens: 1 },
  fraction: { '': 1, '%': 0.01 },
  ratio: { '': 1, x: 1, '×': 1 },
  power: withPrefixes(['W'], 1),
  energy: { ...withPrefixes(['J'], 1), mJ: 1e-3, µJ: 1e-6, uJ: 1e-6, ...withPrefixes(['Wh'], 3600) },
  flop: { '': 1, ...withPrefixes(['FLOP'], 1) },
  flops: withPrefixes(['FLOP/s', 'FLOPS'], 1),
  time: {
    ...words(['us', 'µs'], 1e-6),
    ...words(['ms', 'millisecond', 'milliseconds'], 1e-3),
    ...words(['s', 'sec', 'second', 'seconds'], 1),
    ...words(['min', 'minute', 'minutes'], 60),
    ...words(['h', 'hr', 'hrs', 'hour', 'hours'], SECONDS_PER_HOUR),
    ...words(['d', 'day', 'days'], SECONDS_PER_DAY),
    ...words(['week', 'weeks', 'wk'], 7 * SECONDS_PER_DAY),
    ...words(['month', 'months', 'mo'], SECONDS_PER_MONTH),
    ...words(['y', 'yr', 'yrs', 'year', 'years'], SECONDS_PER_YEAR),
  },
  money: { '': 1, USD: 1 },
  bytes: {
    ...withPrefixes(['B'], 1),
    KiB: 2 ** 10,
    MiB: 2 ** 20,
    GiB: 2 ** 30,
    TiB: 2 ** 40,
  },
  bandwidth: {
    ...withPrefixes(['B/s'], 1),
    'GiB/s': 2 ** 30,
    'TiB/s': 2 ** 40,
  },
  area: { mm2: 1e-6, 'mm²': 1e-6, cm2: 1e-4, 'cm²': 1e-4, m2: 1, 'm²': 1 },
  energy_price: MONEY_PER_ENERGY,
  capex_per_power: { '/W': 1, '/kW': 1e-3, '/MW': 1e-6, '/GW': 1e-9 },
  money_per_hour: { '/h': 1, '/hr': 1, '/hour': 1 },
  hours: { '': 1, h: 1, hours: 1 },
  token_rate: { 'token/s': 1, 'tokens/s': 1, 'tok/s': 1 },
  capex_per_token_rate: { '/(token/s)': 1, '/(tokens/s)': 1 },
  energy_per_flop: SMALL_JOULES_PER_FLOP,
};

/** Dimensions whose numbers may carry a magnitude word (k, M, B, T) before the unit. */
const TAKES_MAGNITUDE = new Set<Dimension>([
  'count',
  'tokens',
  'money',
  'flop',
  'energy_price',
  'capex_per_power',
  'money_per_hour',
  'hours',
  'token_rate',
  'capex_per_token_rate',
]);
const MONEY_LIKE = new Set<Dimension>([
  'money',
  'energy_price',
  'capex_per_power',
  'money_per_hour',
  'capex_per_token_rate',
]);

const NUMBER = /^([+-])?\s*(\$)?\s*([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*(.*)$/;

function expected(dimension: Dimension, text: string, example = EXAMPLE[dimension]): InputError {
  return new InputError(`expected ${NOUN[dimension]} like "${example}", got ${quote(text)}`);
}

/** Longer than any quantity anyone types: refused before any pattern looks at it. */
const MAX_LENGTH = 100;

/** Each dimension's LIMIT_TEXT, parsed once on first use. */
const limits = new Map<Dimension, number>();

/** The largest magnitude of a dimension gigawatt takes (LIMIT_TEXT, parsed). */
export function limitOf(dimension: Dimension): number {
  let limit = limits.get(dimension);
  if (limit === undefined) {
    // Parsing the limit text checks it against the limit: no limit while it is parsed.
    limits.set(dimension, Number.POSITIVE_INFINITY);
    limit = parseQuantity(LIMIT_TEXT[dimension], dimension);
    limits.set(dimension, limit);
  }
  return limit;
}

/** The value, or an input error when it is past the dimension's limit. */
export function withinLimit(value: number, dimension: Dimension, written: string | number): number {
  if (Math.abs(value) <= limitOf(dimension)) return value;
  return tooLarge(dimension, written);
}

function tooLarge(dimension: Dimension, written: string | number): never {
  throw new InputError(
    `${quote(String(written))} is out of range: gigawatt takes ${NOUN[dimension]} up to ${LIMIT_TEXT[dimension]}`,
  );
}

function lookup(table: UnitTable, unit: string): number | undefined {
  // Own keys only: "5 constructor" is not a unit.
  const exact = Object.hasOwn(table, unit) ? table[unit] : undefined;
  if (exact !== undefined) return exact;
  const folded = Object.keys(table).filter((key) => key.toLowerCase() === unit.toLowerCase());
  return folded.length === 1 ? table[folded[0] as string] : undefined;
}

function unitScale(dimension: Dimension, rest: string): number | undefined {
  const table = UNITS[dimension];
  const direct = lookup(table, rest);
  if (direct !== undefined) return direct;
  if (!TAKES_MAGNITUDE.has(dimension)) return undefined;
  const match = /^(thousand|million|billion|trillion|bn|[kKmMbBtT])\s*(.*)$/.exec(rest);
  if (!match) return undefined;
  const magnitude = MAGNITUDE[match[1] as string];
  const unit = lookup(table, (match[2] as string).trim());
  return magnitude !== undefined && unit !== undefined ? magnitude * unit : undefined;
}

/**
 * Parse a quantity as people write it ("130 MW", "$500B", "100k", "40%", "95 days") into
 * a plain number in the dimension's base unit. Throws an InputError naming what was
 * expected; never returns NaN or Infinity.
 */
export function parseQuantity(input: string | number, dimension: Dimension, example?: string): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new InputError(`expected a finite number, got ${input}`);
    if (lookup(UNITS[dimension], '') === undefined) throw expected(dimension, String(input), example);
    return withinLimit(input, dimension, input);
  }
  if (input.length > MAX_LENGTH) throw expected(dimension, input, example);
  const text = input.trim();
  const match = NUMBER.exec(text);
  // "-$5B" and "$-5B" both mean minus five billion dollars.
  const sign = match?.[1] === '-' ? -1 : 1;
  const digits = match?.[3] ?? '';
  if (!match || !/\d/.test(digits) || (match[1] && /^[+-]/.test(digits)))
    throw expected(dimension, input, example);
  const dollar = match[2] === '$';
  if (dollar && !MONEY_LIKE.has(dimension)) throw expected(dimension, input, example);
  const rest = (match[4] ?? '').trim();
  if (MONEY_LIKE.has(dimension) && dimension !== 'money' && !dollar && !rest.includes('/')) {
    throw expected(dimension, input, example);
  }
  const scale = unitScale(dimension, rest.replace(/^USD\s*(?=\/)/, ''));
  if (scale === undefined) throw expected(dimension, input, example);
  const value = sign * Number(digits.replaceAll(',', '')) * scale;
  if (!Number.isFinite(value)) return tooLarge(dimension, input);
  return withinLimit(value, dimension, input);
}
