import { Worker } from 'node:worker_threads';
import {
  BLOCK,
  finishMonteCarlo,
  type MonteCarloOptions,
  type MonteCarloResult,
  prepareMonteCarlo,
} from '../calculators/monte-carlo.js';
import type { Calculator } from '../calculators/types.js';
import type { Catalog } from '../catalog/catalog.js';
import { InputError } from '../errors.js';
import type { ParsedScenario } from '../scenario/inputs.js';
import {
  finishScenarioMonteCarlo,
  prepareScenarioMonteCarlo,
  SCENARIO_BLOCK,
  type ScenarioMonteCarlo,
  type ScenarioMonteCarloOptions,
  scenarioBlockCount,
} from '../scenario/monte-carlo.js';
import { type BlockClaim, blockRange, sharedBlocks } from '../uncertainty/blocks.js';
import { blockCount, sampleBlocks, type Tally } from '../uncertainty/driver.js';
import type { WorkerMessage, WorkerTask } from './monte-carlo-worker.js';

/**
 * Below this many samples, starting workers (module loading, the catalog, warm-up: about
 * 0.3 s) costs more than it saves. Once they are running, a split pays from a few blocks:
 * a task costs a message each way and a few hundred microseconds of set-up.
 */
const PARALLEL_FROM = 200_000;
const WARM_PARALLEL_FROM = 8_000;

/**
 * Workers are started on first use and kept for later runs (a server runs many), so a
 * run pays for module loading and warm-up once. They are unref'd: an idle pool never keeps
 * the process alive.
 */
const pool: Worker[] = [];
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
let nextTask = 0;

function workerAt(index: number): Worker {
  let worker = pool[index];
  if (!worker) {
    worker = new Worker(new URL('./monte-carlo-worker.js', import.meta.url));
    worker.unref();
    worker.on('exit', () => {
      const at = pool.indexOf(worker as Worker);
      if (at >= 0) pool.splice(at, 1);
    });
    pool[index] = worker;
  }
  return worker;
}

/** Tasks sent to workers so far (each split run sends one per worker). */
export const monteCarloPoolTasks = () => nextTask;

/** The smallest run worth splitting: lower once the workers it needs (`workers`) are already running. */
const splitFrom = (workers: number, cold: number, warm: number) => (pool.length >= workers ? warm : cold);

/** Stop the pool's workers (tests and servers shutting down). */
export async function closeMonteCarloPool(): Promise<void> {
  await Promise.all(pool.splice(0).map((w) => w.terminate()));
}

/** Send one block range to a worker and wait for its tally. */
function runOnWorker(
  worker: Worker,
  task: DistributiveOmit<WorkerTask, 'id'>,
  onBlocks: (blocks: number) => void,
): Promise<Tally> {
  const id = nextTask++;
  return new Promise<Tally>((resolve, reject) => {
    const onMessage = (message: WorkerMessage) => {
      if (message.id !== id) return;
      if (message.kind === 'progress') return onBlocks(message.blocks);
      settle();
      if (message.kind === 'done') resolve(message.tally as Tally);
      // An input problem found on a worker (a deadline passed) is still the user's to fix.
      else if (message.input) reject(new InputError(message.message));
      else reject(new Error(`Monte Carlo worker failed: ${message.message}`));
    };
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    const onExit = (code: number) => {
      settle();
      reject(new Error(`Monte Carlo worker stopped with exit code ${code}`));
    };
    const settle = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ ...task, id });
  });
}

/**
 * Run a split run's blocks on `threads` threads: this one and threads - 1 pool workers, all
 * taking the next block from one shared counter until none is left. This thread starts at
 * once, so a worker slow to wake simply runs fewer blocks. Each block's figures depend only
 * on its index and tallies merge in block order, so any split gives the same figures.
 */
