import { runCalculator } from '../calculators/run.js';
import type { Calculator } from '../calculators/types.js';
import type { Catalog } from '../catalog/catalog.js';

/**
 * A calculator's answer as the explorer shows it, for a plain (deterministic) run: pure
 * model code, so the server builds it and the page builds it itself without a round trip.
 */

export interface OutputRow {
  name: string;
  label: string;
  /** Deterministic value, or the median under uncertainty. */
  value: number;
  display: string;
  /** Under uncertainty: p5, p50, p95 and the mean, formatted. */
  interval?: { p5: string; p50: string; p95: string; mean: string };
}

export interface CalculatorView {
  calculator: string;
  title: string;
  uncertain: boolean;
  samples: number;
  outputs: OutputRow[];
  /** The values used, with where each came from (given, default, catalog, solved). */
  inputs: Array<{ name: string; display: string; origin: string; via?: string | undefined }>;
  /** The calculator's breakdown table, when it has one (e.g. each power source alone). */
  breakdown?: {
    title: string;
    label: string;
    columns: string[];
    rows: Array<{ label: string; cells: string[] }>;
  };
  notes: string[];
}

/** A run without ranges, from parsed-or-raw inputs (defaults filled by the calculator). */
export function plainCalculatorView(
  calc: Calculator,
  inputs: Record<string, unknown>,
  catalog: Catalog,
): CalculatorView {
  const result = runCalculator(calc, inputs, catalog);
  return {
    calculator: calc.name,
    title: calc.title,
    uncertain: false,
    samples: 0,
    outputs: calc.outputs
      .filter((o) => result.outputs[o.name])
      .map((o) => {
        const out = result.outputs[o.name] as { value: number; display: string };
        return { name: o.name, label: o.label, value: out.value, display: out.display };
      }),
    inputs: Object.entries(result.inputs).map(([key, v]) => ({
      name: key,
      display: v.display,
      origin: v.origin,
      via: v.via,
    })),
    ...(calc.breakdown && result.breakdown
      ? {
          breakdown: {
            title: result.breakdown.title,
            label: result.breakdown.label,
            columns: calc.breakdown.columns.map((c) => c.label),
            rows: result.breakdown.rows.map((row) => ({
              label: row.label,
              cells: (calc.breakdown?.columns ?? []).map((c) => row.values[c.name]?.display ?? '–'),
            })),
          },
        }
      : {}),
    notes: result.notes,
  };
}
