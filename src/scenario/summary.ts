import { InputError, own, unknownId } from '../errors.js';
import type { Dimension } from '../units/dimensions.js';
import { formatQuantity } from '../units/format.js';
import { parseQuantity } from '../units/parse.js';
import { judge } from '../units/verdict.js';
import type { ParsedScenario } from './load.js';
import { CONSTRAINTS, type MonthField, type MonthSeries } from './month-series.js';
import type { Constraint } from './timeline.js';

/** One calendar year of a run: end-of-year state and the year's totals. */
export interface YearRow {
  year: number;
  facility_power_available: number;
  facility_power: number;
  /** Facility power in use added during the year. */
  power_added: number;
  accelerators: number;
  by_generation: Record<string, number>;
  peak_flops_bf16: number;
  peak_flops_fp8: number;
  cumulative_capex: number;
  annual_opex: number;
  energy: number;
  largest_training_run: number;
  tokens_per_year: number;
  revenue_needed: number;
  installs: number;
  binding: Constraint;
}

/** Units of the yearly outputs, for tables, CSV headers and claims. */
export const YEAR_OUTPUTS: Record<
  Exclude<keyof YearRow, 'year' | 'by_generation' | 'binding'>,
  { dimension: Dimension; label: string }
> = {
  facility_power_available: { dimension: 'power', label: 'Power avail.' },
  facility_power: { dimension: 'power', label: 'Power used' },
  power_added: { dimension: 'power', label: 'Power added in year' },
  accelerators: { dimension: 'count', label: 'Accelerators' },
  peak_flops_bf16: { dimension: 'flops', label: 'BF16 peak' },
  peak_flops_fp8: { dimension: 'flops', label: 'FP8 peak' },
  cumulative_capex: { dimension: 'money', label: 'Capex (cum.)' },
  annual_opex: { dimension: 'money', label: 'Opex/yr' },
  energy: { dimension: 'energy', label: 'Energy' },
  largest_training_run: { dimension: 'flop', label: 'Largest run' },
  tokens_per_year: { dimension: 'tokens', label: 'Tokens/yr' },
  revenue_needed: { dimension: 'money', label: 'Revenue needed/yr' },
  installs: { dimension: 'count', label: 'Installed in year' },
};

const bindingCounts = new Int32Array(CONSTRAINTS.length);
const bindingFirsts = new Int32Array(CONSTRAINTS.length);

/**
 * The constraint that bound most often among months [from, to) that bought something;
 * on a tie, the one that bound first.
 */
export function mostBindingCode(series: MonthSeries, from: number, to: number): number {
  // Scratch reused call after call: Monte Carlo asks this twice per sample per year.
  const counts = bindingCounts.fill(0);
  const first = bindingFirsts.fill(0);
  for (let i = from; i < to; i++) {
    const code = series.binding[i] as number;
    if (code === 0) continue;
    if (counts[code] === 0) first[code] = i;
    counts[code] = (counts[code] as number) + 1;
  }
  let best = 0;
  for (let code = 1; code < counts.length; code++) {
    const n = counts[code] as number;
    const most = counts[best] as number;
    if (n > most || (n === most && n > 0 && (first[code] as number) < (first[best] as number))) best = code;
  }
  return best;
}

const mostBinding = (series: MonthSeries, from: number, to: number) =>
  CONSTRAINTS[mostBindingCode(series, from, to)] as Constraint;

/** Months [from, to) of a series that fall in one calendar year. */
export interface YearSpan {
  year: number;
  from: number;
  to: number;
}

/** The calendar years a series covers (the same for every run over the same span). */
export function yearSpans(series: Pick<MonthSeries, 'start' | 'length'>): YearSpan[] {
  const spans: YearSpan[] = [];
  let from = 0;
  while (from < series.length) {
    const year = Math.floor((series.start + from) / 12);
    let to = from + 1;
    while (to < series.length && Math.floor((series.start + to) / 12) === year) to++;
    spans.push({ year, from, to });
    from = to;
  }
  return spans;
}

type Columns = MonthSeries['columns'];

function total(column: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += column[i] as number;
  return sum;
}

/** Power in use before month `from`: the month before, or for the first month, what it had before its own installs. */
function powerBefore(c: Columns, from: number): number {
  if (from > 0) return c.powerUsed[from - 1] as number;
  const n = c.accelerators[0] as number;
  const added = n > 0 ? ((c.powerUsed[0] as number) * (c.installs[0] as number)) / n : 0;
  return (c.powerUsed[0] as number) - added;
}

