/**
 * The explorer under load, on loopback: a server process (the compiled CLI's `serve`),
 * heavy requests that each want far more time than the limit, and plain calculator
 * requests sent one after another while they run. Reports how long the plain ones took,
 * how long the heavy ones took against the limit, and the server's memory before, at the
 * peak and after. `npm run bench` prints it; the test suite asserts the rules on it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServeProcess } from './serve-process.js';

export interface LoadOptions {
  /** Heavy requests sent at once, in each round. */
  heavy: number;
  /** Rounds of load, each followed by a rest: memory after the last shows whether anything piles up. */
  rounds: number;
  /** The server's --time-limit, in seconds. */
  timeLimit: number;
  /** Milliseconds to wait after the load before reading memory again. */
  settle: number;
}

export interface LoadReport {
  rounds: number;
  heavy: { count: number; statuses: Record<string, number>; slowestMs: number; limitMs: number };
  plain: { count: number; failed: number; p50: number; p95: number; max: number; idleP50: number };
  /** Resident memory at rest before the load, at its peak, and at rest after each round. */
  memory: { baselineMb: number; peakMb: number; afterMb: number[] };
}

/** A scenario far too big to finish in time: many sites and decades, ranges everywhere, 20,000 samples. */
function heavyScenario(): string {
  const sites = Array.from(
    { length: 150 },
    (_, i) =>
      `  - name: site ${i}\n    ramp: [{at: 2025-01, power: 10 MW to 40 MW}, {at: 2080-12, power: 1 GW to 3 GW}]`,
  ).join('\n');
  return `name: heavy
span: {start: 2025-01, end: 2080-12}
assumptions: {pue: 1.1 to 1.4, electricity_price: $0.04/kWh to $0.1/kWh}
sites:
${sites}
fleet:
  - {accelerator: gb200, from: 2025-01, price: $40k to $70k}
  - {accelerator: vr200, from: 2027-01, price_change: -20% to -5%}
`;
}

/** Resident memory of a process and its children (the job processes) in MB, from /proc (Linux); NaN elsewhere. */
function residentMb(pid: number): number {
  try {
    const rss = (id: number) =>
      Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0);
    const children = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((entry) => {
        try {
          // The parent id is the fourth field of stat, after the name in parentheses.
          return Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === pid;
        } catch {
          return false;
        }
      })
      .map(Number);
    return [pid, ...children].reduce((kb, id) => kb + rss(id), 0) / 1024;
  } catch {
    return Number.NaN;
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

export async function measureServerLoad(options: LoadOptions): Promise<LoadReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gigawatt-load-'));
  const server = await startServeProcess(dataDir, ['--time-limit', `${options.timeLimit} s`]);
  const { url, pid } = server;
  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const plainOnce = async () => {
    const start = performance.now();
    const res = await post('/api/calculators/cluster', { inputs: { accelerator: 'h100', count: '100k' } });
    await res.text();
    return { ms: performance.now() - start, ok: res.status === 200 };
  };
  try {
    // Warm up: every kind of request once, so the baseline holds what a used server holds.
    await post('/api/scenarios/run', { scenario: 'stargate' }).then((r) => r.text());
    await post('/api/calculators/cluster', {
      inputs: { accelerator: 'h100', count: '100k', pue: '1.1 to 1.4' },
    }).then((r) => r.text());
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) idle.push((await plainOnce()).ms);
    // The baseline is a used server at rest: warmed up, then left idle as long as after the load.
    await new Promise((r) => setTimeout(r, options.settle));
    const baselineMb = residentMb(pid);

    const yaml = heavyScenario();
    let peakMb = baselineMb;
    const afterMb: number[] = [];
    const plain: Array<{ ms: number; ok: boolean }> = [];
    const heavyResults: Array<{ status: number; ms: number }> = [];
    let slowestMs = 0;
    for (let round = 0; round < options.rounds; round++) {
      let running = true;
      const heavyStart = performance.now();
      const heavy = Array.from({ length: options.heavy }, async () => {
        const start = performance.now();
        const res = await post('/api/scenarios/run', { yaml, samples: 20_000 });
        await res.text();
        return { status: res.status, ms: performance.now() - start };
      });
      const plainLoop = (async () => {
        while (running) {
          plain.push(await plainOnce());
          peakMb = Math.max(peakMb, residentMb(pid));
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      heavyResults.push(...(await Promise.all(heavy)));
      running = false;
      await plainLoop;
      slowestMs = Math.max(slowestMs, performance.now() - heavyStart);
      await new Promise((r) => setTimeout(r, options.settle));
      afterMb.push(residentMb(pid));
    }
    const sorted = plain.map((p) => p.ms).sort((a, b) => a - b);
    const statuses: Record<string, number> = {};
    for (const h of heavyResults) statuses[h.status] = (statuses[h.status] ?? 0) + 1;
    return {
      rounds: options.rounds,
      heavy: {
        count: heavyResults.length,
        statuses,
        slowestMs,
        limitMs: options.timeLimit * 1000,
      },
      plain: {
        count: plain.length,
        failed: plain.filter((p) => !p.ok).length,
        p50: percentile(sorted, 0.5),
        p95: percentile(sorted, 0.95),
        max: sorted[sorted.length - 1] ?? Number.NaN,
        idleP50: percentile(
          idle.sort((a, b) => a - b),
          0.5,
        ),
      },
      memory: { baselineMb, peakMb, afterMb },
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function describeLoad(r: LoadReport): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return [
    `${r.heavy.count} heavy scenario requests, ${r.heavy.count / r.rounds} at once in each of ${r.rounds} rounds (each wanting far more than the ${r.heavy.limitMs / 1000} s limit): answers ${Object.entries(
      r.heavy.statuses,
    )
      .map(([status, n]) => `${n}× ${status}`)
      .join(', ')}; the last of a round came ${ms(r.heavy.slowestMs)} after they were sent`,
    `${r.plain.count} plain calculator requests meanwhile: p50 ${ms(r.plain.p50)}, p95 ${ms(r.plain.p95)}, max ${ms(r.plain.max)} (idle p50 ${ms(r.plain.idleP50)}); ${r.plain.failed} failed`,
    `server memory (resident): ${r.memory.baselineMb.toFixed(0)} MB at rest before, ${r.memory.peakMb.toFixed(0)} MB at the peak, ${r.memory.afterMb.map((m) => m.toFixed(0)).join(' and ')} MB at rest after each round`,
  ].join('\n');
}
