import type { Catalog } from '../catalog/catalog.js';
import { InputError, quote, unknownId } from '../errors.js';
import { type Distribution, median, quantile } from '../uncertainty/distributions.js';
import type { SensitivityRow } from '../uncertainty/monte-carlo.js';
import type { ParsedScenario } from './load.js';
import { resolveScenario } from './resolve.js';
import { YEAR_OUTPUTS, yearly } from './summary.js';
import { timelineSeries } from './timeline.js';

/**
 * A scenario's tornado: each uncertain number moved from its 5th to its 95th percentile,
 * the rest at their medians, ranked by the swing in one yearly output (by default in the
 * last year).
 */
export function scenarioSensitivity(parsed: ParsedScenario, catalog: Catalog, target: string) {
  const [name, yearText] = target.split('@') as [string, string | undefined];
  const output = name.replaceAll('-', '_') as keyof typeof YEAR_OUTPUTS;
  if (!Object.hasOwn(YEAR_OUTPUTS, output))
    throw new InputError(`--sensitivity: ${unknownId('yearly output', name, Object.keys(YEAR_OUTPUTS))}`);
  if (parsed.uncertain.length === 0) {
    throw new InputError('--sensitivity needs a scenario with distributions in it, e.g. "pue: 1.1 to 1.4"');
  }
  const valueAt = (moved: Distribution | undefined, q: number) => {
    const pick = (d: Distribution) =>
      d.kind === 'point' ? d.value : d === moved ? quantile(d, q) : median(d);
    return yearly(timelineSeries(resolveScenario(parsed, catalog, pick)));
  };
  const baseRows = valueAt(undefined, 0.5);
  const year = yearText === undefined ? baseRows[baseRows.length - 1]?.year : Number(yearText);
  const pickYear = (rows: ReturnType<typeof yearly>) => {
    const row = rows.find((r) => r.year === year);
    if (!row)
      throw new InputError(
        `--sensitivity: ${quote(yearText ?? '')} is not a year of the scenario's span (${baseRows[0]?.year}-${baseRows[baseRows.length - 1]?.year})`,
      );
    return row[output] as number;
  };
  const rows: SensitivityRow[] = parsed.uncertain
    .map((u) => {
      const low = pickYear(valueAt(u.distribution, 0.05));
      const high = pickYear(valueAt(u.distribution, 0.95));
      return { input: u.name, low, high, swing: Math.abs(high - low) };
    })
    .sort((a, b) => b.swing - a.swing);
  return {
    output,
    year: year as number,
    base: pickYear(baseRows),
    rows,
    dimension: YEAR_OUTPUTS[output].dimension,
  };
}
