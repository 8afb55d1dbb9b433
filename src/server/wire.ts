import type { ClaimRow } from '../checks/claims-table.js';
import type { CheckFileResult } from '../checks/evaluate.js';
import type { SavedRunSummary } from '../store/runs.js';
import type { CalculatorInfo } from './calculator-view.js';
import type { ComparisonTables } from './compare-view.js';
import type { ScenarioView } from './scenario-view.js';

/**
 * The explorer's HTTP contract: every request body and JSON answer under /api, by name.
 * A shape is declared once, where the server builds it, and listed here; the answers the
 * routes put together inline are declared here. The server binds what it sends to these
 * types (`satisfies`), and web/src imports them from here, type-only (see web/tsconfig.json):
 * this module holds types alone, so nothing of the server's code reaches the browser.
 *
 *   GET    /api/calculators            CalculatorList
 *   GET    /api/calculators/:name      CalculatorInfo
 *   POST   /api/calculators/:name      CalculatorRequestBody → CalculatorView
 *   POST   /api/calculators/:name/sensitivity  SensitivityRequestBody → SensitivityView
 *   GET    /api/scenarios              ScenarioList
 *   GET    /api/scenarios/:id          ScenarioSource
 *   POST   /api/scenarios/run          ScenarioRequestBody → ScenarioView
 *   POST   /api/scenarios/xlsx         ScenarioRequestBody → an .xlsx workbook
 *   POST   /api/scenarios/sensitivity  ScenarioSensitivityBody → ScenarioSensitivityView
 *   GET    /api/frontier               FrontierInfo
 *   POST   /api/frontier               FrontierRequestBody → FrontierView
 *   GET    /api/claims                 ClaimsLedger
 *   GET    /api/sources                SourcesView
 *   GET    /api/catalog                CatalogParts (the page's model runs on it)
 *   GET    /api/runs                   RunList
 *   POST   /api/runs                   SaveRunRequestBody → SavedRunSummary
 *   GET    /api/runs/:id               SavedRun
 *   DELETE /api/runs/:id               DeletedRun
 *   GET    /api/compare?runs=ID,ID,…   Comparison
 *   any error                          ErrorAnswer
 */

export type { CatalogParts } from '../catalog/catalog.js';
export type { ClaimRow } from '../checks/claims-table.js';
export type { CheckFileResult, CheckResult, ExpectationResult } from '../checks/evaluate.js';
export type { RunKind, SavedRun, SavedRunSummary } from '../store/runs.js';
export type { SensitivityView } from './calculator-sensitivity.js';
export type { CalculatorInfo, CalculatorView, Field, OutputRow } from './calculator-view.js';
export type { FrontierField, FrontierInfo, FrontierView, FrontierYearView } from './frontier-view.js';
export type {
  CalculatorRequestBody,
  FrontierRequestBody,
  SaveRunRequestBody,
  ScenarioRequestBody,
  ScenarioSensitivityBody,
  SensitivityRequestBody,
} from './requests.js';
export type { Control } from './scenario-controls.js';
export type { ScenarioSensitivityView } from './scenario-sensitivity.js';
export type { ScenarioView } from './scenario-view.js';
export type { SourceRow, SourcesView } from './sources-view.js';

/** What every refusal and failure answers: the one sentence the page shows. */
export interface ErrorAnswer {
  error: string;
}

export interface CalculatorList {
  calculators: CalculatorInfo[];
}

/** The shipped scenarios, by id (the file's name) and the name the file gives. */
export interface ScenarioList {
  scenarios: Array<{ id: string; name: string }>;
}

/** A shipped scenario's text, as the editor starts from it. */
export interface ScenarioSource {
  id: string;
  /** Where it ships, e.g. "scenarios/stargate.yaml". */
  file: string;
  text: string;
}

/** The check files the explorer shows, each held against the model. */
export interface ClaimsLedger {
  /** The founding claims, one row each: the README's claims table. */
  founding: ClaimRow[];
  files: CheckFileResult[];
}

export interface RunList {
  runs: SavedRunSummary[];
}

export interface DeletedRun {
  deleted: number;
}

/**
 * Saved runs side by side (two or more, of one kind): what they were given differently,
 * each figure with its change from the first, and for scenarios their series on shared charts.
 */
export interface Comparison extends ComparisonTables {
  /** "A: name", "B: name", … in the order asked. */
  runs: Array<{ id: number; name: string; subject: string; label: string }>;
  charts: ScenarioView['charts'];
}
