import { parentPort, workerData } from 'node:worker_threads';
import { findCalculator } from '../calculators/registry.js';
import { type MonteCarloOptions, prepareMonteCarlo, sampleBlocks } from '../uncertainty/monte-carlo.js';
import { loadCatalog } from './catalog-files.js';

/** One worker of the Monte Carlo pool: rebuild the run from plain data, sample its block range. */
export interface WorkerTask {
  calculator: string;
  raw: Record<string, unknown>;
  options: Omit<MonteCarloOptions, 'label' | 'onProgress'>;
  first: number;
  last: number;
}

const task = workerData as WorkerTask;
const prepared = prepareMonteCarlo(findCalculator(task.calculator), task.raw, loadCatalog(), task.options);
let reported = task.first;
const tally = sampleBlocks(prepared, task.first, task.last, task.options.samples, (done) => {
  // Progress every 16 blocks keeps messages cheap.
  if (done - reported >= 16 || done === task.last) {
    parentPort?.postMessage({ kind: 'progress', blocks: done - reported });
    reported = done;
  }
});
const transfer = tally.sketches.map((s) => s.counts.buffer as ArrayBuffer);
parentPort?.postMessage({ kind: 'done', tally }, transfer);
