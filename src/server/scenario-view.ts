import type { Catalog } from '../catalog/catalog.js';
import { runScenarioMonteCarloPool } from '../io/monte-carlo-pool.js';
import { parseScenario } from '../scenario/load.js';
import { applyOverrides } from '../scenario/overrides.js';
import { runParsedScenario } from '../scenario/run.js';
import { plainScenarioView, type ScenarioView, uncertainScenarioView } from './scenario-view-plain.js';

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

export type { ScenarioView } from './scenario-view-plain.js';

export async function scenarioView(request: ScenarioRunOptions, catalog: Catalog): Promise<ScenarioView> {
  return (
    plainScenarioView(request, catalog) ??
    uncertainScenarioView(request, catalog, (parsed, text, options) =>
      runScenarioMonteCarloPool(parsed, text, catalog, {
        ...options,
        workers: request.workers,
        deadline: request.deadline,
      }),
    )
  );
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
