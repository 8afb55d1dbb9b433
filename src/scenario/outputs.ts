import type { Dimension } from '../units/dimensions.js';
import { CONSTRAINTS, type Constraint } from './constraints.js';
import type { MonthField } from './fields.js';
import type { MonthSeries } from './month-series.js';

/**
 * A scenario's yearly outputs, declared once: name, unit, label, the month fields each
 * reads and how a year aggregates them. The yearly table, CSV and JSON, claims, Monte
 * Carlo and the explorer all derive from this table: adding an output is one row (and,
 * if it needs a new month field, that field in fields.ts).
 */
interface YearOutputSpec {
  dimension: Dimension;
  label: string;
  /** The month fields the value reads, in the order `value` takes their columns. */
  reads: readonly MonthField[];
  /** The year's value from those columns over its months [from, to). */
  value: (columns: readonly Float64Array[], from: number, to: number) => number;
}

function total(column: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += column[i] as number;
  return sum;
}

/** The field at the year's last month (a stock: power, the fleet, cumulative capex). */
const endOfYear = (field: MonthField) => ({
  reads: [field],
  value: (c: readonly Float64Array[], _from: number, to: number) => (c[0] as Float64Array)[to - 1] as number,
});

/** The field summed over the year's months (a flow: energy, opex, installs). */
const yearTotal = (field: MonthField) => ({
  reads: [field],
  value: (c: readonly Float64Array[], from: number, to: number) => total(c[0] as Float64Array, from, to),
});

/** A yearly rate recorded monthly, as what the year's months delivered: each month a twelfth. */
const deliveredInYear = (field: MonthField) => ({
  reads: [field],
  value: (c: readonly Float64Array[], from: number, to: number) => total(c[0] as Float64Array, from, to) / 12,
});

/**
 * Facility power in use added during the year: the year's last month less the month
 * before it began (for the first month of a run, what it had before its own installs).
 */
const powerAdded = {
  reads: ['powerUsed', 'accelerators', 'installs'] as const,
  value: (c: readonly Float64Array[], from: number, to: number) => {
    const [powerUsed, accelerators, installs] = c as [Float64Array, Float64Array, Float64Array];
    let before: number;
    if (from > 0) before = powerUsed[from - 1] as number;
    else {
      const n = accelerators[0] as number;
      const added = n > 0 ? ((powerUsed[0] as number) * (installs[0] as number)) / n : 0;
      before = (powerUsed[0] as number) - added;
    }
    return (powerUsed[to - 1] as number) - before;
  },
};

export const YEAR_OUTPUTS = {
  facility_power_requested: { dimension: 'power', label: 'Power requested', ...endOfYear('powerRequested') },
  facility_power_available: { dimension: 'power', label: 'Power avail.', ...endOfYear('powerAvailable') },
  facility_power: { dimension: 'power', label: 'Power used', ...endOfYear('powerUsed') },
  power_added: { dimension: 'power', label: 'Power added in year', ...powerAdded },
  accelerators: { dimension: 'count', label: 'Accelerators', ...endOfYear('accelerators') },
  h100e: { dimension: 'count', label: 'H100e', ...endOfYear('h100e') },
  h100e_added: { dimension: 'count', label: 'H100e added', ...yearTotal('h100eAdded') },
  power_installed: { dimension: 'power', label: 'Power installed', ...yearTotal('powerInstalled') },
  peak_flops_bf16: { dimension: 'flops', label: 'BF16 peak', ...endOfYear('peakBf16') },
  peak_flops_fp8: { dimension: 'flops', label: 'FP8 peak', ...endOfYear('peakFp8') },
  capex: { dimension: 'money', label: 'Capex in year', ...yearTotal('capex') },
  power_capex: { dimension: 'money', label: 'Power plants in year', ...yearTotal('powerCapex') },
  cumulative_capex: { dimension: 'money', label: 'Capex (cum.)', ...endOfYear('cumulativeCapex') },
  annual_opex: { dimension: 'money', label: 'Opex/yr', ...yearTotal('opex') },
  energy: { dimension: 'energy', label: 'Energy', ...yearTotal('energy') },
  largest_training_run: { dimension: 'flop', label: 'Largest run', ...endOfYear('largestTrainingRun') },
  tokens_per_year: { dimension: 'tokens', label: 'Tokens/yr', ...deliveredInYear('tokensPerYear') },
  revenue_needed: { dimension: 'money', label: 'Revenue needed/yr', ...endOfYear('revenueNeeded') },
  accelerators_added: { dimension: 'count', label: 'Accelerators added', ...yearTotal('installs') },
} as const satisfies Record<string, YearOutputSpec>;

export type YearOutput = keyof typeof YEAR_OUTPUTS;

export const OUTPUTS = Object.keys(YEAR_OUTPUTS) as YearOutput[];

/** One calendar year of a run: every output, the fleet by generation at its end, and what bound most. */
export type YearRow = { year: number; by_generation: Record<string, number>; binding: Constraint } & Record<
  YearOutput,
  number
>;

/** A yearly output's value function with its columns bound, for a run that reuses one series. */
export function yearValue(output: YearOutput, series: MonthSeries): (from: number, to: number) => number {
  const spec: YearOutputSpec = YEAR_OUTPUTS[output];
  const columns = spec.reads.map((field) => series.columns[field]);
  return (from, to) => spec.value(columns, from, to);
}

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

const bindingCounts = new Int32Array(CONSTRAINTS.length);
const bindingFirsts = new Int32Array(CONSTRAINTS.length);

/**
 * The constraint that bound most often among months [from, to) that bought something;
 * on a tie, the one that bound first.
 */
export function mostBindingCode(series: MonthSeries, from: number, to: number): number {
  // Scratch reused call after call: Monte Carlo asks this for every year of every sample.
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

/** One row per calendar year of the series: end-of-year state and the year's totals. */
export function yearly(series: MonthSeries): YearRow[] {
  const values = OUTPUTS.map((output) => [output, yearValue(output, series)] as const);
  return yearSpans(series).map(({ year, from, to }) => {
    const row = { year } as YearRow;
    for (const [output, value] of values) {
      row[output] = value(from, to);
      // The fleet's split by generation follows its total.
      if (output === 'accelerators') row.by_generation = series.byGeneration[to - 1] ?? {};
    }
    row.binding = CONSTRAINTS[mostBindingCode(series, from, to)] as Constraint;
    return row;
  });
}
