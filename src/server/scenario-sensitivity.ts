import type { Catalog } from '../catalog/catalog.js';
import { tornadoSvg } from '../report/tornado.js';
import { parseScenario } from '../scenario/load.js';
import { YEAR_OUTPUTS, type YearOutput } from '../scenario/outputs.js';
import { applyOverrides } from '../scenario/overrides.js';
import { scenarioSensitivity } from '../scenario/sensitivity.js';
import { formatQuantity } from '../units/format.js';
import type { ScenarioRunOptions } from './scenario-view.js';

/** A scenario's tornado for one yearly output in one year, as the page shows it (the CLI's --sensitivity). */
export interface ScenarioSensitivityView {
  label: string;
  base: string;
  rows: Array<{ input: string; low: string; high: string; swing: string }>;
  tornado: string;
}

export function scenarioSensitivityView(
  request: Pick<ScenarioRunOptions, 'text' | 'file' | 'overrides'> & { output: string; year: number },
  catalog: Catalog,
): ScenarioSensitivityView {
  const { text } = applyOverrides(request.text, request.overrides);
  const parsed = parseScenario(text, request.file, catalog);
  const r = scenarioSensitivity(parsed, catalog, `${request.output}@${request.year}`, 'output');
  const show = (v: number) => formatQuantity(v, r.dimension);
  const label = `${YEAR_OUTPUTS[r.output as YearOutput].label} in ${r.year}`;
  return {
    label,
    base: show(r.base),
    rows: r.rows.map((row) => ({
      input: row.input,
      low: show(row.low),
      high: show(row.high),
      swing: show(row.swing),
    })),
    tornado: tornadoSvg(`Sensitivity of ${label}`, r.base, r.rows, 1, '', show),
  };
}
