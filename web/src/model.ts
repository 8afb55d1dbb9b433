import type { PageModel } from '@server/page-model';
import type { CatalogParts, FrontierView, ScenarioView } from '@server/wire';
import { api } from './api.js';
import type { WorkerAnswer, WorkerJob, WorkerRequest } from './mc-worker.js';

/**
 * The model in the page: loaded on first use (its code is a chunk of its own, the catalog
 * comes from /api/catalog), then every plain scenario edit runs here.
 */
let loading: Promise<PageModel> | undefined;
let loaded: PageModel | undefined;
let catalogParts: CatalogParts | undefined;

export function loadPageModel(): Promise<PageModel> {
  loading ??= Promise.all([import('@server/page-model'), api<CatalogParts>('/api/catalog')]).then(
    ([{ pageModel }, parts]) => {
      catalogParts = parts;
      loaded = pageModel(parts);
      // For the browser tests: edits from now on run in the page.
      (globalThis as { gigawattModelLoaded?: boolean }).gigawattModelLoaded = true;
      return loaded;
    },
  );
  return loading;
}

let running: Worker | undefined;
let idle: Worker | undefined;
let stop: (() => void) | undefined;

/** A worker that has been sent the catalog, so a job starts without loading it again. */
function spawnWorker(parts: CatalogParts): Worker {
  const worker = new Worker(new URL('./mc-worker.js', import.meta.url), { type: 'module' });
  worker.postMessage({ kind: 'catalog', parts } satisfies WorkerRequest);
  return worker;
}

/** Start a worker and give it the catalog ahead of the first job (once the model has loaded). */
export function warmWorker(): void {
  if (catalogParts && !idle && !running) idle = spawnWorker(catalogParts);
}

/**
 * A scenario with ranges run in a web worker, with progress; a new run ends the one before
 * (its inputs are stale). Undefined when the model has not loaded yet.
 */
export function monteCarloInWorker(
  request: Extract<WorkerJob, { kind: 'scenario' }>['request'],
  onProgress: (done: number, total: number) => void,
): Promise<ScenarioView> | undefined {
  return inWorker({ kind: 'scenario', request }, onProgress) as Promise<ScenarioView> | undefined;
}

/** The frontier run year by year in the worker; undefined before the model has loaded. */
export function frontierInWorker(
  request: Extract<WorkerJob, { kind: 'frontier' }>['request'],
): Promise<FrontierView> | undefined {
  return inWorker({ kind: 'frontier', request }, () => undefined) as Promise<FrontierView> | undefined;
}

function inWorker(
  job: WorkerJob,
  onProgress: (done: number, total: number) => void,
): Promise<ScenarioView | FrontierView> | undefined {
  const parts = catalogParts;
  if (!parts) return undefined;
  cancelMonteCarlo();
  const worker = idle ?? spawnWorker(parts);
  idle = undefined;
  running = worker;
  return new Promise<ScenarioView | FrontierView>((resolve, reject) => {
    stop = () => reject(new Error('cancelled: the inputs changed'));
    const onMessage = (event: MessageEvent<WorkerAnswer>) => {
      const answer = event.data;
      if (answer.kind === 'progress') return onProgress(answer.done, answer.total);
      // Done: the worker keeps its catalog and waits for the next job.
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      if (running === worker) running = undefined;
      if (idle) worker.terminate();
      else idle = worker;
      stop = undefined;
      if (answer.kind === 'done') resolve(answer.view);
      else reject(new Error(answer.message));
    };
    const onError = (event: ErrorEvent) =>
      reject(new Error(event.message || 'the Monte Carlo worker failed'));
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage({ kind: 'job', job } satisfies WorkerRequest);
  });
}

/** End the run in the worker, if any (its inputs changed), and warm a fresh worker for the next. */
export function cancelMonteCarlo(): void {
  if (running) {
    running.terminate();
    running = undefined;
    warmWorker();
  }
  stop?.();
  stop = undefined;
}

/** The model once it has loaded; undefined before. */
export const pageModelNow = (): PageModel | undefined => loaded;

/** Input-to-paint times of edits the page computed itself (ms): the e2e suite reports their median. */
export const paintTimes: number[] = [];
(globalThis as { gigawattPaintTimes?: number[] }).gigawattPaintTimes = paintTimes;
