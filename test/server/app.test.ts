import { describe, expect, it } from 'vitest';
import { app, post } from '../helpers/app.js';

describe('calculator API', () => {
  const { app: server } = app();

  it('lists every calculator with a form: catalog ids as choices, quantities with their defaults', async () => {
    const res = await server.request('/api/calculators');
    const { calculators } = (await res.json()) as {
      calculators: Array<{
        name: string;
        fields: Array<{ name: string; choices?: Array<{ value: string }>; placeholder: string }>;
      }>;
    };
    expect(calculators.map((c) => c.name)).toEqual(
      expect.arrayContaining(['cluster', 'training', 'inference']),
    );
    const cluster = calculators.find((c) => c.name === 'cluster');
    const accelerator = cluster?.fields.find((f) => f.name === 'accelerator');
    expect(accelerator?.choices?.map((c) => c.value)).toContain('h100-sxm');
    expect(cluster?.fields.find((f) => f.name === 'pue')?.placeholder).toBe('default 1.2');
  });

  it('computes with units, and with a 90% interval when an input is a range', async () => {
    const fixed = await server.request(
      '/api/calculators/cluster',
      post({ inputs: { accelerator: 'h100', count: '100k' } }),
    );
    const view = (await fixed.json()) as { outputs: Array<{ name: string; display: string; value: number }> };
    // 100k × 1.45 kW all-in × PUE 1.2 = 174 MW (hand derivation from the catalog figures).
    expect(view.outputs.find((o) => o.name === 'facility_power')?.display).toBe('174 MW');
    const ranged = await server.request(
      '/api/calculators/cluster',
      post({ inputs: { accelerator: 'h100', count: '100k', pue: '1.1 to 1.4' }, samples: 5000 }),
    );
    const mc = (await ranged.json()) as {
      uncertain: boolean;
      outputs: Array<{ name: string; value: number }>;
    };
    expect(mc.uncertain).toBe(true);
    const power = mc.outputs.find((o) => o.name === 'facility_power')?.value ?? 0;
    expect(power).toBeGreaterThan(145.3e6 * 1.1);
    expect(power).toBeLessThan(145.3e6 * 1.4);
  });

  it('answers an unknown calculator with 404 and the nearest name', async () => {
    const res = await server.request('/api/calculators/clustr', post({ inputs: {} }));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "unknown calculator 'clustr'; did you mean 'cluster'?" });
  });

  it('answers an unknown input with 400 and the nearest name, plain or uncertain', async () => {
    for (const pue of ['1.2', '1.1 to 1.4']) {
      const res = await server.request(
        '/api/calculators/cluster',
        post({ inputs: { count: '1000', peu: pue } }),
      );
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe(
        "unknown input 'peu'; did you mean 'pue'?",
      );
    }
  });

  it('answers a bad distribution with 400 naming the input', async () => {
    const res = await server.request(
      '/api/calculators/cluster',
      post({ inputs: { count: '1000', pue: '1.4 to 1.1' } }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^pue: .*low end/);
  });

  it('rejects a body that is not JSON, and one over 1 MB', async () => {
    expect((await server.request('/api/calculators/cluster', post('{not json'))).status).toBe(400);
    const big = await server.request(
      '/api/calculators/cluster',
      post({ inputs: { count: 'x'.repeat(1_100_000) } }),
    );
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toMatch(/over the limit of 1 MB/);
  });

  it('caps Monte Carlo samples per request', async () => {
    const res = await server.request(
      '/api/calculators/cluster',
      post({ inputs: { count: '1000', pue: '1.1 to 1.4' }, samples: 5_000_000 }),
    );
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(/at most 200,000/);
  });
});

