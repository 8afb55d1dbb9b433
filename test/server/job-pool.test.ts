import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
// The pool forks compiled job processes, so this test uses the build (made by the test setup).
import { loadCatalog } from '../../dist/io/catalog-files.js';
import { HttpError } from '../../dist/server/http.js';
import { JobPool } from '../../dist/server/job-pool.js';
import { InlineJobs, type Job } from '../../dist/server/jobs.js';

const catalog = await loadCatalog();
const text = readFileSync('scenarios/stargate.yaml', 'utf8');
const scenario = (deadline: number, yaml = text): Job => ({
  kind: 'scenario',
  request: { text: yaml, file: 'scenarios/stargate.yaml', overrides: {}, samples: 200, seed: 1, deadline },
});
const errors: string[] = [];
const pools: JobPool[] = [];
function pool(limits: Partial<ConstructorParameters<typeof JobPool>[0]> = {}) {
  const p = new JobPool(
    { processes: 1, queue: 4, grace: 0, idle: 60_000, timeLimit: 5000, ...limits },
    (e: string) => errors.push(e),
  );
  pools.push(p);
  return p;
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const later = (ms: number) => Date.now() + ms;

describe('the job pool (child processes)', () => {
  it('answers a scenario job with exactly what running it here gives', async () => {
    const jobs = pool();
    const job = scenario(later(20_000));
    const [there, here] = await Promise.all([jobs.run(job, later(20_000)), new InlineJobs(catalog).run(job)]);
    expect(there).toBe(here);
    expect(JSON.parse(there).name).toBe('Stargate');
  });

  it("gives the job's input errors their status and sentence", async () => {
    const jobs = pool();
    const broken = scenario(later(20_000), text.replace('span:', 'span: [oops\nx:'));
    await expect(jobs.run(broken, later(20_000))).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^scenarios\/stargate\.yaml:\d+:\d+: /),
    });
  });

  it('stops a job at its deadline (its process killed) and answers the next one', async () => {
    const jobs = pool({ timeLimit: 5 });
    const started = Date.now();
    // A whole scenario view takes far longer than 5 ms and checks no clock until Monte Carlo.
    const late = jobs.run(scenario(later(5)), later(5));
    await expect(late).rejects.toBeInstanceOf(HttpError);
    await expect(late).rejects.toMatchObject({
      status: 400,
      message: /longer than the time limit of 0.005 s/,
    });
    expect(Date.now() - started).toBeLessThan(2000);
    const next = await jobs.run(scenario(later(20_000)), later(20_000));
    expect(JSON.parse(next).name).toBe('Stargate');
    expect(jobs.load().processes).toBe(1);
  });

  it('answers 503 at once when its queue is full, and still runs what it took', async () => {
    const jobs = pool({ queue: 1 });
    const deadline = later(20_000);
    const running = jobs.run(scenario(deadline), deadline);
    const waiting = jobs.run(scenario(deadline), deadline);
    await expect(jobs.run(scenario(deadline), deadline)).rejects.toMatchObject({
      status: 503,
      message: expect.stringMatching(/busy/),
    });
    expect(JSON.parse(await running).name).toBe('Stargate');
    expect(JSON.parse(await waiting).name).toBe('Stargate');
  });

  it('refuses a job whose deadline passed while it waited, without running it', async () => {
    const jobs = pool();
    const first = jobs.run(scenario(later(20_000)), later(20_000));
    await expect(jobs.run(scenario(later(1)), later(1))).rejects.toMatchObject({ status: 400 });
    await first;
  });

  it('renews an idle process, so the memory a burst took goes back', async () => {
    const jobs = pool({ idle: 50 });
    await jobs.run(scenario(later(20_000)), later(20_000));
    await new Promise((r) => setTimeout(r, 300));
    expect(jobs.load()).toEqual({ busy: 0, waiting: 0, processes: 1 });
    expect(JSON.parse(await jobs.run(scenario(later(20_000)), later(20_000))).name).toBe('Stargate');
    expect(errors).toEqual([]);
  });
});
