import { InputError, own, unknownId } from '../errors.js';
import { formatQuantity } from '../units/format.js';
import { parseQuantity } from '../units/parse.js';
import { judge, judgeFirstReached } from '../units/verdict.js';
import type { ParsedScenario } from './inputs.js';
import { YEAR_OUTPUTS, type YearOutput, type YearRow } from './outputs.js';

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
  interval?: (year: number, output: YearOutput) => [number, number],
): ClaimVerdict[] {
  return loaded.scenario.claims.map((claim, i) => {
    const at = (key: string) => `${loaded.locate(['claims', i, key])}: claims[${i}].${key}`;
    const spec = own(YEAR_OUTPUTS, claim.output);
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
    const output = claim.output as YearOutput;
    const show = (v: number) => formatQuantity(v, spec.dimension);
    if (claim.first) {
      const years = rows.map((r) => ({ year: r.year, value: r[output] as number }));
      const first = judgeFirstReached(claimed, years, claim.year, claim.tolerance);
      return {
        text: claim.text,
        year: claim.year,
        output: claim.output,
        claimed: `${show(claimed)} by ${claim.year}`,
        model: first.year === undefined ? 'never' : `in ${first.year}`,
        holds: first.holds,
        verdict: first.verdict,
      };
    }
    const model = row[output] as number;
    const range = interval?.(claim.year, output);
    const judged = judge('claims', claimed, model, claim.tolerance, range);
    const { holds } = judged;
    const verdict = withUnspentMoney(judged.verdict, {
      dimension: spec.dimension,
      claimed,
      model,
      holds,
      row,
    });
    return {
      text: claim.text,
      year: claim.year,
      output: claim.output,
      claimed: show(claimed),
      model: range ? `${show(model)} (${show(range[0])} to ${show(range[1])})` : show(model),
      holds,
      verdict,
    };
  });
}

/**
 * A claim of more money than the run spends, where something other than capital bound:
 * the verdict says what held the spending back, so "71% above the model" is not read as
 * "the program is overpriced".
 */
export function withUnspentMoney(
  verdict: string,
  c: { dimension: string; claimed: number; model: number; holds: boolean | undefined; row: YearRow },
): string {
  const unspent =
    c.dimension === 'money' &&
    c.holds === false &&
    c.claimed > c.model &&
    c.row.binding !== 'capital' &&
    c.row.binding !== 'none';
  return unspent
    ? `${verdict}: ${c.row.binding} binds first, so the rest is not spent by ${c.row.year}`
    : verdict;
}
