import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeLoad, measureServerLoad } from '../../bench/server-load.js';

/**
 * The explorer under load, on loopback (bench/server-load.ts): twenty heavy scenario requests
 * at once, twice, each wanting far more than the time limit, while plain calculator requests
 * keep coming. The rules, asserted: every heavy request is answered by its deadline (a
 * second of slack for the answer to travel), every plain one is answered, and memory at
 * rest comes back to where it was. The latencies are reported, not asserted (speed lives in
 * benchmarks): artifacts/server-load.txt, and `npm run bench` prints the same figures.
 */
describe('the explorer under load', () => {
  it('answers every request, none past its deadline, and gives its memory back', {
    timeout: 120_000,
  }, async () => {
    const report = await measureServerLoad({ heavy: 20, rounds: 2, timeLimit: 2, settle: 6000 });
    mkdirSync('artifacts', { recursive: true });
    writeFileSync('artifacts/server-load.txt', `${describeLoad(report)}\n`);

    expect(report.heavy.count).toBe(40);
    expect(Object.keys(report.heavy.statuses).every((s) => s === '200' || s === '400')).toBe(true);
    expect(report.heavy.slowestMs).toBeLessThan(report.heavy.limitMs + 1000);
    expect(report.plain.count).toBeGreaterThan(10);
    expect(report.plain.failed).toBe(0);
    const { baselineMb, afterMb } = report.memory;
    if (Number.isFinite(baselineMb))
      for (const after of afterMb) expect(after).toBeLessThan(baselineMb * 1.25);
  });
});
