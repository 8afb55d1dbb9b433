import { describe, expect, it } from 'vitest';
import { app, post } from '../helpers/app.js';

describe('requests that once held the server', () => {
  const { app: server } = app();
  const error = async (res: Response) => ((await res.json()) as { error: string }).error;
  const site = (i: number) => `  - name: s${i}\n    ramp: [{at: 2025-01, power: 1 GW}]`;

  it.each([
    [
      'a tensor-parallel width of 1e308',
      '/api/calculators/inference',
      { inputs: { model: 'llama-3.3-70b', accelerator: 'h100', tp: '1e308' } },
      /^tp: "1e308" is out of range/,
    ],
    [
      'a 300 KB distribution',
      '/api/calculators/cluster',
      { inputs: { count: '100k', pue: `normal(1,${'111,'.repeat(75_000)} 1)` } },
      /^pue: a distribution is written in at most 1,000 characters/,
    ],
    [
      'a 5,000-deep mixture',
      '/api/calculators/cluster',
      { inputs: { count: '100k', pue: `${'mixture(0.5: '.repeat(5000)}1.2${'; 0.5: 1.3)'.repeat(5000)}` } },
      /^pue: a distribution is written in at most/,
    ],
    [
      'a mixture four deep',
      '/api/calculators/cluster',
      {
        inputs: {
          count: '100k',
          pue: 'mixture(0.5: mixture(0.5: mixture(0.5: mixture(0.5: 1.2; 0.5: 1.3); 0.5: 1.3); 0.5: 1.3); 0.5: 1.3)',
        },
      },
      /^pue: mixtures nest at most 3 deep/,
    ],
    [
      '3,000 sites',
      '/api/scenarios/run',
      {
        yaml: `name: x\nspan: {start: 2025-01, end: 2030-12}\nfleet: [{accelerator: gb200, from: 2025-01}]\nsites:\n${Array.from({ length: 3000 }, (_, i) => site(i)).join('\n')}\n`,
      },
      /^your scenario:\d+:\d+: sites: at most 200 sites$/,
    ],
    [
      'a span from 0000-01 to 9999-12',
      '/api/scenarios/run',
      {
        yaml: 'name: x\nspan: {start: 0000-01, end: 9999-12}\nfleet: [{accelerator: gb200, from: 0000-01}]\nsites:\n  - name: a\n    ramp: [{at: 0000-01, power: 1 GW}]\n',
      },
      /^your scenario:2:\d+: span\.end: a scenario spans at most 100 years; this one spans 10000$/,
    ],
  ])('answers %s at once with a 4xx naming the limit', async (_, path, body, message) => {
    const started = Date.now();
    const res = await server.request(path, post(body));
    expect(res.status).toBe(400);
    expect(await error(res)).toMatch(message);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('answers a Host header no URL can hold with 400, not 500', async () => {
    const res = await server.request('/api/calculators', { headers: { host: '127.999.999.999' } });
    expect(res.status).toBe(400);
    expect(await error(res)).toBe("the Host header '127.999.999.999' names no host");
  });
});
