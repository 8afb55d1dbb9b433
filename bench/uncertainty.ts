/**
 * Monte Carlo speed, measured in one run against two peers doing the same job on two
 * models (the cluster calculator, and the first two years of one-gw-per-week monthly):
 *   - Squiggle (@quri/squiggle-lang), the same model written in its language;
 *   - a bare typed-array loop: the same draws and arithmetic with nothing else, the floor
 *     for this machine (it keeps every sample and sorts, where gigawatt streams).
 * The job is the same for all three: the mean, p5, p50 and p95 of three outputs (for the
 * scenario, of three outputs at the end of each of its two years). Reported as samples per
 * second and ratios; never asserted in tests.
 */

import { readFileSync } from 'node:fs';
import { defaultEnvironment, run } from '@quri/squiggle-lang';
import {
  capitalRecoveryFactor,
  cluster,
  type Distribution,
  interval,
  loadCatalog,
  runMonteCarlo,
  Sampler,
} from '../dist/index.js';
import { runMonteCarloPool, runScenarioMonteCarloPool } from '../dist/io/monte-carlo-pool.js';
import { defaultWorkers } from '../dist/io/threads.js';
import { parseScenario } from '../dist/scenario/load.js';
import { runScenarioMonteCarlo } from '../dist/scenario/monte-carlo.js';
import { CLUSTER_INPUTS, CLUSTER_OUTPUTS, SQUIGGLE_CLUSTER } from './squiggle-models.js';

const catalog = await loadCatalog();
const SIZES = [10_000, 100_000, 1_000_000];
const YEAR = 365.25 * 86400;

const inputs = CLUSTER_INPUTS;

const QUANTILES = [0.05, 0.5, 0.95];

/** Mean and p5/p50/p95 of a column, by sorting it: what a hand-written loop would do. */
function summarizeColumn(column: Float64Array): number[] {
  let sum = 0;
  for (const v of column) sum += v;
  column.sort();
  return [
    sum / column.length,
    ...QUANTILES.map((q) => column[Math.floor(q * (column.length - 1))] as number),
  ];
}

/** Every input's draws for samples [0, n), one column each, with the library's own sampler. */
function drawColumns(distributions: Distribution[], n: number): Float64Array[] {
  const block = 4096;
  const sampler = new Sampler(
    distributions.map((distribution, k) => ({ name: String(k), distribution })),
    1,
  );
  const columns = distributions.map(() => new Float64Array(n));
  for (let start = 0; start < n; start += block) {
    const length = Math.min(block, n - start);
    sampler.draw(
      start,
      length,
      columns.map((c) => c.subarray(start, start + length)),
    );
  }
  return columns;
}

/** The floor: the same six draws and the same arithmetic, written straight into typed arrays. */
function bareLoop(n: number): number {
  const [pue, price, itPower, elec, life, coc] = drawColumns(
    [
      interval(1.1, 1.4),
      interval(25_000, 35_000),
      interval(1300, 1600),
      interval(0.05 / 3.6e6, 0.12 / 3.6e6),
      interval(4 * YEAR, 6 * YEAR),
      interval(0.06, 0.14),
    ],
    n,
  ) as Float64Array[];
  const cost = new Float64Array(n);
  const capex = new Float64Array(n);
  const power = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const it = 1e5 * ((itPower as Float64Array)[i] as number);
    const facility = it * ((pue as Float64Array)[i] as number);
    const accelCapex = 1e5 * ((price as Float64Array)[i] as number);
    const facilityCapex = it * 14;
    const opex =
      facility * 0.75 * YEAR * ((elec as Float64Array)[i] as number) + 0.01 * (accelCapex + facilityCapex);
    const c = (coc as Float64Array)[i] as number;
    const annualized =
      accelCapex * capitalRecoveryFactor(c, (life as Float64Array)[i] as number) +
      facilityCapex * capitalRecoveryFactor(c, 15 * YEAR);
    cost[i] = (annualized + opex) / (1e5 * 8766);
    capex[i] = accelCapex + facilityCapex;
    power[i] = facility;
  }
  return [cost, capex, power].flatMap(summarizeColumn).length;
}

