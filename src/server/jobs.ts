import { join } from 'node:path';
import { findCalculator } from '../calculators/registry.js';
import type { Catalog } from '../catalog/catalog.js';
import { claimRows } from '../checks/claims-table.js';
import type { CheckFileResult } from '../checks/evaluate.js';
import { InputError } from '../errors.js';
import { evaluateCheckFileOnDisk } from '../io/check-files.js';
import { panelSvg } from '../report/chart.js';
import { type ComparableSeries, comparisonPanels } from '../report/comparison-chart.js';
import { type SensitivityRequest, sensitivityView } from './calculator-sensitivity.js';
import { type CalculatorRunOptions, calculatorView } from './calculator-view.js';
import { type FrontierRunOptions, frontierView } from './frontier-view.js';
import { HttpError, notFound } from './http.js';
import { scenarioSensitivityView } from './scenario-sensitivity.js';
import { type ScenarioRunOptions, scenarioView, scenarioWorkbookBase64 } from './scenario-view.js';
import type { ClaimsLedger, Comparison } from './wire.js';

/**
 * The explorer's heavy work, as plain data in and JSON text out, so it can run on a
 * worker thread and never hold the server's event loop: scenario runs (with their charts),
 * Monte Carlo calculator runs, the claims ledger, and comparison charts.
 */
export type Job =
  | { kind: 'scenario'; request: Omit<ScenarioRunOptions, 'workers'> }
  | { kind: 'calculator'; name: string; request: Omit<CalculatorRunOptions, 'workers'> }
  | { kind: 'frontier'; request: FrontierRunOptions }
  | { kind: 'sensitivity'; name: string; request: SensitivityRequest }
  | { kind: 'workbook'; request: Pick<ScenarioRunOptions, 'text' | 'file' | 'overrides'> }
  | {
      kind: 'scenario-sensitivity';
      request: Pick<ScenarioRunOptions, 'text' | 'file' | 'overrides'> & { output: string; year: number };
    }
  | { kind: 'claims'; checksDir: string }
  | { kind: 'compare'; runs: Array<{ label: string; series: ComparableSeries }> };

/** Runs jobs: on worker threads in a server (job-pool.ts), or on this thread in tests. */
export interface JobRunner {
  /** The job's answer as JSON text; rejects with an HttpError or InputError the client should see. */
  run(job: Job, deadline: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * The largest answer one request may get. A scenario at its largest (100 years monthly,
 * 200 sites) answers in a few megabytes; anything bigger is refused rather than sent.
 */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** The claims files the explorer shows. */
const CLAIM_FILES = ['seed-claims.yaml', 'published.yaml', 'forecasts.yaml'];

/** Do one job on this thread. Monte Carlo runs on this thread too (one thread per job). */
export async function runJob(job: Job, catalog: Catalog): Promise<string> {
  const answer = await jobAnswer(job, catalog);
  const text = JSON.stringify(answer);
  if (text.length > MAX_RESPONSE_BYTES)
    throw new HttpError(
      422,
      `the answer would be ${(text.length / 1024 / 1024).toFixed(0)} MB, over the limit of ${MAX_RESPONSE_BYTES / 1024 / 1024} MB; shorten the span or ask for fewer samples`,
    );
  return text;
}

async function jobAnswer(job: Job, catalog: Catalog): Promise<unknown> {
  switch (job.kind) {
    case 'scenario':
      return scenarioView({ ...job.request, workers: 1 }, catalog);
    case 'calculator':
      return calculatorView(calculatorOr404(job.name), { ...job.request, workers: 1 }, catalog);
    case 'frontier':
      return frontierView(job.request, catalog);
    case 'scenario-sensitivity':
      return scenarioSensitivityView(job.request, catalog);
    case 'workbook':
      return scenarioWorkbookBase64(job.request, catalog);
    case 'sensitivity':
      return sensitivityView(calculatorOr404(job.name), job.request, catalog);
    case 'claims': {
      // Scenarios a check names sit beside the checks folder, as the CLI finds them.
      const files = CLAIM_FILES.map((f) =>
        evaluateCheckFileOnDisk(join(job.checksDir, f), catalog, `checks/${f}`),
      );
      return { founding: claimRows(files[0] as CheckFileResult), files } satisfies ClaimsLedger;
    }
    case 'compare': {
      const charts: Comparison['charts'] = comparisonPanels(job.runs).map((p) => ({
        id: p.id,
        title: p.title,
        svg: panelSvg(p),
      }));
      return charts;
    }
  }
}

/** A calculator by name; an unknown one is a 404 that names the nearest. */
export function calculatorOr404(name: string) {
  try {
    return findCalculator(name);
  } catch (error) {
    if (error instanceof InputError) throw notFound(error.message);
    throw error;
  }
}

/** Jobs on this thread, one after another as they come: for tests and scripts. */
export class InlineJobs implements JobRunner {
  constructor(private readonly catalog: Catalog) {}

  run(job: Job): Promise<string> {
    return runJob(job, this.catalog);
  }

  async close(): Promise<void> {}
}
