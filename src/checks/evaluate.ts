import { withDefaultRanges } from '../calculators/default-ranges.js';
import { runMonteCarlo, splitInputs } from '../calculators/monte-carlo.js';
import { findCalculator } from '../calculators/registry.js';
import { runCalculator } from '../calculators/run.js';
import type { Calculator, CalculatorResult } from '../calculators/types.js';
import type { Catalog } from '../catalog/catalog.js';
import { InputError, unknownId, withContext } from '../errors.js';
import { median } from '../uncertainty/distributions.js';
import { formatQuantity } from '../units/format.js';
import { describeDifference } from '../units/tolerance.js';
import { parseYamlLocated } from '../yaml/document.js';
import {
  type CheckFileResult,
  type CheckResult,
  checkResult,
  type ExpectationResult,
  judgeExpectation,
  type Reading,
} from './results.js';
import { evaluateScenarioCheck, noScenarios, type ScenarioReader, ScenarioRuns } from './scenario-checks.js';
import { type Check, type CheckFile, checkFileSchema } from './schema.js';

export type { CheckFileResult, CheckResult, ExpectationResult, Reading } from './results.js';

type Locate = (path: ReadonlyArray<PropertyKey>) => string;

function run(
  calc: Calculator,
  inputs: Record<string, unknown>,
  catalog: Catalog,
  label: (n: string) => string,
) {
  return runCalculator(calc, inputs, catalog, { label });
}

function outputSpec(calc: Calculator, name: string, at: string) {
  const spec = calc.outputs.find((o) => o.name === name);
  if (!spec) {
    throw new InputError(
      `${at}: ${unknownId(
        `${calc.name} output`,
        name,
        calc.outputs.map((o) => o.name),
      )}`,
    );
  }
  return spec;
}

function combinations(
  explore: Record<string, Array<string | number>>,
): Array<Record<string, string | number>> {
  let combos: Array<Record<string, string | number>> = [{}];
  for (const [key, values] of Object.entries(explore)) {
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [key]: value })));
  }
  return combos;
}

/** The explored reading whose output is closest (in ratio) to the claimed value. */
function closestReading(
  reading: { calc: Calculator; check: Check; catalog: Catalog; label: (n: string) => string },
  output: string,
  reference: number,
): Reading | undefined {
  const { calc, check, catalog, label } = reading;
  if (!check.explore) return undefined;
  // Inputs written as distributions are explored at their medians.
  const { fixed, uncertain } = splitInputs(calc, check.inputs, label);
  const inputs = { ...fixed, ...Object.fromEntries(uncertain.map((u) => [u.name, median(u.distribution)])) };
  const readings: Array<{ combo: Record<string, string | number>; value: number; display: string }> = [];
  for (const combo of combinations(check.explore)) {
    let result: CalculatorResult;
    try {
      result = run(calc, { ...inputs, ...combo }, catalog, label);
    } catch (error) {
      // A reading the hardware does not support (fp4 on an H100) is simply not a candidate.
      if (error instanceof InputError) continue;
      throw error;
    }
    const out = result.outputs[output];
    if (out && out.value > 0) readings.push({ combo, value: out.value, display: out.display });
  }
  const values = readings.map((r) => r.value);
  // Only an output the explored inputs actually move has a "reading" worth reporting.
  if (readings.length < 2 || Math.max(...values) / Math.min(...values) < 1.0001) return undefined;
  const distance = (value: number) => Math.abs(Math.log(value / reference));
  const best = readings.reduce((a, b) => (distance(b.value) < distance(a.value) ? b : a));
  return {
    inputs: Object.fromEntries(Object.entries(best.combo).map(([k, v]) => [k, String(v)])),
    value: best.value,
    display: best.display,
    difference: describeDifference(reference, best.value),
  };
}

const CHECK_SAMPLES = 4000;

/**
 * A check's inputs may be distributions ("mfu: 38% to 43%"): then the model's answer is
 * its median, shown with its 90% interval, and a published figure inside that interval holds.
 */
