import type { Catalog } from '../catalog/catalog.js';
import { shareOfWorld } from '../catalog/world.js';
import { InputError, own, unknownId, withContext } from '../errors.js';
import { withUnspentMoney } from '../scenario/claims.js';
import { parseScenario } from '../scenario/load.js';
import { YEAR_OUTPUTS, type YearOutput, type YearRow } from '../scenario/outputs.js';
import { runParsedScenario, runParsedScenarioUncertain } from '../scenario/run.js';
import { formatQuantity } from '../units/format.js';
import { type CheckResult, checkResult, type ExpectationResult, judgeExpectation } from './results.js';
import type { Check, CheckFile } from './schema.js';

/** Reads a scenario a check names (relative to the check file): its text and the name to report it by. */
export type ScenarioReader = (path: string) => { text: string; file: string };

export const noScenarios: ScenarioReader = (path) => {
  throw new InputError(`${path}: scenario checks need their scenario files read`);
};

/** Samples of a scenario with uncertain numbers: enough for a stable median and 90% interval. */
const SCENARIO_CHECK_SAMPLES = 1000;

interface ScenarioResult {
  file: string;
  rows: YearRow[];
  /** A program's years are read against the world baseline; a world's are not. */
  isWorld: boolean;
  /** Each year's 90% interval of an output, when the scenario is uncertain. */
  interval?: (year: number, output: YearOutput) => [number, number];
}

/** The scenarios a check file names, each run once however many checks read it. */
export class ScenarioRuns {
  private readonly runs = new Map<string, ScenarioResult>();

  constructor(
    private readonly catalog: Catalog,
    private readonly read: ScenarioReader,
  ) {}

  /** A program's figure as a share of the world's that year (when the world baseline has the output). */
  worldShare(output: YearOutput, year: number, value: number): number | undefined {
    return this.catalog.world ? shareOfWorld(this.catalog.world, output, year, value) : undefined;
  }

  get(path: string): ScenarioResult {
    const found = this.runs.get(path);
    if (found) return found;
    const { text, file } = this.read(path);
    const parsed = parseScenario(text, file, this.catalog);
    let result: ScenarioResult;
    const isWorld = parsed.scenario.world !== undefined;
    if (parsed.uncertain.length === 0)
      result = { file, isWorld, rows: runParsedScenario(parsed, this.catalog).yearly };
    else {
      const run = runParsedScenarioUncertain(parsed, this.catalog, {
        samples: SCENARIO_CHECK_SAMPLES,
        seed: 1,
        quantiles: [0.05, 0.5, 0.95],
      });
      result = {
        file,
        isWorld,
        rows: run.medianRows,
        interval: (year, output) => {
          const q = run.mc.yearly.find((y) => y.year === year)?.outputs[output]?.quantiles;
          return [q?.p5 ?? 0, q?.p95 ?? 0];
        },
      };
    }
    this.runs.set(path, result);
    return result;
  }
}

/** A check of figures about years of a scenario's run, e.g. the world's installed H100e in 2025. */
export function evaluateScenarioCheck(
  check: Check,
  index: number,
  kind: CheckFile['kind'],
  locate: (path: ReadonlyArray<PropertyKey>) => string,
  scenarios: ScenarioRuns,
): CheckResult {
  const at = (...path: PropertyKey[]) => `${locate(['checks', index, ...path])}`;
  const path = check.scenario as string;
  const run = withContext(at('scenario'), () => scenarios.get(path));
  const expectations = check.expect.map((expectation, e): ExpectationResult => {
    const where = (key: string) => `${at('expect', e, key)}: checks[${index}].expect[${e}].${key}`;
    const spec = own(YEAR_OUTPUTS, expectation.output);
    if (!spec)
      throw new InputError(
        `${where('output')}: ${unknownId('yearly output', expectation.output, Object.keys(YEAR_OUTPUTS))}`,
      );
    const output = expectation.output as YearOutput;
    const year = expectation.year as number;
    const row = run.rows.find((r) => r.year === year);
    if (!row) {
      const span = `${run.rows[0]?.year}-${run.rows[run.rows.length - 1]?.year}`;
      throw new InputError(`${where('year')}: ${year} is outside ${run.file}'s span (${span})`);
    }
    const model = row[output] as number;
    // An interval that collapses to the median (a history year) is no interval.
    const spread = run.interval?.(year, output);
    const interval = spread && spread[1] > spread[0] * (1 + 1e-9) ? spread : undefined;
    const show = (v: number) => formatQuantity(v, spec.dimension);
    const { reference, ...judged } = judgeExpectation(expectation, spec.dimension, model, {
      kind,
      where: where('value'),
      noFigure: 'model estimate (no figure given)',
      interval,
    });
    if (reference)
      judged.verdict = withUnspentMoney(judged.verdict, {
        dimension: spec.dimension,
        claimed: reference.value,
        model,
        holds: judged.holds,
        row,
      });
    return {
      output,
      year,
      label: spec.label,
      reference,
      model: {
        value: model,
        display: interval ? `${show(model)} (${show(interval[0])} to ${show(interval[1])})` : show(model),
      },
      ...judged,
      world: run.isWorld
        ? undefined
        : { share: scenarios.worldShare(output, year, model), binding: row.binding },
    };
  });
  return checkResult(check, kind, { scenario: run.file }, expectations);
}
