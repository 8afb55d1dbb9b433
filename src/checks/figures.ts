import { YEAR_OUTPUTS, type YearOutput } from '../scenario/outputs.js';
import { parseQuantity } from '../units/parse.js';
import { parseYamlLocated } from '../yaml/document.js';
import { checkFileSchema } from './schema.js';

/** A figure a check file gives for a year of a scenario, in SI units. */
export interface ScenarioFigure {
  id: string;
  output: YearOutput;
  year: number;
  value: number;
}

/**
 * The figures of a check file's scenario checks whose scenario path ends with `scenario`
 * (e.g. "world.yaml"): what a chart marks beside the run. Checks with outputs the chart
 * cannot read, or no figure, are skipped.
 */
export function scenarioFigures(text: string, file: string, scenario: string): ScenarioFigure[] {
  const { data } = parseYamlLocated(text, file, checkFileSchema);
  return data.checks
    .filter((check) => check.scenario?.endsWith(scenario))
    .flatMap((check) =>
      check.expect.flatMap((e) => {
        const spec = Object.hasOwn(YEAR_OUTPUTS, e.output) ? YEAR_OUTPUTS[e.output as YearOutput] : undefined;
        if (!spec || e.value === undefined || e.year === undefined) return [];
        return [
          {
            id: check.id,
            output: e.output as YearOutput,
            year: e.year,
            value: parseQuantity(e.value, spec.dimension),
          },
        ];
      }),
    );
}
