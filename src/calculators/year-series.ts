import type { Catalog } from '../catalog/catalog.js';
import { withDefaultRanges } from './default-ranges.js';
import { type MonteCarloOptions, type MonteCarloResult, runMonteCarlo } from './monte-carlo.js';
import type { Calculator } from './types.js';

/** One year of a calculator run year by year under uncertainty. */
export interface SeriesYear {
  year: number;
  result: MonteCarloResult;
}

/**
 * A calculator with a `year` input, run under uncertainty for each year in turn with the
 * same seed, so years differ only by what the year changes (common random numbers).
 */
export function runYearSeries(
  calc: Calculator,
  raw: Record<string, unknown>,
  catalog: Catalog,
  years: readonly number[],
  options: MonteCarloOptions,
): SeriesYear[] {
  const label = options.label ?? ((name: string) => name);
  return years.map((year) => {
    const inputs = withDefaultRanges(calc, { ...raw, year }, catalog, label);
    return { year, result: runMonteCarlo(calc, inputs, catalog, options) };
  });
}