/** Milliseconds one run takes. */
async function timeOnce(job: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await job();
  return performance.now() - start;
}

/**
 * Rounds per size. Each round runs every contestant once, one after another, and each
 * keeps its best round: a shared machine's slow spells (here ±40% on a plain loop) then
 * fall on all contestants alike instead of on whoever happened to be running.
 */
const roundsFor = (n: number) => (n <= 10_000 ? 10 : n <= 100_000 ? 5 : 3);

const rate = (n: number, ms: number) => (n / ms) * 1000;
const fmt = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : `${(x / 1e3).toFixed(0)}k`);

interface Contestants {
  single: (n: number) => unknown;
  pooled: (n: number) => Promise<unknown>;
  squiggle: (n: number) => Promise<unknown>;
  bare: (n: number) => unknown;
}

const workers = defaultWorkers();

/** One table: each contestant warmed, then timed at each size (best of its rounds). */
async function compare(title: string, c: Contestants): Promise<void> {
  // Warm each contestant alike (five small runs; the pool also once at full size, which
  // starts its workers), so the table compares steady-state speed rather than JIT warm-up.
  await c.pooled(400_000);
  for (let r = 0; r < 5; r++) {
    await c.single(10_000);
    await c.pooled(10_000);
    await c.squiggle(10_000);
    c.bare(10_000);
  }
  console.log(`\n${title}\n`);
  const header = [
    'samples',
    'gigawatt/s',
    `${workers} threads/s`,
    'squiggle/s',
    'bare loop/s',
    'vs squiggle',
    'vs bare loop',
  ];
  console.log(header.map((h, i) => (i === 0 ? h.padEnd(9) : h.padStart(13))).join(''));
  for (const n of SIZES) {
    let [ours, pooled, peer, floor] = [Infinity, Infinity, Infinity, Infinity];
    for (let r = 0; r < roundsFor(n); r++) {
      ours = Math.min(ours, await timeOnce(() => c.single(n)));
      pooled = Math.min(pooled, await timeOnce(() => c.pooled(n)));
      peer = Math.min(peer, await timeOnce(() => c.squiggle(n)));
      floor = Math.min(floor, await timeOnce(() => c.bare(n)));
    }
    const best = Math.min(ours, pooled);
    const cells = [
      fmt(rate(n, ours)),
      fmt(rate(n, pooled)),
      fmt(rate(n, peer)),
      fmt(rate(n, floor)),
      `${(peer / best).toFixed(1)}x`,
      best >= floor ? `${(best / floor).toFixed(1)}x slower` : `${(floor / best).toFixed(1)}x faster`,
    ];
    console.log(`${String(n).padEnd(9)}${cells.map((x) => x.padStart(13)).join('')}`);
  }
}

const squiggleRun = (code: string) => (n: number) =>
  run(code, { environment: { ...defaultEnvironment, sampleCount: n, seed: 's' } });

console.log(`Monte Carlo speed (node ${process.version}, ${workers} cores)`);
console.log(
  'ratios use the faster gigawatt column; a cold pool is started from 200k samples (cluster) and 20k (scenario), a running one splits from 8k and 2k',
);
console.log(
  `each figure is the best of ${SIZES.map((n) => `${roundsFor(n)} rounds at ${fmt(n)}`).join(', ')}; a round runs all four in turn`,
);
const clusterJob = { seed: 1, quantiles: QUANTILES, outputs: CLUSTER_OUTPUTS };
await compare('Cluster calculator, six uncertain inputs', {
  single: (n) => runMonteCarlo(cluster, inputs, catalog, { samples: n, ...clusterJob }),
  pooled: (n) => runMonteCarloPool(cluster, inputs, catalog, { samples: n, ...clusterJob, workers }),
  squiggle: squiggleRun(SQUIGGLE_CLUSTER),
  bare: bareLoop,
});

// --- Model 2: the first two years of one-gw-per-week, monthly (bench/one-gw-two-years.yaml) ---

