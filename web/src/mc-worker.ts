import { pageModel } from '@server/page-model';
import type { CatalogParts, FrontierView, ScenarioView } from '@server/wire';

/**
 * Monte Carlo off the page's thread (a scenario with ranges, the frontier run): the page
 * posts the catalog once, then jobs; the worker answers each with progress and the view. The
 * page cancels a run by ending the worker when the inputs change (and starts a fresh one).
 */
export type WorkerJob =
  | {
      kind: 'scenario';
      request: { text: string; file: string; overrides: Record<string, string>; samples: number };
    }
  | {
      kind: 'frontier';
      request: { inputs: Record<string, string>; from: number; to: number; samples: number };
    };
export type WorkerRequest = { kind: 'catalog'; parts: CatalogParts } | { kind: 'job'; job: WorkerJob };
export type WorkerAnswer =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; view: ScenarioView | FrontierView }
  | { kind: 'error'; message: string };

const post = (answer: WorkerAnswer) =>
  (self as unknown as { postMessage(a: WorkerAnswer): void }).postMessage(answer);

let model: ReturnType<typeof pageModel> | undefined;

self.addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.kind === 'catalog') {
    // Built once per worker, before any job arrives: a job then starts at once.
    model = pageModel(request.parts);
    return;
  }
  try {
    if (!model) throw new Error('the worker has no catalog yet');
    const { job } = request;
    const view =
      job.kind === 'frontier'
        ? model.frontier(job.request)
        : await model.uncertainView(job.request, (done, total) => post({ kind: 'progress', done, total }));
    post({ kind: 'done', view });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
