import { InputError } from '../errors.js';
import type { ComparableSeries } from '../report/comparison-chart.js';
import { asShown, changeBetween, displayPrecision } from '../report/display-precision.js';
import type { SavedRun } from '../store/runs.js';
import type { Dimension } from '../units/dimensions.js';
import { formatQuantity } from '../units/format.js';
import type { CalculatorView } from './calculator-view.js';
import type { Control } from './scenario-controls.js';

/**
 * Saved runs side by side: any number of them, all scenario runs or all calculator runs.
 * What differs in what they were given (assumptions, inputs), and each figure of each run
 * with its change from the first, read to the display precision of its column.
 */

/** What a saved scenario run keeps of its view (everything but the charts). */
export interface StoredScenario {
  series: ComparableSeries;
  outputs: Array<{ key: string; label: string; dimension: string }>;
  yearly: Array<{ year: number; values: Record<string, number> }>;
  records: Array<Record<string, string | number>>;
  controls?: Control[];
}

export interface ComparedRow {
  output: string;
  label: string;
  /** Each run's figure, in the order of the runs. */
  values: string[];
  /** Each run after the first against the first: "+12.0%", "new", or "none" below display precision. */
  changes: string[];
}

export interface ComparisonTables {
  kind: 'scenario' | 'calculator';
  /** Assumptions (scenarios) or inputs (calculators) written differently in some run. */
  settings: Array<{ key: string; label: string; values: string[] }>;
  /** A scenario comparison: each year every run covers; a calculator comparison: one, without a year. */
  differences: Array<{ year?: number | undefined; rows: ComparedRow[] }>;
}

/** The runs of a comparison, checked: two or more, all of one kind. */
export function comparableRuns(runs: readonly SavedRun[]): 'scenario' | 'calculator' {
  if (runs.length < 2) throw new InputError('compare: give two or more saved runs, e.g. ?runs=1,2,3');
  const kind = runs[0]?.kind as 'scenario' | 'calculator';
  const other = runs.find((r) => r.kind !== kind);
  if (other)
    throw new InputError(
      `compare: run ${other.id} is a ${other.kind} run and run ${runs[0]?.id} a ${kind} run; compare runs of one kind`,
    );
  if (kind === 'calculator') {
    const calculators = new Set(runs.map((r) => r.subject));
    if (calculators.size > 1)
      throw new InputError(
        `compare: the runs use different calculators (${[...calculators].join(', ')}); compare runs of one`,
      );
  }
  return kind;
}

/** A row of figures: shown to its column's precision, each run against the first. */
function comparedRow(
  output: string,
  label: string,
  dimension: Dimension,
  numbers: readonly number[],
  precision: number,
): ComparedRow {
  const first = numbers[0] ?? 0;
  return {
    output,
    label,
    values: numbers.map((v) => formatQuantity(asShown(v, precision), dimension)),
    changes: numbers.slice(1).map((v) => changeBetween(first, v, precision)?.percent ?? 'none'),
  };
}

/** Settings written differently in some run: the rows of a table, one column per run. */
function differing(all: ReadonlyArray<Record<string, { label: string; text: string }>>) {
  const keys = [...new Set(all.flatMap((s) => Object.keys(s)))];
  return keys.flatMap((key) => {
    const values = all.map((s) => s[key]?.text ?? '');
    const label = all.find((s) => s[key])?.[key]?.label ?? key;
    return new Set(values).size > 1 ? [{ key, label, values }] : [];
  });
}

export function scenarioTables(runs: readonly SavedRun[]): ComparisonTables {
  const stored = runs.map((r) => r.result as StoredScenario);
  const first = stored[0] as StoredScenario;
  const settings = differing(
    stored.map((s) =>
      Object.fromEntries(
        (s.controls ?? []).map((c) => [
          c.key,
          { label: c.label, text: c.written || `${c.prefix}${c.value}${c.suffix}` },
        ]),
      ),
    ),
  );
  const years = first.yearly
    .map((y) => y.year)
    .filter((year) => stored.every((s) => s.yearly.some((y) => y.year === year)));
  // Each output's column spans every run's years: below its display precision is rounding.
  const precision = Object.fromEntries(
    first.outputs.map((o) => [
      o.key,
      displayPrecision(stored.flatMap((s) => s.yearly.map((y) => y.values[o.key] ?? 0))),
    ]),
  );
  return {
    kind: 'scenario',
    settings,
    differences: years.map((year) => ({
      year,
      rows: first.outputs.map((o) =>
        comparedRow(
          o.key,
          o.label,
          o.dimension as Dimension,
          stored.map((s) => s.yearly.find((y) => y.year === year)?.values[o.key] ?? 0),
          precision[o.key] ?? 0,
        ),
      ),
    })),
  };
}

export function calculatorTables(
  runs: readonly SavedRun[],
  dimensionOf: (output: string) => Dimension,
): ComparisonTables {
  const views = runs.map((r) => r.result as CalculatorView);
  const settings = differing(
    views.map((v) =>
      Object.fromEntries(
        v.inputs.map((i) => [i.name, { label: i.name.replaceAll('_', ' '), text: i.display }]),
      ),
    ),
  );
  const first = views[0] as CalculatorView;
  const rows = first.outputs
    .filter((o) => views.every((v) => v.outputs.some((p) => p.name === o.name)))
    .map((o) => {
      const numbers = views.map((v) => v.outputs.find((p) => p.name === o.name)?.value ?? 0);
      return comparedRow(o.name, o.label, dimensionOf(o.name), numbers, displayPrecision(numbers));
    });
  return { kind: 'calculator', settings, differences: [{ rows }] };
}
