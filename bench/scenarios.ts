/**
 * How long the shipped scenarios take: one full run (parse, validate, resolve, timeline,
 * yearly table) and 1,000 timeline runs on resolved inputs, the unit of work Monte Carlo
 * will repeat. A baseline for the uncertainty work; not a test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import {
  loadCatalog,
  loadScenario,
  runScenario,
  runScenarioUncertain,
  timelineSeries,
  yearly,
} from '../dist/index.js';

const catalog = await loadCatalog();
const files = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const RUNS = 1000;

function time(run: () => void, repeat: number): number {
  const start = performance.now();
  for (let i = 0; i < repeat; i++) run();
  return performance.now() - start;
}

const rows: string[][] = [];
let total1 = 0;
let total1000 = 0;
for (const file of files) {
  const path = `scenarios/${file}`;
  const text = readFileSync(path, 'utf8');
  // One warm-up, so the JIT has seen the code once; then the measured cold-ish single run.
  runScenario(text, path, catalog);
  const once = time(() => runScenario(text, path, catalog), 1);
  const loaded = loadScenario(text, path, catalog);
  const months = loaded.inputs.end - loaded.inputs.start + 1;
  const many = time(() => yearly(timelineSeries(loaded.inputs)), RUNS);
  total1 += once;
  total1000 += many;
  rows.push([
    file.replace(/\.yaml$/, ''),
    String(months),
    once.toFixed(2),
    many.toFixed(1),
    (many / RUNS).toFixed(3),
    ((RUNS / many) * 1000).toFixed(0),
  ]);
}
rows.push([
  `all ${files.length}`,
  '',
  total1.toFixed(2),
  total1000.toFixed(1),
  (total1000 / RUNS / files.length).toFixed(3),
  (((RUNS * files.length) / total1000) * 1000).toFixed(0),
]);

const header = ['scenario', 'months', 'one run (ms)', `${RUNS} runs (ms)`, 'ms per run', 'runs/s'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
console.log(`gigawatt scenario benchmark (node ${process.version}, ${RUNS} timeline runs each)\n`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

// Monte Carlo of the scenarios with uncertain numbers, one thread, in process: samples a
// second beside one another (the whole-process figure, start-up and threads included, is
// in whole-process.ts).
const SAMPLES = 1000;
const mc: string[][] = [];
for (const file of files) {
  const path = `scenarios/${file}`;
  const text = readFileSync(path, 'utf8');
  const options = { samples: SAMPLES, seed: 1, quantiles: [0.05, 0.5, 0.95] };
  if (loadScenario(text, path, catalog).uncertain.length === 0) continue;
  runScenarioUncertain(text, path, catalog, options);
  const best = Math.min(
    ...[0, 1, 2].map(() => time(() => runScenarioUncertain(text, path, catalog, options), 1)),
  );
  mc.push([file.replace(/\.yaml$/, ''), best.toFixed(0), ((SAMPLES / best) * 1000).toFixed(0)]);
}
console.log(`\nMonte Carlo, ${SAMPLES} samples on one thread (best of 3)\n`);
const mcHeader = ['scenario', 'ms', 'samples/s'];
const mcWidths = mcHeader.map((h, i) => Math.max(h.length, ...mc.map((r) => (r[i] ?? '').length)));
const mcLine = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(mcWidths[i] ?? 0) : c.padStart(mcWidths[i] ?? 0))).join('  ');
console.log(mcLine(mcHeader));
console.log(mcWidths.map((w) => '-'.repeat(w)).join('  '));
for (const r of mc) console.log(mcLine(r));
