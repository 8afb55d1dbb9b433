/**
 * Squiggle as a whole process: `node dist-bench/squiggle-process.js <samples>` runs the
 * cluster model (squiggle-models.ts) and prints its summary, so the whole-process bench
 * can time it beside `gigawatt calc` doing the same job, start-up included.
 */
import { defaultEnvironment, run } from '@quri/squiggle-lang';
import { SQUIGGLE_CLUSTER } from './squiggle-models.js';

const samples = Number(process.argv[2] ?? 10_000);
const result = await run(SQUIGGLE_CLUSTER, {
  environment: { ...defaultEnvironment, sampleCount: samples, seed: 's' },
});
if (!result.result.ok) throw new Error(String(result.result.value));
process.stdout.write(`${result.result.value.toString()}\n`);
