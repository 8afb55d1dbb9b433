/**
 * The kinds of quantity gigawatt handles. Inside the model every quantity is a plain
 * number in the SI (or SI-like) base unit named here; units are parsed and formatted
 * only at the edges.
 */
export type Dimension =
  | 'count'
  | 'year'
  | 'tokens'
  | 'fraction'
  | 'ratio'
  | 'power'
  | 'energy'
  | 'flop'
  | 'flops'
  | 'time'
  | 'money'
  | 'bytes'
  | 'bandwidth'
  | 'area'
  | 'energy_price'
  | 'capex_per_power'
  | 'money_per_hour'
  | 'hours'
  | 'token_rate'
  | 'capex_per_token_rate'
  | 'energy_per_flop';

/** Base unit of each dimension, as written in JSON output. */
export const BASE_UNIT: Record<Dimension, string> = {
  count: 'count',
  year: 'year',
  tokens: 'token',
  fraction: 'fraction',
  ratio: 'ratio',
  power: 'W',
  energy: 'J',
  flop: 'FLOP',
  flops: 'FLOP/s',
  time: 's',
  money: 'USD',
  bytes: 'byte',
  bandwidth: 'byte/s',
  area: 'm2',
  energy_price: 'USD/J',
  capex_per_power: 'USD/W',
  money_per_hour: 'USD/h',
  hours: 'h',
  token_rate: 'token/s',
  capex_per_token_rate: 'USD/(token/s)',
  energy_per_flop: 'J/FLOP',
};

/** One example per dimension, used in error messages ("expected a power like ..."). */
export const EXAMPLE: Record<Dimension, string> = {
  count: '100k',
  year: '2030',
  tokens: '15.6T',
  fraction: '40%',
  ratio: '1.2',
  power: '130 MW',
  energy: '1.2 TWh',
  flop: '2e25 FLOP',
  flops: '4 PFLOP/s',
  time: '95 days',
  money: '$500B',
  bytes: '80 GB',
  bandwidth: '3.35 TB/s',
  area: '814 mm2',
  energy_price: '$0.08/kWh',
  capex_per_power: '$11M/MW',
  money_per_hour: '$2.50/h',
  hours: '30.8M h',
  token_rate: '3,000 tokens/s',
  capex_per_token_rate: '$10/(token/s)',
  energy_per_flop: '0.22 pJ/FLOP',
};

/** Human name of each dimension, for messages. */
export const NOUN: Record<Dimension, string> = {
  count: 'a count',
  year: 'a calendar year',
  tokens: 'a token count',
  fraction: 'a fraction',
  ratio: 'a ratio',
  power: 'a power',
  energy: 'an energy',
  flop: 'an amount of compute',
  flops: 'a compute rate',
  time: 'a duration',
  money: 'an amount of money',
  bytes: 'a memory size',
  bandwidth: 'a bandwidth',
  area: 'an area',
  energy_price: 'an electricity price',
  capex_per_power: 'a cost per unit of power',
  money_per_hour: 'a cost per hour',
  hours: 'a number of hours',
  token_rate: 'a token rate',
  capex_per_token_rate: 'a capital cost per unit of throughput',
  energy_per_flop: 'an energy per FLOP',
};

/**
 * The largest magnitude accepted for each kind of quantity, as a user would write it.
 * Each is far past any real figure (the world's electricity is about 3 TW, its yearly
 * output about $110T, the largest training runs about 5e26 FLOP), and small enough that
 * products of several inputs stay finite, so a huge but parseable number ("1e308") is
 * refused with a sentence instead of turning into Infinity inside the model. The numbers
 * are these texts parsed (units/parse.ts, `limitOf`).
 */
export const LIMIT_TEXT: Record<Dimension, string> = {
  count: '1e15',
  year: '10000',
  tokens: '1e24',
  fraction: '100,000%',
  ratio: '1e15',
  power: '1 PW',
  energy: '1e24 J',
  flop: '1e40 FLOP',
  flops: '1e35 FLOP/s',
  time: '10,000 years',
  money: '$1e16',
  bytes: '1e24 B',
  bandwidth: '1e21 B/s',
  area: '1e6 m2',
  energy_price: '$1,000/kWh',
  capex_per_power: '$1T/MW',
  money_per_hour: '$1T/h',
  hours: '1e18 h',
  token_rate: '1e18 tokens/s',
  capex_per_token_rate: '$1T/(token/s)',
  energy_per_flop: '1 J/FLOP',
};

export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_DAY = 86_400;
/** Julian year: the convention for "per year" figures (8,766 h). */
export const SECONDS_PER_YEAR = 365.25 * SECONDS_PER_DAY;
export const SECONDS_PER_MONTH = SECONDS_PER_YEAR / 12;
export const JOULES_PER_KWH = 3.6e6;
