import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
// The pool starts workers from compiled files, so this test uses the build (made by the test setup).
import { cluster } from '../../dist/calculators/cluster.js';
import { runMonteCarlo } from '../../dist/calculators/monte-carlo.js';
import { loadCatalog } from '../../dist/io/catalog-files.js';
import {
  closeMonteCarloPool,
  monteCarloPoolTasks,
  runMonteCarloPool,
  runScenarioMonteCarloPool,
} from '../../dist/io/monte-carlo-pool.js';
import { parseScenario } from '../../dist/scenario/load.js';
import { runScenarioMonteCarlo } from '../../dist/scenario/monte-carlo.js';

const catalog = await loadCatalog();
const inputs = { count: '10k', pue: '1.1 to 1.4', price: '$25k to $35k', lifetime: '4 years to 6 years' };
const job = { seed: 3, quantiles: [0.05, 0.5, 0.95] };
const file = 'scenarios/stargate-ranges.yaml';
const text = readFileSync(file, 'utf8');

afterAll(closeMonteCarloPool);

describe('the Monte Carlo worker pool', () => {
  it('keeps a small run on this thread until its workers are running, then splits it', async () => {
    const before = monteCarloPoolTasks();
    const cold = await runMonteCarloPool(cluster, inputs, catalog, { ...job, samples: 10_000, workers: 2 });
    expect(monteCarloPoolTasks()).toBe(before);
    // A large run starts a worker (two threads: this one and one worker); after it, the
    // same small run is shared with that worker.
    await runMonteCarloPool(cluster, inputs, catalog, { ...job, samples: 250_000, workers: 2 });
    const started = monteCarloPoolTasks();
    expect(started).toBe(before + 1);
    const warm = await runMonteCarloPool(cluster, inputs, catalog, { ...job, samples: 10_000, workers: 2 });
    expect(monteCarloPoolTasks()).toBe(started + 1);
    // Split or not, the figures are the same to the last bit.
    expect(warm).toEqual(cold);
    expect(warm).toEqual(runMonteCarlo(cluster, inputs, catalog, { ...job, samples: 10_000 }));
  });

  it('gives the figures of one thread across three (this one and two workers)', async () => {
    const options = { ...job, samples: 250_000 };
    const before = monteCarloPoolTasks();
    const three = await runMonteCarloPool(cluster, inputs, catalog, { ...options, workers: 3 });
    expect(monteCarloPoolTasks()).toBe(before + 2);
    expect(three).toEqual(runMonteCarlo(cluster, inputs, catalog, options));
  });

  it('splits a small scenario run on running workers with the figures of a one-thread run', async () => {
    const parsed = parseScenario(text, file, catalog);
    const options = { ...job, samples: 3_000 };
    const before = monteCarloPoolTasks();
    const pooled = await runScenarioMonteCarloPool(parsed, text, catalog, { ...options, workers: 2 });
    expect(monteCarloPoolTasks()).toBe(before + 1);
    expect(pooled).toEqual(runScenarioMonteCarlo(parsed, catalog, options));
  });
});
