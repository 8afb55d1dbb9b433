import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioFigures } from '../checks/figures.js';
import type { ChartMark } from '../report/fan-chart.js';
import { MONTH_FIELDS } from '../scenario/fields.js';
import { YEAR_OUTPUTS } from '../scenario/outputs.js';

/** The shipped forecasts, beside the data. */
const FORECASTS_FILE = 'checks/forecasts.yaml';
const FORECASTS_PATH = fileURLToPath(new URL(`../../${FORECASTS_FILE}`, import.meta.url));

/**
 * The shipped forecasts of the world scenario as chart marks: each figure of a charted
 * end-of-year output at the December of its year, labelled by who published it.
 */
export function worldForecastMarks(): ChartMark[] {
  const figures = scenarioFigures(readFileSync(FORECASTS_PATH, 'utf8'), FORECASTS_FILE, 'world.yaml');
  return figures.flatMap((f) => {
    const reads = YEAR_OUTPUTS[f.output].reads;
    const field = reads.length === 1 ? reads[0] : undefined;
    const spec = field ? MONTH_FIELDS[field] : undefined;
    // Only a stock read at the year's end sits on its month series (power, H100e, capex).
    if (!spec || !('chart' in spec) || f.output.endsWith('_added') || f.output === 'capex') return [];
    return [
      { column: spec.column, month: f.year * 12 + 11, value: f.value, label: f.id.split('-')[0] ?? f.id },
    ];
  });
}
