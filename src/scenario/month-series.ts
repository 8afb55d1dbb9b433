import type { Constraint, MonthState } from './timeline.js';

/** Binding constraints by code, for the typed array that stores them. */
export const CONSTRAINTS: readonly Constraint[] = ['none', 'power', 'capital', 'supply', 'plan'];
export const [NONE, POWER, CAPITAL, SUPPLY, PLAN] = [0, 1, 2, 3, 4] as const;

/** The numeric fields of a month, stored as one typed array each. */
export type MonthField =
  | 'powerAvailable'
  | 'powerUsed'
  | 'installs'
  | 'accelerators'
  | 'peakBf16'
  | 'peakFp8'
  | 'cumulativeCapex'
  | 'capitalAvailable'
  | 'energy'
  | 'opex'
  | 'tokensPerYear'
  | 'revenueNeeded'
  | 'largestTrainingRun';

/** Which month fields a run records (a Monte Carlo run skips those no output reads). */
export type Recording = Readonly<Record<MonthField, boolean>>;

export const RECORD_ALL: Recording = {
  powerAvailable: true,
  powerUsed: true,
  installs: true,
  accelerators: true,
  peakBf16: true,
  peakFp8: true,
  cumulativeCapex: true,
  capitalAvailable: true,
  energy: true,
  opex: true,
  tokensPerYear: true,
  revenueNeeded: true,
  largestTrainingRun: true,
};

/** Record just `fields`. */
export function recording(fields: Iterable<MonthField>): Recording {
  const chosen = new Set(fields);
  return Object.fromEntries(
    Object.keys(RECORD_ALL).map((f) => [f, chosen.has(f as MonthField)]),
  ) as Recording;
}

/**
 * A run's months as columns (struct of arrays). Monte Carlo refills one series per sample
 * instead of allocating a month object per month; the deterministic run turns it into
 * MonthState objects once.
 */
export class MonthSeries {
  readonly columns: Record<MonthField, Float64Array>;
  readonly binding: Uint8Array;
  /** Installed accelerators by generation id, per month; filled only when asked for. */
  readonly byGeneration: Array<Record<string, number>>;

  constructor(
    readonly start: number,
    readonly length: number,
  ) {
    const column = () => new Float64Array(length);
    // Written out as a literal so the engine gives it a fixed shape (fromEntries would not).
    this.columns = {
      powerAvailable: column(),
      powerUsed: column(),
      installs: column(),
      accelerators: column(),
      peakBf16: column(),
      peakFp8: column(),
      cumulativeCapex: column(),
      capitalAvailable: column(),
      energy: column(),
      opex: column(),
      tokensPerYear: column(),
      revenueNeeded: column(),
      largestTrainingRun: column(),
    };
    this.binding = new Uint8Array(length);
    this.byGeneration = [];
  }

  at(field: MonthField, i: number): number {
    return this.columns[field][i] as number;
  }

  bindingAt(i: number): Constraint {
    return CONSTRAINTS[this.binding[i] as number] as Constraint;
  }

  toMonthStates(): MonthState[] {
    return Array.from({ length: this.length }, (_, i) => {
      const at = (field: MonthField) => this.at(field, i);
      return {
        month: this.start + i,
        powerAvailable: at('powerAvailable'),
        powerUsed: at('powerUsed'),
        installs: at('installs'),
        accelerators: at('accelerators'),
        byGeneration: this.byGeneration[i] ?? {},
        peakBf16: at('peakBf16'),
        peakFp8: at('peakFp8'),
        cumulativeCapex: at('cumulativeCapex'),
        capitalAvailable: at('capitalAvailable'),
        energy: at('energy'),
        opex: at('opex'),
        tokensPerYear: at('tokensPerYear'),
        revenueNeeded: at('revenueNeeded'),
        largestTrainingRun: at('largestTrainingRun'),
        binding: this.bindingAt(i),
      };
    });
  }
}