describe('scenario API', () => {
  const { app: server } = app();

  it('runs a shipped scenario with an edited assumption, giving charts, a table and claims', async () => {
    const base = (await (
      await server.request('/api/scenarios/run', post({ scenario: 'stargate' }))
    ).json()) as {
      yearly: Array<{ year: number; values: Record<string, number> }>;
      charts: Array<{ id: string; svg: string }>;
      controls: Array<{ key: string; written: string }>;
    };
    expect(base.charts.map((c) => c.id)).toEqual([
      'power',
      'accelerators',
      'h100e',
      'flops',
      'capex',
      'opex',
      'binding',
    ]);
    expect(base.charts[0]?.svg).toMatch(/^<svg/);
    const edited = (await (
      await server.request(
        '/api/scenarios/run',
        post({ scenario: 'stargate', overrides: { electricity_price: '$0.16/kWh' } }),
      )
    ).json()) as typeof base;
    expect(edited.controls.find((c) => c.key === 'electricity_price')?.written).toBe('$0.16/kWh');
    const opex = (v: typeof base) => v.yearly[v.yearly.length - 1]?.values.annual_opex ?? 0;
    expect(opex(edited)).toBeGreaterThan(opex(base));
  });

  it('opens every shipped scenario with its yearly table and all seven charts', async () => {
    const { scenarios } = (await (await server.request('/api/scenarios')).json()) as {
      scenarios: Array<{ id: string }>;
    };
    expect(scenarios.length).toBeGreaterThanOrEqual(7);
    for (const { id } of scenarios) {
      const res = await server.request('/api/scenarios/run', post({ scenario: id, samples: 200 }));
      const view = (await res.json()) as {
        error?: string;
        yearly: unknown[];
        charts: Array<{ svg: string }>;
      };
      expect(view.error, id).toBeUndefined();
      expect(view.yearly.length, id).toBeGreaterThan(0);
      expect(view.charts.filter((c) => c.svg.startsWith('<svg')).length, id).toBe(7);
    }
  });

  it('bands an uncertain scenario', async () => {
    const res = await server.request(
      '/api/scenarios/run',
      post({ scenario: 'stargate-ranges', samples: 300 }),
    );
    const view = (await res.json()) as {
      uncertain: boolean;
      yearly: Array<{ cells: Record<string, string> }>;
    };
    expect(view.uncertain).toBe(true);
    expect(view.yearly[3]?.cells.facility_power).toMatch(/GW \(.* to .*\)$/);
  });

  it('names an invalid scenario by line and column, and an unknown assumption with the nearest', async () => {
    const bad = await server.request(
      '/api/scenarios/run',
      post({ yaml: 'name: x\nspan: {start: 2026-01, end: 2027-13}\nfleet: []\n' }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^your scenario:2:\d+/);
    const typo = await server.request(
      '/api/scenarios/run',
      post({ scenario: 'stargate', overrides: { peu: '1.2' } }),
    );
    expect(((await typo.json()) as { error: string }).error).toBe(
      "unknown scenario assumption 'peu'; did you mean 'pue'?",
    );
    const missing = await server.request('/api/scenarios/run', post({ scenario: 'stargat' }));
    expect(missing.status).toBe(404);
  });

  it('reads a text box as the control shows it: its unit for bare numbers, dashes for ranges, its name in errors', async () => {
    const run = async (overrides: Record<string, string>) =>
      (
        await server.request('/api/scenarios/run', post({ scenario: 'stargate', overrides, samples: 50 }))
      ).json() as Promise<{
        error?: string;
        controls?: Array<{ key: string; written: string }>;
      }>;
    const written = async (overrides: Record<string, string>, key: string) =>
      (await run(overrides)).controls?.find((c) => c.key === key)?.written;
    expect(await written({ electricity_price: '0.1' }, 'electricity_price')).toBe('$0.1/kWh');
    expect(await written({ hardware_lifetime: '5' }, 'hardware_lifetime')).toBe('5 years');
    expect(await written({ hardware_lifetime: '4-6' }, 'hardware_lifetime')).toBe('4 years to 6 years');
    expect(await written({ pue: '1.1 – 1.4' }, 'pue')).toBe('1.1 – 1.4');
    expect((await run({ pue: 'lots' })).error).toBe('PUE: expected a ratio like "1.2", got "lots"');
    expect((await run({ electricity_price: '5 GW' })).error).toMatch(/^Electricity price: /);
  });

  it('names broken YAML by line and column even with a slider moved', async () => {
    for (const yaml of ['name: x\nspan: {start: 2026-01\n', '- just\n- a list\n']) {
      const res = await server.request('/api/scenarios/run', post({ yaml, overrides: { pue: '1.2' } }));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/^your scenario/);
    }
  });

  it('stops Monte Carlo at the time limit', async () => {
    const { app: hurried } = app({ timeLimit: 1 });
    const res = await hurried.request(
      '/api/scenarios/run',
      post({ scenario: 'stargate-ranges', samples: 20_000 }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/longer than the time limit/);
  });
});

describe('request guards', () => {
  it('refuses a POST that does not say it sends JSON', async () => {
    const { app: server } = app();
    const res = await server.request('/api/runs', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ kind: 'calculator', name: 'x', calculator: 'cluster', inputs: { count: '1' } }),
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { runs?: unknown; error: string }).error).toMatch(
      /Content-Type: application\/json/,
    );
  });

  it('answers only to loopback host names when it listens on loopback', async () => {
    const { app: guarded } = app({}, { loopbackOnly: true });
    const at = (host: string) => guarded.request('/api/runs', { headers: { Host: host } });
    expect((await at('127.0.0.1:4321')).status).toBe(200);
    expect((await at('localhost:4321')).status).toBe(200);
    const rebound = await at('evil.example:4321');
    expect(rebound.status).toBe(403);
    expect(((await rebound.json()) as { error: string }).error).toMatch(/loopback address only/);
  });
});

describe('static files', () => {
  const { app: server } = app();

  it('serves the explorer shell for page routes and never a file outside its folder', async () => {
    const page = await server.request('/scenario/stargate');
    expect(page.status).toBe(200);
    // A scenario or calculator that does not exist is a 404, with the shell to say so.
    for (const [path, status] of [
      ['/scenario/stargat', 404],
      ['/calc/clusterr', 404],
      ['/calc/frontier-run', 200],
      ['/scenario/custom', 200],
      ['/frontier', 200],
    ] as const) {
      const res = await server.request(path);
      expect(res.status, path).toBe(status);
      expect(await res.text(), path).toMatch(/<title>gigawatt explorer<\/title>/);
    }
    expect(await page.text()).toMatch(/<title>gigawatt explorer<\/title>/);
    for (const path of [
      '/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2fpackage.json',
      '/js/..%2f..%2f..%2fpackage.json',
    ]) {
      const res = await server.request(path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toMatch(/"name": "gigawatt"/);
    }
  });
});
