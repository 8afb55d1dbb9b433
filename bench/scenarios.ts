/**
 * How long the shipped scenarios take: one full run (parse, validate, resolve, timeline,
 * yearly table) and 1,000 timeline runs on resolved inputs, the unit of work Monte Carlo
 * will repeat. A baseline for the uncertainty work; not a test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadCatalog, loadScenario, runScenario, timelineSeries, yearly } from '../dist/index.js';

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
  'all six',
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
