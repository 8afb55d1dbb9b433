import { parentPort } from 'node:worker_threads';
import { findCalculator } from '../calculators/registry.js';
import type { Catalog } from '../catalog/catalog.js';
import { type MonteCarloOptions, prepareMonteCarlo, sampleBlocks } from '../uncertainty/monte-carlo.js';
import { loadCatalog } from './catalog-files.js';

/** One task for a pool worker: rebuild the run from plain data, sample its block range. */
export interface WorkerTask {
  id: number;
  calculator: string;
  raw: Record<string, unknown>;
  options: Omit<MonteCarloOptions, 'label' | 'onProgress'>;
  first: number;
  last: number;
}

export type WorkerMessage =
  | { id: number; kind: 'progress'; blocks: number }
  | { id: number; kind: 'done'; tally: ReturnType<typeof sampleBlocks> }
  | { id: number; kind: 'error'; message: string };

// Workers live as long as the pool, so the catalog is read once per worker, not per task.
let catalog: Catalog | undefined;

parentPort?.on('message', (task: WorkerTask) => {
  const post = (message: WorkerMessage, transfer?: ArrayBuffer[]) =>
    parentPort?.postMessage(message, transfer);
  try {
    catalog ??= loadCatalog();
    const prepared = prepareMonteCarlo(findCalculator(task.calculator), task.raw, catalog, task.options);
    let reported = task.first;
    const tally = sampleBlocks(prepared, task.first, task.last, task.options.samples, (done) => {
      // Progress every 16 blocks keeps messages cheap.
      if (done - reported >= 16 || done === task.last) {
        post({ id: task.id, kind: 'progress', blocks: done - reported });
        reported = done;
      }
    });
    post(
      { id: task.id, kind: 'done', tally },
      tally.sketches.map((s) => s.counts.buffer as ArrayBuffer),
    );
  } catch (error) {
    post({ id: task.id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