/** Each yearly output of months [from, to): the year's last month, or a total over its months. */
export const YEAR_VALUE: Record<keyof typeof YEAR_OUTPUTS, (c: Columns, from: number, to: number) => number> =
  {
    facility_power_available: (c, _, to) => c.powerAvailable[to - 1] as number,
    facility_power: (c, _, to) => c.powerUsed[to - 1] as number,
    power_added: (c, from, to) => (c.powerUsed[to - 1] as number) - powerBefore(c, from),
    accelerators: (c, _, to) => c.accelerators[to - 1] as number,
    peak_flops_bf16: (c, _, to) => c.peakBf16[to - 1] as number,
    peak_flops_fp8: (c, _, to) => c.peakFp8[to - 1] as number,
    cumulative_capex: (c, _, to) => c.cumulativeCapex[to - 1] as number,
    annual_opex: (c, from, to) => total(c.opex, from, to),
    energy: (c, from, to) => total(c.energy, from, to),
    largest_training_run: (c, _, to) => c.largestTrainingRun[to - 1] as number,
    tokens_per_year: (c, from, to) => total(c.tokensPerYear, from, to) / 12,
    revenue_needed: (c, _, to) => c.revenueNeeded[to - 1] as number,
    installs: (c, from, to) => total(c.installs, from, to),
  };

/** The month fields each yearly output reads: a Monte Carlo run records only those. */
export const YEAR_READS: Record<keyof typeof YEAR_OUTPUTS, readonly MonthField[]> = {
  facility_power_available: ['powerAvailable'],
  facility_power: ['powerUsed'],
  power_added: ['powerUsed', 'accelerators', 'installs'],
  accelerators: ['accelerators'],
  peak_flops_bf16: ['peakBf16'],
  peak_flops_fp8: ['peakFp8'],
  cumulative_capex: ['cumulativeCapex'],
  annual_opex: ['opex'],
  energy: ['energy'],
  largest_training_run: ['largestTrainingRun'],
  tokens_per_year: ['tokensPerYear'],
  revenue_needed: ['revenueNeeded'],
  installs: ['installs'],
};

/** One row per calendar year of the series: end-of-year state and the year's totals. */
export function yearly(series: MonthSeries): YearRow[] {
  const c = series.columns;
  return yearSpans(series).map(({ year, from, to }) => {
    const v = (key: keyof typeof YEAR_OUTPUTS) => YEAR_VALUE[key](c, from, to);
    return {
      year,
      facility_power_available: v('facility_power_available'),
      facility_power: v('facility_power'),
      power_added: v('power_added'),
      accelerators: v('accelerators'),
      by_generation: series.byGeneration[to - 1] ?? {},
      peak_flops_bf16: v('peak_flops_bf16'),
      peak_flops_fp8: v('peak_flops_fp8'),
      cumulative_capex: v('cumulative_capex'),
      annual_opex: v('annual_opex'),
      energy: v('energy'),
      largest_training_run: v('largest_training_run'),
      tokens_per_year: v('tokens_per_year'),
      revenue_needed: v('revenue_needed'),
      installs: v('installs'),
      binding: mostBinding(series, from, to),
    };
  });
}

export interface ClaimVerdict {
  text: string;
  year: number;
  output: string;
  claimed: string;
  model: string;
  holds: boolean;
  verdict: string;
}

/** Hold each of the scenario's claimed figures against its yearly outputs. */
export function judgeClaims(
  loaded: ParsedScenario,
  rows: readonly YearRow[],
  interval?: (year: number, output: keyof typeof YEAR_OUTPUTS) => [number, number],
): ClaimVerdict[] {
  return loaded.scenario.claims.map((claim, i) => {
    const at = (key: string) => `${loaded.locate(['claims', i, key])}: claims[${i}].${key}`;
    const spec = own(YEAR_OUTPUTS, claim.output);
    if (!spec)
      throw new InputError(
        `${at('output')}: ${unknownId('yearly output', claim.output, Object.keys(YEAR_OUTPUTS))}`,
      );
    const row = rows.find((r) => r.year === claim.year);
    if (!row) {
      const years = `${rows[0]?.year}-${rows[rows.length - 1]?.year}`;
      throw new InputError(`${at('year')}: ${claim.year} is outside the scenario's span (${years})`);
    }
    let claimed: number;
    try {
      claimed = parseQuantity(claim.value, spec.dimension);
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`${at('value')}: ${error.message}`);
      throw error;
    }
    const output = claim.output as keyof typeof YEAR_OUTPUTS;
    const model = row[output] as number;
    const range = interval?.(claim.year, output);
    const { holds, verdict } = judge('claims', claimed, model, claim.tolerance, range);
    const show = (v: number) => formatQuantity(v, spec.dimension);
    return {
      text: claim.text,
      year: claim.year,
      output: claim.output,
      claimed: show(claimed),
      model: range ? `${show(model)} (${show(range[0])} to ${show(range[1])})` : show(model),
      holds,
      verdict,
    };
  });
}
