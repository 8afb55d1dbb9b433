/**
 * What users feel: whole-process time, start-up included. Each command runs as a fresh
 * process many times, interleaved with `node -e 0` (the floor: Node starting and doing
 * nothing), and each reports its median and best. Then a million Monte Carlo samples of
 * the cluster calculator with six uncertain inputs, as `gigawatt calc` and as a Squiggle
 * process doing the same job (squiggle-models.ts), best of a few rounds each.
 */
import { spawnSync } from 'node:child_process';
import { CLUSTER_INPUTS, CLUSTER_OUTPUTS } from './squiggle-models.js';

const CLI = 'dist/bin/gigawatt.js';

/** Milliseconds one run of `node ...args` takes, start to exit; throws if it fails. */
function timed(args: readonly string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const commands: Array<[label: string, args: string[]]> = [
  ['node -e 0', ['-e', '0']],
  ['gigawatt --help', [CLI, '--help']],
  [
    'gigawatt calc cluster --accelerator h100 --count 100k',
    [CLI, 'calc', 'cluster', '--accelerator', 'h100', '--count', '100k'],
  ],
  ['gigawatt catalog accelerators', [CLI, 'catalog', 'accelerators']],
  ['gigawatt catalog show h100', [CLI, 'catalog', 'show', 'h100']],
  ['gigawatt run scenarios/stargate.yaml', [CLI, 'run', 'scenarios/stargate.yaml']],
  ['gigawatt run scenarios/one-gw-per-week.yaml', [CLI, 'run', 'scenarios/one-gw-per-week.yaml']],
  ['gigawatt calc power --power 52GW', [CLI, 'calc', 'power', '--power', '52GW']],
];

const ROUNDS = 25;
const times = commands.map(() => [] as number[]);
for (const [, args] of commands) timed(args); // warm the file cache once
for (let r = 0; r < ROUNDS; r++) for (const [i, [, args]] of commands.entries()) times[i]?.push(timed(args));

const floor = median(times[0] as number[]);
console.log(`Whole-process time (node ${process.version}; median and best of ${ROUNDS} runs, interleaved)\n`);
console.log(
  `${'command'.padEnd(58)}${'median'.padStart(10)}${'best'.padStart(10)}${'vs node -e 0'.padStart(15)}`,
);
commands.forEach(([label], i) => {
  const t = times[i] as number[];
  console.log(
    `${label.padEnd(58)}${`${median(t).toFixed(0)} ms`.padStart(10)}${`${Math.min(...t).toFixed(0)} ms`.padStart(10)}${`${(median(t) / floor).toFixed(2)}x`.padStart(15)}`,
  );
});

const SAMPLES = 1_000_000;
const flags = Object.entries(CLUSTER_INPUTS).flatMap(([name, value]) => [
  `--${name.replaceAll('_', '-')}`,
  value,
]);
const gigawatt = [
  CLI,
  'calc',
  'cluster',
  ...flags,
  '--samples',
  String(SAMPLES),
  '--outputs',
  CLUSTER_OUTPUTS.join(','),
  '--json',
];
const squiggle = ['dist-bench/squiggle-process.js', String(SAMPLES)];
const MC_ROUNDS = 3;
let [ours, theirs] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
for (let r = 0; r < MC_ROUNDS; r++) {
  ours = Math.min(ours, timed(gigawatt));
  theirs = Math.min(theirs, timed(squiggle));
}
console.log(
  `\nMonte Carlo, whole process: cluster calculator, six uncertain inputs, ${SAMPLES.toLocaleString('en-US')} samples, mean and p5/p50/p95 of three outputs (best of ${MC_ROUNDS})\n`,
);
console.log(`  gigawatt calc (all threads)  ${ours.toFixed(0).padStart(6)} ms`);
console.log(`  squiggle (one process)       ${theirs.toFixed(0).padStart(6)} ms`);
console.log(`  gigawatt is ${(theirs / ours).toFixed(1)}x faster, start-up and worker spin-up included`);

// The world build-out, 2022-2035, at 1,000 Monte Carlo samples: what `gigawatt run
// scenarios/world.yaml` does by default, start-up, catalog and threads included, against
// the 3 s an analyst should wait at most on a 2-core machine.
const WORLD = [CLI, 'run', 'scenarios/world.yaml', '--json'];
const worldTimes = [0, 1, 2, 3, 4].map(() => timed(WORLD));
const worldMedian = median(worldTimes);
console.log('\nThe world build-out, whole process: 168 months, 1,000 samples (median and best of 5)\n');
console.log(
  `  gigawatt run scenarios/world.yaml  ${worldMedian.toFixed(0).padStart(6)} ms median, ${Math.min(...worldTimes).toFixed(0)} ms best`,
);
console.log(
  `  ${((1000 / worldMedian) * 1000).toFixed(0)} samples/s whole process; ${(worldMedian / 3000).toFixed(2)} of the 3 s budget`,
);

// The frontier run for one year at 10,000 samples (its default: every input from its sourced
// range, p10/p50/p90), whole process, against the 1 s it should answer in, beside a plain
// `calc cluster` (start-up and the catalog, no Monte Carlo) measured interleaved with it.
const FRONTIER = [CLI, 'calc', 'frontier-run', '--year', '2030', '--samples', '10000', '--json'];
const PLAIN = [CLI, 'calc', 'cluster', '--accelerator', 'h100', '--count', '100k', '--json'];
const frontierTimes: number[] = [];
const plainTimes: number[] = [];
for (let r = 0; r < 9; r++) {
  frontierTimes.push(timed(FRONTIER));
  plainTimes.push(timed(PLAIN));
}
const frontierMedian = median(frontierTimes);
console.log(
  '\nThe frontier run, whole process: one year, 10,000 samples, 18 inputs drawn (median and best of 9)\n',
);
console.log(
  `  gigawatt calc frontier-run --year 2030   ${frontierMedian.toFixed(0).padStart(6)} ms median, ${Math.min(...frontierTimes).toFixed(0)} ms best`,
);
console.log(
  `  gigawatt calc cluster (no sampling)      ${median(plainTimes).toFixed(0).padStart(6)} ms median: the frontier run is ${(frontierMedian / median(plainTimes)).toFixed(2)}x a plain call`,
);
console.log(`  ${(frontierMedian / 1000).toFixed(2)} of the 1 s budget`);
