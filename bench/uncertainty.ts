/**
 * Monte Carlo speed, measured in one run against two peers doing the same job:
 *   - Squiggle (@quri/squiggle-lang), the same model written in its language;
 *   - a bare typed-array loop: the same draws and arithmetic with nothing else, the floor
 *     for this machine.
 * Model: the cluster calculator (100k H100) with six uncertain inputs. Reported as samples
 * per second and ratios; never asserted in tests.
 */
import { defaultEnvironment, run } from '@quri/squiggle-lang';
import {
  capitalRecoveryFactor,
  cluster,
  type Distribution,
  interval,
  loadCatalog,
  quantile,
  runMonteCarlo,
  uniformAt,
} from '../dist/index.js';
import { defaultWorkers, runMonteCarloPool } from '../dist/io/monte-carlo-pool.js';

const catalog = loadCatalog();
const SIZES = [10_000, 100_000, 1_000_000];
const YEAR = 365.25 * 86400;

const inputs = {
  accelerator: 'h100',
  count: '100k',
  pue: '1.1 to 1.4',
  price: '$25k to $35k',
  it_power: '1.3 kW to 1.6 kW',
  electricity_price: '$0.05/kWh to $0.12/kWh',
  lifetime: '4 years to 6 years',
  cost_of_capital: '6% to 14%',
};

const squiggle = `
count = 100000
pue = 1.1 to 1.4
price = 25000 to 35000
itPower = 1300 to 1600
elec = 0.05 to 0.12
life = 4 to 6
coc = 0.06 to 0.14
it = count * itPower
facility = it * pue
energyKwh = facility * 0.75 * 8766 / 1000
accelCapex = count * price
facilityCapex = it * 14
crf = coc / (1 - (1 + coc) ^ (-life))
crfF = coc / (1 - (1 + coc) ^ (-15))
opex = energyKwh * elec + 0.01 * (accelCapex + facilityCapex)
costPerHour = (accelCapex * crf + facilityCapex * crfF + opex) / (count * 8766)
[mean(costPerHour), mean(accelCapex + facilityCapex), mean(facility)]
`;

/** The floor: the same six draws and the same arithmetic, written straight into typed arrays. */
function bareLoop(n: number): number {
  const d = [
    interval(1.1, 1.4),
    interval(25_000, 35_000),
    interval(1300, 1600),
    interval(0.05 / 3.6e6, 0.12 / 3.6e6),
    interval(4 * YEAR, 6 * YEAR),
    interval(0.06, 0.14),
  ];
  const cost = new Float64Array(n);
  const capex = new Float64Array(n);
  const power = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const pue = quantile(d[0] as Distribution, uniformAt(1, 0, i));
    const price = quantile(d[1] as Distribution, uniformAt(1, 1, i));
    const itPower = quantile(d[2] as Distribution, uniformAt(1, 2, i));
    const elec = quantile(d[3] as Distribution, uniformAt(1, 3, i));
    const life = quantile(d[4] as Distribution, uniformAt(1, 4, i));
    const coc = quantile(d[5] as Distribution, uniformAt(1, 5, i));
    const it = 1e5 * itPower;
    const facility = it * pue;
    const accelCapex = 1e5 * price;
    const facilityCapex = it * 14;
    const opex = facility * 0.75 * YEAR * elec + 0.01 * (accelCapex + facilityCapex);
    const annualized =
      accelCapex * capitalRecoveryFactor(coc, life) + facilityCapex * capitalRecoveryFactor(coc, 15 * YEAR);
    cost[i] = (annualized + opex) / (1e5 * 8766);
    capex[i] = accelCapex + facilityCapex;
    power[i] = facility;
  }
  return (cost[n - 1] as number) + (capex[0] as number) + (power[0] as number);
}

async function time(job: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await job();
  return performance.now() - start;
}

const rate = (n: number, ms: number) => (n / ms) * 1000;
const fmt = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : `${(x / 1e3).toFixed(0)}k`);

// Warm all three once so the comparison is of steady-state speed.
runMonteCarlo(cluster, inputs, catalog, { samples: 10_000, seed: 1, quantiles: [0.05, 0.5, 0.95] });
await run(squiggle, { environment: { ...defaultEnvironment, sampleCount: 10_000, seed: 'w' } });
bareLoop(10_000);

console.log(`Monte Carlo: cluster calculator, six uncertain inputs (node ${process.version})`);
console.log(
  'ratios use the faster gigawatt column; workers start at 200k samples (below that they cost more than they save)\n',
);
const workers = defaultWorkers();
const header = [
  'samples',
  'gigawatt/s',
  `${workers} workers/s`,
  'squiggle/s',
  'bare loop/s',
  'vs squiggle',
  'vs bare loop',
];
console.log(header.map((h, i) => (i === 0 ? h.padEnd(9) : h.padStart(13))).join(''));
for (const n of SIZES) {
  const ours = await time(() =>
    runMonteCarlo(cluster, inputs, catalog, { samples: n, seed: 1, quantiles: [0.05, 0.5, 0.95] }),
  );
  const pooled = await time(() =>
    runMonteCarloPool(cluster, inputs, catalog, {
      samples: n,
      seed: 1,
      quantiles: [0.05, 0.5, 0.95],
      workers,
    }),
  );
  const peer = await time(() =>
    run(squiggle, { environment: { ...defaultEnvironment, sampleCount: n, seed: 's' } }),
  );
  const floor = await time(() => bareLoop(n));
  const best = Math.min(ours, pooled);
  const cells = [
    fmt(rate(n, ours)),
    fmt(rate(n, pooled)),
    fmt(rate(n, peer)),
    fmt(rate(n, floor)),
    `${(peer / best).toFixed(1)}x`,
    `${(best / floor).toFixed(1)}x slower`,
  ];
  console.log(`${String(n).padEnd(9)}${cells.map((c) => c.padStart(13)).join('')}`);
}