const scenarioText = readFileSync('bench/one-gw-two-years.yaml', 'utf8');
const scenario = parseScenario(scenarioText, 'bench/one-gw-two-years.yaml', catalog);
const MONTH = YEAR / 12;
const IT = {
  gb300: catalog.accelerator('gb300').itPower.value,
  vr200: catalog.accelerator('vr200').itPower.value,
};

const squiggleScenario = `
pue = 1.1 to 1.3
elec = 0.04 to 0.10
facCapex = 9 to 20
ramp = 6e9 to 10e9
p300 = 45000 to 70000
p200 = 80000 to 140000
monthSec = ${MONTH}
power(m) = if m < 12 then 2e9 + (ramp - 2e9) * m / 12 else ramp + (20e9 - ramp) * (m - 12) / 12
step(state, m) = {
  it = if m < 9 then ${IT.gb300} else ${IT.vr200}
  price = if m < 9 then p300 else p200
  spare = power(m) - state.used
  n = SampleSet.map(spare / (it * pue), {|x| floor(max([x, 0]))})
  used = state.used + n * it * pue
  { used: used, capex: state.capex + n * (price + it * facCapex), energy: state.energy + used * 0.75 * monthSec }
}
year1 = List.reduce(List.upTo(0, 11), { used: 0, capex: 0, energy: 0 }, step)
year2 = List.reduce(List.upTo(12, 23), { used: year1.used, capex: year1.capex, energy: 0 }, step)
stats(x) = [mean(x), quantile(x, 0.05), quantile(x, 0.5), quantile(x, 0.95)]
[stats(year1.used), stats(year1.capex), stats(year1.energy), stats(year2.used), stats(year2.capex), stats(year2.energy)]
`;

/** The floor: the same draws and the same monthly arithmetic in one plain loop. */
function bareScenario(n: number): number {
  const [pue, , fac, ramp, p300, p200] = drawColumns(
    [
      interval(1.1, 1.3),
      interval(0.04 / 3.6e6, 0.1 / 3.6e6),
      interval(9, 20),
      interval(6e9, 10e9),
      interval(45_000, 70_000),
      interval(80_000, 140_000),
    ],
    n,
  ) as Float64Array[];
  // [year][output]: power used and cumulative capex at the year's end, and the year's energy.
  const out = [0, 1].map(() => [0, 1, 2].map(() => new Float64Array(n)));
  for (let i = 0; i < n; i++) {
    const r = (ramp as Float64Array)[i] as number;
    const fp = (fac as Float64Array)[i] as number;
    const pu = (pue as Float64Array)[i] as number;
    let used = 0;
    let capex = 0;
    let energy = 0;
    for (let m = 0; m < 24; m++) {
      const it = m < 9 ? IT.gb300 : IT.vr200;
      const price = m < 9 ? ((p300 as Float64Array)[i] as number) : ((p200 as Float64Array)[i] as number);
      const power = m < 12 ? 2e9 + ((r - 2e9) * m) / 12 : r + ((20e9 - r) * (m - 12)) / 12;
      const installs = Math.max(0, Math.floor((power - used) / (it * pu)));
      used += installs * it * pu;
      capex += installs * (price + it * fp);
      energy += used * 0.75 * MONTH;
      if (m % 12 === 11) {
        const year = out[m === 11 ? 0 : 1] as Float64Array[];
        (year[0] as Float64Array)[i] = used;
        (year[1] as Float64Array)[i] = capex;
        (year[2] as Float64Array)[i] = energy;
        energy = 0;
      }
    }
  }
  return out.flat().flatMap(summarizeColumn).length;
}

const scenarioJob = {
  seed: 1,
  quantiles: QUANTILES,
  outputs: ['facility_power', 'cumulative_capex', 'energy'] as const,
  series: [],
};
await compare('one-gw-per-week, first two years monthly, six uncertain numbers', {
  single: (n) => runScenarioMonteCarlo(scenario, catalog, { samples: n, ...scenarioJob }),
  pooled: (n) =>
    runScenarioMonteCarloPool(scenario, scenarioText, catalog, { samples: n, ...scenarioJob, workers }),
  squiggle: squiggleRun(squiggleScenario),
  bare: bareScenario,
});
