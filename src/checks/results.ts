import { withContext } from '../errors.js';
import type { Dimension } from '../units/dimensions.js';
import { formatQuantity } from '../units/format.js';
import { parseQuantity } from '../units/parse.js';
import { judge, judgeUnderBound } from '../units/verdict.js';
import { checkCommand, checkHref } from './claims-table.js';
import type { Check, CheckFile, Expectation } from './schema.js';

/**
 * What evaluating a check file gives: each check's expectations with the model's figures
 * and verdicts; and the parts calculator and scenario checks share in getting them.
 */

export interface Reading {
  inputs: Record<string, string>;
  value: number;
  display: string;
  difference: string;
}

export interface ExpectationResult {
  output: string;
  /** The year a scenario check is about. */
  year?: number | undefined;
  label: string;
  reference?: { value: number; display: string; writtenAs: string } | undefined;
  model: { value: number; display: string };
  tolerance?: string | undefined;
  /** Only for comparisons: does the model reproduce the reference within tolerance? */
  holds?: boolean | undefined;
  difference?: string | undefined;
  verdict: string;
  /** For claims with `explore`: the reading of the claim the model matches best. */
  closest?: Reading | undefined;
  /** For a program's scenario check: its share of the world that year, and what bound. */
  world?: { share?: number | undefined; binding: string } | undefined;
}

export interface CheckResult {
  id: string;
  title: string;
  /** What the check runs: a calculator, or a scenario file. */
  calculator?: string | undefined;
  scenario?: string | undefined;
  /** The calculator check's inputs as written (the face opens the calculator with them). */
  inputs: Record<string, string>;
  /** The CLI command that reruns the check, and the explorer page that opens it. */
  command: string;
  href: string;
  kind: CheckFile['kind'];
  sources: { title: string; url?: string | undefined }[];
  note?: string | undefined;
  expectations: ExpectationResult[];
}

export interface CheckFileResult {
  file: string;
  kind: CheckFile['kind'];
  results: CheckResult[];
  /** Published facts the model missed (always 0 for claims). */
  failures: number;
  /** Claims the model cannot judge, with the reason. */
  outOfScope: { claim: string; reason: string }[];
}

/**
 * An expectation's figure read in its output's unit (errors name `where`), and judged
 * against the model's value (and its 90% interval, when uncertain); without a figure,
 * `noFigure` is the verdict.
 */
export function judgeExpectation(
  expectation: Expectation,
  dimension: Dimension,
  model: number,
  judging: {
    kind: CheckFile['kind'];
    where: string;
    noFigure: string;
    interval?: [number, number] | undefined;
  },
): Pick<ExpectationResult, 'reference' | 'tolerance' | 'holds' | 'difference' | 'verdict'> {
  if (expectation.value === undefined) return { reference: undefined, verdict: judging.noFigure };
  const value = withContext(judging.where, () =>
    parseQuantity(expectation.value as string | number, dimension),
  );
  return {
    reference: {
      value,
      display: formatQuantity(value, dimension),
      writtenAs: expectation.claimed_as ?? String(expectation.value),
    },
    ...(expectation.model_is === 'upper_bound'
      ? judgeUnderBound(value, model)
      : judge(judging.kind, value, model, expectation.tolerance, judging.interval)),
  };
}

/** A check's result: what it ran, its sources and note, and its expectations. */
export function checkResult(
  check: Check,
  kind: CheckFile['kind'],
  ran: { calculator: string } | { scenario: string },
  expectations: ExpectationResult[],
): CheckResult {
  const sources = Array.isArray(check.source) ? check.source : [check.source];
  const inputs = Object.fromEntries(Object.entries(check.inputs).map(([k, v]) => [k, String(v)]));
  const where = { ...ran, inputs };
  return {
    id: check.id,
    title: check.title,
    ...where,
    command: checkCommand(where),
    href: checkHref(where),
    kind,
    sources,
    note: check.note,
    expectations,
  };
}
