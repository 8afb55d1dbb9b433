import { pageModel } from '@server/page-model';
import type { CatalogParts, ScenarioView } from '@server/wire';

/**
 * Monte Carlo of a scenario with ranges, off the page's thread: the page posts the catalog
 * and the scenario, the worker answers with progress and the view. The page cancels a run
 * by ending the worker when the inputs change.
 */
export type WorkerRequest = {
  parts: CatalogParts;
  request: { text: string; file: string; overrides: Record<string, string>; samples: number };
};
export type WorkerAnswer =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; view: ScenarioView }
  | { kind: 'error'; message: string };

const post = (answer: WorkerAnswer) =>
  (self as unknown as { postMessage(a: WorkerAnswer): void }).postMessage(answer);

self.addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
  try {
    const model = pageModel(event.data.parts);
    const view = await model.uncertainView(event.data.request, (done, total) =>
      post({ kind: 'progress', done, total }),
    );
    post({ kind: 'done', view });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
