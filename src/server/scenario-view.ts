import type { Catalog } from '../catalog/catalog.js';
import { runScenarioMonteCarloPool } from '../io/monte-carlo-pool.js';
import { scenarioPanels } from '../report/chart.js';
import { fanPanels } from '../report/fan-chart.js';
import { MONTH_FIELDS } from '../scenario/fields.js';
import { parseScenario } from '../scenario/load.js';
import { YEAR_OUTPUTS, type YearOutput, type YearRow } from '../scenario/outputs.js';
import { applyOverrides } from '../scenario/overrides.js';
import {
  judgeUncertainRun,
  monthlyQuantileRecords,
  runParsedScenario,
  withIntervalQuantiles,
} from '../scenario/run.js';
import { formatQuantity } from '../units/format.js';

/**
 * A scenario run as the server does it: the text a `ScenarioRequest` body (requests.ts)
 * names, read and settled, with where and until when Monte Carlo may run.
 */
export interface ScenarioRunOptions {
  /** The scenario file's text and the name errors call it by. */
  text: string;
  file: string;
  /** Assumption edits, written as in a scenario file: {"pue": "1.3", "mfu": "35% to 45%"}. */
  overrides: Record<string, string>;
  /** Monte Carlo samples when the scenario (or an edit) has distributions. */
  samples: number;
  seed: number;
  workers: number;
  /** Wall-clock time (ms since the epoch) after which Monte Carlo gives up. */
  deadline: number;
}

type YearKey = YearOutput;

import {
  chartOf,
  comparable,
  plainScenarioView,
  type ScenarioView,
  viewBase,
  worldView,
} from './scenario-view-plain.js';

export type { ScenarioView } from './scenario-view-plain.js';

export async function scenarioView(request: ScenarioRunOptions, catalog: Catalog): Promise<ScenarioView> {
  const plain = plainScenarioView(request, catalog);
  if (plain) return plain;
  const { parsed, edited, base } = viewBase(request, catalog);
  const { outputs } = base;
  const show = (key: YearKey, v: number) => formatQuantity(v, YEAR_OUTPUTS[key].dimension);
  const mc = await runScenarioMonteCarloPool(
    parsed,
    edited,
    catalog,
    withIntervalQuantiles({
      samples: request.samples,
      seed: request.seed,
      quantiles: [0.05, 0.5, 0.95],
      workers: request.workers,
      deadline: request.deadline,
    }),
  );
  const run = judgeUncertainRun(parsed, mc, catalog);
  const bands = fanPanels(run);
  // Bands where Monte Carlo gives them (power, accelerators, FLOP/s, capex); opex and binding from the median run.
  const charts = scenarioPanels(run.atMedians).map((p) => bands.find((b) => b.id === p.id) ?? p);
  const p50 = (series: keyof (typeof mc.monthly)[number]['series']) =>
    mc.monthly.map((m) => m.series[series]?.quantiles.p50 ?? 0);
  return {
    ...base,
    samples: request.samples,
    yearly: mc.yearly.map((y, i) => {
      const q = (key: YearKey) => y.outputs[key]?.quantiles ?? {};
      const { binding, ...medians } = run.medianRows[i] as YearRow;
      return {
        year: y.year,
        values: Object.fromEntries(outputs.map(({ key }) => [key, medians[key] as number])),
        cells: Object.fromEntries(
          outputs.map(({ key }) => {
            const v = q(key);
            // A year every sample agrees on (a history) is one figure, not an interval.
            if ((v.p95 ?? 0) <= (v.p5 ?? 0) * (1 + 1e-9)) return [key, show(key, v.p50 ?? 0)];
            return [key, `${show(key, v.p50 ?? 0)} (${show(key, v.p5 ?? 0)} to ${show(key, v.p95 ?? 0)})`];
          }),
        ),
        binding,
      };
    }),
    claims: run.claims,
    world: worldView(run.world),
    charts: charts.map(chartOf),
    series: comparable(
      mc.monthly.map((m) => m.month),
      (field) => p50(MONTH_FIELDS[field].column as keyof (typeof mc.monthly)[number]['series']),
    ),
    records: monthlyQuantileRecords(run),
  };
}

/** A scenario, with the page's edits, as an Excel workbook (base64, to travel as JSON from a job). */
export async function scenarioWorkbookBase64(
  request: Pick<ScenarioRunOptions, 'text' | 'file' | 'overrides'>,
  catalog: Catalog,
): Promise<{ name: string; base64: string }> {
  const { text } = applyOverrides(request.text, request.overrides);
  const file = Object.keys(request.overrides).length > 0 ? `${request.file} (with your edits)` : request.file;
  const parsed = parseScenario(text, file, catalog);
  // A scenario with ranges is written at its medians: a workbook holds one run.
  const run = runParsedScenario(parsed, catalog);
  const { scenarioWorkbook } = await import('../report/xlsx.js');
  return {
    name: parsed.scenario.name,
    base64: Buffer.from(await scenarioWorkbook(run, catalog)).toString('base64'),
  };
}
