import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Calculator } from '../calculators/types.js';
import type { Catalog } from '../catalog/catalog.js';
import {
  BLOCK,
  type BlockTally,
  blockCount,
  finishMonteCarlo,
  type MonteCarloOptions,
  type MonteCarloResult,
  prepareMonteCarlo,
  sampleBlocks,
} from '../uncertainty/monte-carlo.js';
import type { WorkerTask } from './monte-carlo-worker.js';

/** Below this many samples a worker's start-up (loading the catalog) costs more than it saves. */
const PARALLEL_FROM = 200_000;

export const defaultWorkers = () => Math.max(1, Math.min(8, availableParallelism()));

/**
 * Monte Carlo across worker threads. The blocks are split into contiguous ranges, one per
 * worker; each worker rebuilds the run from plain data and tallies its range; the tallies
 * merge in block order, so the figures are the same for any number of workers.
 */
export async function runMonteCarloPool(
  calc: Calculator,
  raw: Record<string, unknown>,
  catalog: Catalog,
  options: MonteCarloOptions & { workers: number },
): Promise<MonteCarloResult> {
  // Validate on this thread first: a bad input fails once, with its flag named.
  const prepared = prepareMonteCarlo(calc, raw, catalog, options);
  const blocks = blockCount(options.samples);
  const workers = Math.min(options.workers, blocks);
  const progress = (done: number) =>
    options.onProgress?.(Math.min(options.samples, done * BLOCK), options.samples);
  if (workers <= 1 || options.samples < PARALLEL_FROM) {
    return finishMonteCarlo(prepared, options, [
      sampleBlocks(prepared, 0, blocks, options.samples, progress),
    ]);
  }
  let done = 0;
  const ranges = Array.from(
    { length: workers },
    (_, w) => [Math.floor((w * blocks) / workers), Math.floor(((w + 1) * blocks) / workers)] as const,
  );
  const { label: _label, onProgress: _onProgress, ...plain } = options;
  const tallies = await Promise.all(
    ranges.map(
      ([first, last]) =>
        new Promise<BlockTally>((resolve, reject) => {
          const task: WorkerTask = { calculator: calc.name, raw, options: plain, first, last };
          const worker = new Worker(new URL('./monte-carlo-worker.js', import.meta.url), {
            workerData: task,
          });
          worker.on(
            'message',
            (message: { kind: 'progress'; blocks: number } | { kind: 'done'; tally: BlockTally }) => {
              if (message.kind === 'progress') {
                done += message.blocks;
                progress(done);
              } else resolve(message.tally);
            },
          );
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0) reject(new Error(`Monte Carlo worker stopped with exit code ${code}`));
          });
        }),
    ),
  );
  return finishMonteCarlo(prepared, options, tallies);
}