function runCheckInputs(calc: Calculator, check: Check, catalog: Catalog, label: (n: string) => string) {
  // A calculator uncertain by default draws what the check leaves out from its ranges.
  const inputs = withDefaultRanges(calc, check.inputs, catalog, label);
  const { uncertain } = splitInputs(calc, inputs, label);
  if (uncertain.length === 0)
    return {
      outputs: run(calc, check.inputs, catalog, label).outputs,
      intervals: {} as Record<string, [number, number]>,
    };
  const mc = runMonteCarlo(calc, inputs, catalog, {
    samples: CHECK_SAMPLES,
    seed: 1,
    quantiles: [0.05, 0.5, 0.95],
    label,
  });
  const outputs: CalculatorResult['outputs'] = {};
  const intervals: Record<string, [number, number]> = {};
  for (const spec of calc.outputs) {
    const s = mc.outputs[spec.name];
    if (!s) continue;
    const [p5, p50, p95] = [s.quantiles.p5, s.quantiles.p50, s.quantiles.p95] as [number, number, number];
    const show = (v: number) => formatQuantity(v, spec.dimension);
    outputs[spec.name] = { value: p50, unit: s.unit, display: `${show(p50)} (${show(p5)} to ${show(p95)})` };
    intervals[spec.name] = [p5, p95];
  }
  return { outputs, intervals };
}

function evaluateCheck(
  check: Check,
  index: number,
  kind: CheckFile['kind'],
  catalog: Catalog,
  locate: Locate,
): CheckResult {
  const at = (...path: PropertyKey[]) => locate(['checks', index, ...path]);
  const calc = withContext(at('calculator'), () => findCalculator(check.calculator as string));
  const label = (name: string) => `${at('inputs', name)}: checks[${index}].inputs.${name}`;
  const result = runCheckInputs(calc, check, catalog, label);
  const expectations = check.expect.map((expectation, e): ExpectationResult => {
    const spec = outputSpec(calc, expectation.output, at('expect', e, 'output'));
    const out = result.outputs[expectation.output];
    if (!out)
      throw new InputError(
        `${at('expect', e, 'output')}: ${calc.name} gives no ${expectation.output} for these inputs`,
      );
    const { reference, ...judged } = judgeExpectation(expectation, spec.dimension, out.value, {
      kind,
      where: `${at('expect', e, 'value')}: checks[${index}].expect[${e}].value`,
      noFigure: 'model estimate (no figure claimed)',
      interval: result.intervals[expectation.output],
    });
    const closest =
      reference !== undefined && kind === 'claims'
        ? closestReading({ calc, check, catalog, label }, expectation.output, reference.value)
        : undefined;
    return {
      output: expectation.output,
      label: spec.label,
      reference,
      model: { value: out.value, display: out.display },
      ...judged,
      closest,
    };
  });
  return checkResult(check, kind, { calculator: calc.name }, expectations);
}

/**
 * Evaluate a check file's text against the model. Pure: the caller reads the files (the
 * check file, and through `read` the scenarios its checks name, relative to it).
 */
export function evaluateCheckFile(
  text: string,
  file: string,
  catalog: Catalog,
  read: ScenarioReader = noScenarios,
): CheckFileResult {
  const { data, locate } = parseYamlLocated(text, file, checkFileSchema);
  const ids = new Set<string>();
  data.checks.forEach((check, i) => {
    if (ids.has(check.id))
      throw new InputError(`${locate(['checks', i, 'id'])}: duplicate check id '${check.id}'`);
    ids.add(check.id);
  });
  const scenarios = new ScenarioRuns(catalog, read);
  const results = data.checks.map((check, i) =>
    check.scenario !== undefined
      ? evaluateScenarioCheck(check, i, data.kind, locate, scenarios)
      : evaluateCheck(check, i, data.kind, catalog, locate),
  );
  const failures =
    data.kind === 'published'
      ? results.reduce((n, r) => n + r.expectations.filter((e) => e.holds === false).length, 0)
      : 0;
  return { file, kind: data.kind, results, failures, outOfScope: data.out_of_scope };
}
