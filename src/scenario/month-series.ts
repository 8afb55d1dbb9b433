import { CONSTRAINTS, type Constraint } from './constraints.js';
import { FIELDS, type MonthField, type MonthState } from './fields.js';

/**
 * A run's months as columns (struct of arrays), one typed array per month field. Monte
 * Carlo refills one series per sample instead of allocating a month object per month; the
 * deterministic run turns it into MonthState objects once.
 */
export class MonthSeries {
  readonly columns: Readonly<Record<MonthField, Float64Array>>;
  /** Each month's binding constraint, by code (constraints.ts). */
  readonly binding: Uint8Array;
  /** Installed accelerators by generation id, per month; filled only when asked for. */
  readonly byGeneration: Array<Record<string, number>>;

  constructor(
    readonly start: number,
    readonly length: number,
  ) {
    // Properties added in one order give every series the same shape.
    const columns = {} as Record<MonthField, Float64Array>;
    for (const field of FIELDS) columns[field] = new Float64Array(length);
    this.columns = columns;
    this.binding = new Uint8Array(length);
    this.byGeneration = [];
  }

  bindingAt(i: number): Constraint {
    return CONSTRAINTS[this.binding[i] as number] as Constraint;
  }

  toMonthStates(): MonthState[] {
    return Array.from({ length: this.length }, (_, i) => {
      const state = { month: this.start + i } as MonthState;
      for (const field of FIELDS) {
        state[field] = this.columns[field][i] as number;
        // Counts by generation follow the total they split.
        if (field === 'accelerators') state.byGeneration = this.byGeneration[i] ?? {};
      }
      state.binding = this.bindingAt(i);
      return state;
    });
  }
}
