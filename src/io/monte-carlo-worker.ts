import { parentPort } from 'node:worker_threads';
import { BLOCK, type MonteCarloOptions, prepareMonteCarlo } from '../calculators/monte-carlo.js';
import { findCalculator } from '../calculators/registry.js';
import type { Catalog } from '../catalog/catalog.js';
import { InputError } from '../errors.js';
import type { ParsedScenario } from '../scenario/inputs.js';
import type { ScenarioMonteCarloOptions } from '../scenario/monte-carlo.js';
import { sharedBlocks } from '../uncertainty/blocks.js';
import { blockCount, sampleBlocks, type Tally } from '../uncertainty/driver.js';
import { loadCatalog } from './catalog-files.js';

/**
 * One task for a pool worker: rebuild the run from plain data, then run blocks taken from
 * the shared counter (an Int32 in `counter`) until none is left.
 */
export type WorkerTask = { id: number; counter: SharedArrayBuffer } & (
  | {
      kind: 'calculator';
      calculator: string;
      raw: Record<string, unknown>;
      options: Omit<MonteCarloOptions, 'label' | 'onProgress'>;
    }
  | {
      kind: 'scenario';
      text: string;
      file: string;
      options: Omit<ScenarioMonteCarloOptions, 'onProgress'>;
    }
);

export type WorkerMessage =
  | { id: number; kind: 'progress'; blocks: number }
  | { id: number; kind: 'done'; tally: unknown }
  | { id: number; kind: 'error'; message: string; input: boolean };

// Workers live as long as the pool, so the catalog is read once per worker, not per task.
let catalog: Catalog | undefined;
// The last scenario parsed (about 2 ms): a server or a bench reruns the same file with new
// seeds or sample counts, and a run's tasks come one per worker.
let lastScenario: { text: string; file: string; parsed: ParsedScenario } | undefined;

/** A scenario task: the scenario modules (YAML, schemas) load on the first one, not at start-up. */
async function scenarioTally(
  task: Extract<WorkerTask, { kind: 'scenario' }>,
  catalog: Catalog,
  counter: Int32Array,
  onBlock: () => void,
): Promise<Tally> {
  const [{ parseScenario }, mc] = await Promise.all([
    import('../scenario/load.js'),
    import('../scenario/monte-carlo.js'),
  ]);
  if (lastScenario?.text !== task.text || lastScenario.file !== task.file)
    lastScenario = { text: task.text, file: task.file, parsed: parseScenario(task.text, task.file, catalog) };
  const { model } = mc.prepareScenarioMonteCarlo(lastScenario.parsed, catalog, task.options);
  const claim = sharedBlocks(counter, mc.scenarioBlockCount(task.options.samples));
  return sampleBlocks(model, claim, task.options.samples, onBlock);
}

async function run(task: WorkerTask, onBlock: () => void): Promise<Tally> {
  catalog ??= await loadCatalog();
  const counter = new Int32Array(task.counter);
  if (task.kind === 'scenario') return scenarioTally(task, catalog, counter, onBlock);
  const { model } = prepareMonteCarlo(findCalculator(task.calculator), task.raw, catalog, task.options);
  const claim = sharedBlocks(counter, blockCount(task.options.samples, BLOCK));
  return sampleBlocks(model, claim, task.options.samples, onBlock);
}

parentPort?.on('message', async (task: WorkerTask) => {
  const post = (message: WorkerMessage, transfer?: ArrayBuffer[]) =>
    parentPort?.postMessage(message, transfer);
  try {
    // Progress every few blocks keeps messages cheap.
    let unreported = 0;
    const tally = await run(task, () => {
      if (++unreported >= 4) {
        post({ id: task.id, kind: 'progress', blocks: unreported });
        unreported = 0;
      }
    });
    if (unreported > 0) post({ id: task.id, kind: 'progress', blocks: unreported });
    post(
      { id: task.id, kind: 'done', tally },
      tally.sketches.map((s) => s.counts.buffer as ArrayBuffer),
    );
  } catch (error) {
    post({
      id: task.id,
      kind: 'error',
      message: error instanceof Error ? error.message : String(error),
      input: error instanceof InputError,
    });
  }
});
