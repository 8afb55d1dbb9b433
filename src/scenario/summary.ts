import { InputError, unknownId } from '../errors.js';
import type { Dimension } from '../units/dimensions.js';
import { formatQuantity } from '../units/format.js';
import { parseQuantity } from '../units/parse.js';
import { describeClaim, describeTolerance, parseTolerance, within } from '../units/tolerance.js';
import type { ParsedScenario } from './load.js';
import type { Constraint, MonthState } from './timeline.js';

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

/** The constraint that bound most often among the months that bought something. */
function mostBinding(months: readonly MonthState[]): Constraint {
  const counts = new Map<Constraint, number>();
  for (const m of months) if (m.binding !== 'none') counts.set(m.binding, (counts.get(m.binding) ?? 0) + 1);
  let best: Constraint = 'none';
  let most = 0;
  for (const [constraint, n] of counts) if (n > most) [best, most] = [constraint, n];
  return best;
}

/** Power a month's own installs added (its state is after them). */
function powerAddedIn(m: MonthState): number {
  return m.accelerators > 0 ? (m.powerUsed * m.installs) / m.accelerators : 0;
}

export function yearly(series: readonly MonthState[]): YearRow[] {
  const years = new Map<number, MonthState[]>();
  for (const m of series) {
    const year = Math.floor(m.month / 12);
    const list = years.get(year) ?? [];
    list.push(m);
    years.set(year, list);
  }
  let previousPower = series[0] ? series[0].powerUsed - powerAddedIn(series[0]) : 0;
  return [...years.entries()].map(([year, months]) => {
    const last = months[months.length - 1] as MonthState;
    const powerAdded = last.powerUsed - previousPower;
    previousPower = last.powerUsed;
    const sum = (f: (m: MonthState) => number) => months.reduce((total, m) => total + f(m), 0);
    return {
      year,
      facility_power_available: last.powerAvailable,
      facility_power: last.powerUsed,
      power_added: powerAdded,
      accelerators: last.accelerators,
      by_generation: last.byGeneration,
      peak_flops_bf16: last.peakBf16,
      peak_flops_fp8: last.peakFp8,
      cumulative_capex: last.cumulativeCapex,
      annual_opex: sum((m) => m.opex),
      energy: sum((m) => m.energy),
      largest_training_run: last.largestTrainingRun,
      tokens_per_year: sum((m) => m.tokensPerYear) / 12,
      revenue_needed: last.revenueNeeded,
      installs: sum((m) => m.installs),
      binding: mostBinding(months),
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
    const spec = YEAR_OUTPUTS[claim.output as keyof typeof YEAR_OUTPUTS];
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
    const tolerance = parseTolerance(claim.tolerance ?? '10%');
    const range = interval?.(claim.year, output);
    const inside = range !== undefined && claimed >= range[0] && claimed <= range[1];
    const holds = inside || within(model, claimed, tolerance);
    const show = (v: number) => formatQuantity(v, spec.dimension);
    return {
      text: claim.text,
      year: claim.year,
      output: claim.output,
      claimed: show(claimed),
      model: range ? `${show(model)} (${show(range[0])} to ${show(range[1])})` : show(model),
      holds,
      verdict: inside
        ? 'inside the 90% interval'
        : holds
          ? `consistent (${describeTolerance(tolerance)})`
          : model === 0
            ? 'the model never gets there'
            : `claim is ${describeClaim(claimed, model)}`,
    };
  });
}