async function acrossThreads(
  blocks: number,
  threads: number,
  task: (counter: SharedArrayBuffer) => DistributiveOmit<WorkerTask, 'id'>,
  here: (claim: BlockClaim, onBlock: () => void) => Tally,
  progress: (blocksDone: number) => void,
): Promise<Tally[]> {
  let done = 0;
  const report = (n: number) => {
    done += n;
    progress(done);
  };
  const counter = new SharedArrayBuffer(4);
  const others = Array.from({ length: threads - 1 }, (_, w) =>
    runOnWorker(workerAt(w), task(counter), report),
  );
  let mine: Tally;
  try {
    mine = here(sharedBlocks(new Int32Array(counter), blocks), () => report(1));
  } catch (error) {
    // Let the workers finish (or fail) before giving up, so none of them fails unheard.
    await Promise.allSettled(others);
    throw error;
  }
  return [mine, ...(await Promise.all(others))];
}

/**
 * Monte Carlo across `workers` threads: this one and workers - 1 pool workers. Each worker
 * rebuilds the run from plain data and tallies the blocks it takes.
 */
export async function runMonteCarloPool(
  calc: Calculator,
  raw: Record<string, unknown>,
  catalog: Catalog,
  options: MonteCarloOptions & { workers: number },
): Promise<MonteCarloResult> {
  // Validate on this thread first: a bad input fails once, with its flag named.
  const prepared = prepareMonteCarlo(calc, raw, catalog, options);
  const blocks = blockCount(options.samples, BLOCK);
  const threads = Math.min(options.workers, blocks);
  const progress = (done: number) =>
    options.onProgress?.(Math.min(options.samples, done * BLOCK), options.samples);
  if (threads <= 1 || options.samples < splitFrom(threads - 1, PARALLEL_FROM, WARM_PARALLEL_FROM)) {
    let done = 0;
    // No callback without a listener: a fresh closure per run would unsettle optimized code.
    const onBlock = options.onProgress && (() => progress(++done));
    return finishMonteCarlo(prepared, options, [
      sampleBlocks(prepared.model, blockRange(0, blocks), options.samples, onBlock),
    ]);
  }
  const { label: _label, onProgress: _onProgress, ...plain } = options;
  const tallies = await acrossThreads(
    blocks,
    threads,
    (counter) => ({ kind: 'calculator', calculator: calc.name, raw, options: plain, counter }),
    (claim, onBlock) => sampleBlocks(prepared.model, claim, options.samples, onBlock),
    progress,
  );
  return finishMonteCarlo(prepared, options, tallies);
}

/** Below this many samples a scenario run stays on this thread (cold pool, and warm). */
const SCENARIO_PARALLEL_FROM = 20_000;
const WARM_SCENARIO_PARALLEL_FROM = 2_000;

/**
 * A scenario's Monte Carlo across the pool, by the same rules as a calculator's. Workers
 * parse the scenario from its text.
 */
export async function runScenarioMonteCarloPool(
  parsed: ParsedScenario,
  text: string,
  catalog: Catalog,
  options: ScenarioMonteCarloOptions & { workers: number },
): Promise<ScenarioMonteCarlo> {
  const prepared = prepareScenarioMonteCarlo(parsed, catalog, options);
  const blocks = scenarioBlockCount(options.samples);
  const threads = Math.min(options.workers, blocks);
  const progress = (done: number) =>
    options.onProgress?.(Math.min(options.samples, done * SCENARIO_BLOCK), options.samples);
  if (
    threads <= 1 ||
    options.samples < splitFrom(threads - 1, SCENARIO_PARALLEL_FROM, WARM_SCENARIO_PARALLEL_FROM)
  ) {
    let done = 0;
    const onBlock = options.onProgress && (() => progress(++done));
    return finishScenarioMonteCarlo(prepared, [
      sampleBlocks(prepared.model, blockRange(0, blocks), options.samples, onBlock),
    ]);
  }
  const { onProgress: _onProgress, workers: _workers, ...plain } = options;
  const tallies = await acrossThreads(
    blocks,
    threads,
    (counter) => ({ kind: 'scenario', text, file: parsed.file, options: plain, counter }),
    (claim, onBlock) => sampleBlocks(prepared.model, claim, options.samples, onBlock),
    progress,
  );
  return finishScenarioMonteCarlo(prepared, tallies);
}
