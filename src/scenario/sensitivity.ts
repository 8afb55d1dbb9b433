import type { Catalog } from '../catalog/catalog.js';
import { InputError, unknownId } from '../errors.js';
import { quote } from '../text.js';
import type { Distribution } from '../uncertainty/distributions.js';
import type { UncertainInput } from '../uncertainty/sampler.js';
import { tornado } from '../uncertainty/tornado.js';
import type { ParsedScenario } from './inputs.js';
import { monthIndex } from './months.js';
import { OUTPUTS, YEAR_OUTPUTS, type YearOutput, type YearRow, yearly } from './outputs.js';
import { resolveScenario } from './resolve.js';
import { timelineSeries } from './timeline.js';

/**
 * A scenario's tornado (uncertainty/tornado.ts): each uncertain number moved from its 5th
 * to its 95th percentile, the rest at their medians, ranked by the swing in one yearly
 * output (by default in the last year).
 */
export function scenarioSensitivity(
  parsed: ParsedScenario,
  catalog: Catalog,
  target: string,
  /** How the face names what was asked for, in errors. */
  flag = '--sensitivity',
) {
  const [name, yearText] = target.split('@') as [string, string | undefined];
  const output = name.replaceAll('-', '_') as YearOutput;
  if (!Object.hasOwn(YEAR_OUTPUTS, output))
    throw new InputError(`${flag}: ${unknownId('yearly output', name, OUTPUTS)}`);
  if (parsed.uncertain.length === 0) {
    throw new InputError(`${flag} needs a scenario with distributions in it, e.g. "pue: 1.1 to 1.4"`);
  }
  const inputOf = new Map<Distribution, UncertainInput>(parsed.uncertain.map((u) => [u.distribution, u]));
  const rowsAt = (value: (u: UncertainInput) => number) =>
    yearly(
      timelineSeries(
        resolveScenario(parsed, catalog, (d) =>
          d.kind === 'point' ? d.value : value(inputOf.get(d) as UncertainInput),
        ),
      ),
    );
  const first = Math.floor(monthIndex(parsed.scenario.span.start) / 12);
  const last = Math.floor(monthIndex(parsed.scenario.span.end) / 12);
  const year = yearText === undefined ? last : Number(yearText);
  const pickYear = (rows: readonly YearRow[]) => {
    const row = rows.find((r) => r.year === year);
    if (!row)
      throw new InputError(
        `${flag}: ${quote(yearText ?? '')} is not a year of the scenario's span (${first}-${last})`,
      );
    return row[output];
  };
  const { base, rows } = tornado(parsed.uncertain, (value) => pickYear(rowsAt(value)));
  return { output, year: year as number, base, rows, dimension: YEAR_OUTPUTS[output].dimension };
}
