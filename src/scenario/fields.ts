import type { Dimension } from '../units/dimensions.js';
import type { Constraint } from './constraints.js';

/**
 * What the timeline records each month, declared once. The month series, the monthly CSV
 * and JSON columns, the month objects, what a Monte Carlo run records and bands, and the
 * charts all derive from this table: adding a month field is one row here and its line in
 * the timeline's `writeMonth`.
 */
interface MonthFieldSpec {
  /** The CSV and JSON column, with its SI unit in the name. */
  column: string;
  dimension: Dimension;
  /** Summarized month by month under uncertainty (quantile columns in CSV and JSON). */
  monthly?: true;
  /** Charted month by month (fan bands under uncertainty, comparisons of saved runs): panel id, title, scale. */
  chart?: { panel: string; title: string; scale: number; log?: boolean };
}

export const MONTH_FIELDS = {
  powerAvailable: { column: 'power_available_w', dimension: 'power' },
  powerRequested: { column: 'power_requested_w', dimension: 'power' },
  powerUsed: {
    column: 'power_used_w',
    dimension: 'power',
    monthly: true,
    chart: { panel: 'power', title: 'Facility power used, GW', scale: 1e9 },
  },
  installs: { column: 'installs', dimension: 'count' },
  accelerators: {
    column: 'accelerators',
    dimension: 'count',
    monthly: true,
    chart: { panel: 'accelerators', title: 'Accelerators installed, millions', scale: 1e6 },
  },
  h100e: {
    column: 'h100e',
    dimension: 'count',
    monthly: true,
    chart: {
      panel: 'h100e',
      title: 'H100-equivalents installed, millions, log scale',
      scale: 1e6,
      log: true,
    },
  },
  h100eAdded: { column: 'h100e_added', dimension: 'count' },
  powerInstalled: { column: 'power_installed_w', dimension: 'power' },
  capex: { column: 'capex_usd', dimension: 'money' },
  powerCapex: { column: 'power_capex_usd', dimension: 'money' },
  peakBf16: {
    column: 'peak_flops_bf16',
    dimension: 'flops',
    monthly: true,
    chart: { panel: 'flops', title: 'Peak dense BF16 FLOP/s, EFLOP/s, log scale', scale: 1e18, log: true },
  },
  peakFp8: { column: 'peak_flops_fp8', dimension: 'flops', monthly: true },
  cumulativeCapex: {
    column: 'cumulative_capex_usd',
    dimension: 'money',
    monthly: true,
    chart: { panel: 'capex', title: 'Cumulative capex, $B', scale: 1e9 },
  },
  capitalAvailable: { column: 'capital_available_usd', dimension: 'money' },
  energy: { column: 'energy_j', dimension: 'energy' },
  opex: {
    column: 'opex_usd',
    dimension: 'money',
    monthly: true,
    // A month's opex at the yearly rate, in $B: twelve times the month over 1e9.
    chart: { panel: 'opex', title: 'Opex at the yearly rate (energy and upkeep), $B/yr', scale: 1e9 / 12 },
  },
  tokensPerYear: { column: 'tokens_per_year', dimension: 'tokens' },
  revenueNeeded: { column: 'revenue_needed_usd_per_year', dimension: 'money' },
  largestTrainingRun: { column: 'largest_training_run_flop', dimension: 'flop' },
} as const satisfies Record<string, MonthFieldSpec>;

export type MonthField = keyof typeof MONTH_FIELDS;

export const FIELDS = Object.keys(MONTH_FIELDS) as MonthField[];

/** One month of a run as an object: every field, counts by generation, and what bound. */
export type MonthState = Record<MonthField, number> & {
  month: number;
  /** Installed accelerators by generation id. */
  byGeneration: Record<string, number>;
  binding: Constraint;
};

/** Which month fields a run records (a Monte Carlo run skips those no output reads). */
export type FieldSelection = Readonly<Record<MonthField, boolean>>;

/** Record just `fields`. */
export function selectFields(fields: Iterable<MonthField>): FieldSelection {
  const chosen = new Set(fields);
  return Object.fromEntries(FIELDS.map((f) => [f, chosen.has(f)])) as FieldSelection;
}

export const ALL_FIELDS: FieldSelection = selectFields(FIELDS);

/** The fields Monte Carlo summarizes month by month, named by their columns. */
type Monthly = {
  [F in MonthField]: (typeof MONTH_FIELDS)[F] extends { monthly: true } ? F : never;
}[MonthField];
export type MonthlySeries = (typeof MONTH_FIELDS)[Monthly]['column'];

/** Each monthly-summarized column and the field behind it. */
export const MONTHLY_SERIES = Object.fromEntries(
  FIELDS.filter((f) => 'monthly' in MONTH_FIELDS[f]).map((f) => [MONTH_FIELDS[f].column, f]),
) as Record<MonthlySeries, Monthly>;

/** The charted fields, in panel order, with their columns and chart settings. */
type Charted = {
  [F in MonthField]: (typeof MONTH_FIELDS)[F] extends { chart: object } ? F : never;
}[MonthField];
export type ChartedSeries = (typeof MONTH_FIELDS)[Charted]['column'];
export const CHARTED = FIELDS.filter((f): f is Charted => 'chart' in MONTH_FIELDS[f]).map((field) => ({
  field,
  column: MONTH_FIELDS[field].column as ChartedSeries,
  ...(MONTH_FIELDS[field] as { chart: { panel: string; title: string; scale: number; log?: boolean } }).chart,
}));

/** A run's charted series month by month (medians under uncertainty): what saved runs keep and compare. */
export type ComparableSeries = { month: number[] } & Record<ChartedSeries, number[]>;
