import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RunStore } from '../../src/store/runs.js';
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

describe('saved runs', () => {
  it('saves, lists, exports, compares and deletes runs, and keeps them across a restart', async () => {
    const { app: server, store, dataDir } = app();
    const save = async (body: unknown) =>
      (await (await server.request('/api/runs', post(body))).json()) as { id: number };
    const a = await save({ kind: 'scenario', name: 'Stargate as shipped', scenario: 'stargate' });
    const b = await save({
      kind: 'scenario',
      name: 'Dear power',
      scenario: 'stargate',
      overrides: { pue: '1.5' },
    });
    const calculatorRun = await save({
      kind: 'calculator',
      name: 'H100 cluster',
      calculator: 'cluster',
      inputs: { count: '100k' },
    });
    // One run per name: a second "Dear power" is refused, naming the run that has it.
    const twice = await server.request(
      '/api/runs',
      post({ kind: 'scenario', name: 'Dear power', scenario: 'stargate' }),
    );
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { error: string }).error).toBe(
      `name: a run named 'Dear power' is saved already (run ${b.id}); pick another name`,
    );
    // A scenario written in the explorer is saved with its text and reopens as "custom".
    const written = readFileSync('scenarios/stargate.yaml', 'utf8').replace(
      /^name: .*$/m,
      'name: Written here',
    );
    const own = await save({ kind: 'scenario', name: 'My plan', yaml: written });
    const ownRun = (await (await server.request(`/api/runs/${own.id}`)).json()) as {
      subject: string;
      spec: string;
      state: Record<string, string>;
    };
    expect(ownRun).toMatchObject({ subject: 'Written here', state: { scenario: 'custom' } });
    expect(ownRun.spec).toBe(written);

    const csv = await (await server.request(`/api/runs/${a.id}/export.csv`)).text();
    expect(csv.split('\n')[0]).toMatch(/^month,power_available_w,power_requested_w,power_used_w/);
    const yaml = await (await server.request(`/api/runs/${b.id}/export.yaml`)).text();
    expect(yaml).toMatch(/pue: "?1\.5"?/);
    const json = (await (await server.request(`/api/runs/${b.id}/export.json`)).json()) as {
      state: Record<string, string>;
    };
    expect(json.state).toMatchObject({ scenario: 'stargate', pue: '1.5' });

    type Compared = {
      kind: string;
      charts: unknown[];
      settings: Array<{ key: string; values: string[] }>;
      differences: Array<{
        year?: number;
        rows: Array<{ output: string; values: string[]; changes: string[] }>;
      }>;
    };
    const compare = (await (await server.request(`/api/compare?a=${a.id}&b=${b.id}`)).json()) as Compared;
    expect(compare.charts).toHaveLength(6);
    // What was given differently: only PUE.
    expect(compare.settings).toEqual([{ key: 'pue', label: 'PUE', values: ['1.2', '1.5'] }]);
    const last = compare.differences[compare.differences.length - 1];
    // Same sites, worse PUE: fewer accelerators fit in the same power.
    expect(last?.rows.find((r) => r.output === 'accelerators')?.changes[0]).toMatch(/^-/);
    // The same 7 GW in both is no change, whatever float noise the sums carry.
    expect(last?.rows.find((r) => r.output === 'facility_power')?.changes).toEqual(['none']);
    // Three scenario runs at once, each against the first.
    const three = (await (
      await server.request(`/api/compare?runs=${a.id},${b.id},${own.id}`)
    ).json()) as Compared;
    expect(three.differences[0]?.rows[0]?.values).toHaveLength(3);
    expect(three.differences[0]?.rows[0]?.changes).toHaveLength(2);
    // Calculator runs compare with runs of the same calculator; kinds do not mix.
    const c2 = await save({
      kind: 'calculator',
      name: 'H200 cluster',
      calculator: 'cluster',
      inputs: { count: '100k', accelerator: 'h200' },
    });
    const calcs = (await (
      await server.request(`/api/compare?runs=${calculatorRun.id},${c2.id}`)
    ).json()) as Compared;
    expect(calcs.kind).toBe('calculator');
    expect(calcs.charts).toEqual([]);
    expect(calcs.settings.find((s) => s.key === 'accelerator')?.values).toEqual(['h100-sxm', 'h200']);
    expect(calcs.differences[0]?.rows.find((r) => r.output === 'count')?.changes).toEqual(['none']);
    const mixed = await server.request(`/api/compare?runs=${a.id},${c2.id}`);
    expect(mixed.status).toBe(400);
    expect(((await mixed.json()) as { error: string }).error).toMatch(/compare runs of one kind/);

    store.close();
    const reopened = new RunStore(dataDir);
    expect(reopened.list().map((r) => r.name)).toEqual([
      'H200 cluster',
      'My plan',
      'H100 cluster',
      'Dear power',
      'Stargate as shipped',
    ]);
    expect(reopened.delete(a.id)).toBe(true);
    expect(reopened.get(a.id)).toBeUndefined();
    reopened.close();
  });

  it('answers a missing run with 404 and a bad id with 400', async () => {
    const { app: server } = app();
    expect((await server.request('/api/runs/99')).status).toBe(404);
    expect((await server.request('/api/runs/abc')).status).toBe(400);
    const bad = await server.request('/api/runs', post({ kind: 'scenario', name: '', scenario: 'stargate' }));
    expect(bad.status).toBe(400);
  });

  it('refuses to save a run its own route would refuse to run', async () => {
    const { app: server } = app();
    // Saved requests are rerun when reopened, so they meet the run routes' rules.
    for (const body of [
      { kind: 'scenario', name: 'x', scenario: 'stargate', samples: 0 },
      { kind: 'scenario', name: 'x', scenario: 'stargate', seed: -1 },
      { kind: 'calculator', name: 'x', calculator: 'cluster', inputs: { count: '1k' }, samples: 0 },
    ]) {
      expect((await server.request('/api/runs', post(body))).status).toBe(400);
    }
  });
});

describe('frontier API', () => {
  const { app: server } = app();

  it('offers each input with its sourced range and the span of years', async () => {
    const info = (await (await server.request('/api/frontier')).json()) as {
      first: number;
      last: number;
      fields: Array<{ name: string; written: string; low: number; high: number; min: number; max: number }>;
    };
    expect([info.first, info.last]).toEqual([2022, 2035]);
    const campus = info.fields.find((f) => f.name === 'campus_power');
    expect(campus?.written).toMatch(/GW to .*GW/);
    for (const f of info.fields) {
      expect(f.low, f.name).toBeLessThan(f.high);
      expect(f.min, f.name).toBeLessThanOrEqual(f.low);
      expect(f.max, f.name).toBeGreaterThanOrEqual(f.high);
    }
    expect(info.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['duration', 'layer_latency', 'text_tokens']),
    );
  });

  it('bounds each year of a span, with what binds, the runs done and the chart', async () => {
    const res = await server.request('/api/frontier', post({ from: 2024, to: 2026, samples: 500 }));
    const view = (await res.json()) as {
      years: Array<{
        year: number;
        bounds: Record<string, { median: number }>;
        binds: string;
        done?: { name: string };
      }>;
      svg: string;
    };
    expect(view.years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    for (const y of view.years) {
      const least = Math.min(
        ...['by_power_campus', 'by_power_distributed', 'by_chips', 'by_data', 'by_latency'].map(
          (b) => y.bounds[b]?.median ?? 0,
        ),
      );
      expect(y.bounds.largest_run?.median ?? 0).toBeLessThanOrEqual(least * 1.0001);
      expect(y.binds).toMatch(/\d+%/);
    }
    expect(view.years[0]?.done?.name).toBe('Llama 3.1 405B');
    expect(view.svg).toContain('<svg');
    // A fixed campus power moves the campus bound.
    const small = await server.request(
      '/api/frontier',
      post({ from: 2030, to: 2030, samples: 300, inputs: { campus_power: '100 MW' } }),
    );
    const smallView = (await small.json()) as {
      years: Array<{ bounds: Record<string, { median: number }> }>;
    };
    expect(smallView.years[0]?.bounds.by_power_campus?.median ?? 1).toBeLessThan(1e28);
  });

  it('answers the frontier-run calculator with its ranges by default, and says what binds', async () => {
    const res = await server.request(
      '/api/calculators/frontier-run',
      post({ inputs: { year: '2030' }, samples: 1000 }),
    );
    const view = (await res.json()) as {
      uncertain: boolean;
      outputs: Array<{ name: string }>;
      notes: string[];
    };
    expect(view.uncertain).toBe(true);
    expect(view.outputs.map((o) => o.name)).toContain('largest_run');
    expect(view.outputs.map((o) => o.name)).not.toContain('binds_chips');
    expect(view.notes[0]).toMatch(/^Binds: .* in \d+% of samples/);
    // Every input is listed with its source: the drawn ones with their ranges, the rest as a plain run has them.
    const inputs = (
      view as unknown as { inputs: Array<{ name: string; display: string; origin: string; via?: string }> }
    ).inputs;
    expect(inputs.find((i) => i.name === 'year')).toMatchObject({ origin: 'given', display: '2030' });
    expect(inputs.find((i) => i.name === 'duration')).toMatchObject({
      origin: 'default',
      via: 'assumption frontier_run_duration',
      display: 'pert(45 days, 181 days, 300 days)',
    });
    expect(inputs.find((i) => i.name === 'world_h100e')).toMatchObject({ origin: 'catalog' });
    expect(inputs.find((i) => i.name === 'precision')).toMatchObject({ origin: 'default', display: 'fp8' });
  });

  it('refuses a span outside the world and bad inputs in one sentence', async () => {
    const outside = await server.request('/api/frontier', post({ from: 2019, to: 2030 }));
    expect(outside.status).toBe(400);
    expect(((await outside.json()) as { error: string }).error).toMatch(
      /years: expected a span within 2022 to 2035/,
    );
    const bad = await server.request(
      '/api/frontier',
      post({ from: 2030, to: 2030, inputs: { run_share: '150%' } }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/run share: cannot exceed 100%/);
  });
});

describe('sources API', () => {
  const { app: server } = app();

  it('lists every catalog figure with its value and source, file by file, and every assumption', async () => {
    const view = (await (await server.request('/api/sources')).json()) as {
      sections: Array<{
        file: string;
        rows: Array<{ entry: string; figure: string; value: string; source: { url?: string } }>;
      }>;
      assumptions: Array<{ key: string; range?: string; sources: unknown[] }>;
    };
    expect(view.sections.map((s) => s.file)).toEqual(
      expect.arrayContaining([
        'data/accelerators.yaml',
        'data/models.yaml',
        'data/power.yaml',
        'data/frontier.yaml',
        'data/shipments.yaml',
      ]),
    );
    const accelerators = view.sections.find((s) => s.file === 'data/accelerators.yaml')?.rows ?? [];
    const bf16 = accelerators.find((r) => r.entry === 'h100-sxm' && r.figure === 'dense.bf16');
    expect(bf16?.value).toBe('989 TFLOP/s');
    expect(bf16?.source.url).toMatch(/^https:\/\//);
    const campus = view.sections
      .find((s) => s.file === 'data/frontier.yaml')
      ?.rows.find((r) => r.entry === 'largest campus 2030' && r.figure === 'median');
    expect(campus?.value).toBe('4 GW');
    expect(view.assumptions.find((a) => a.key === 'failure_domain')?.range).toBe('30k to 300k');
    for (const a of view.assumptions) expect(a.sources.length, a.key).toBeGreaterThan(0);
  });
});

describe('sensitivity API', () => {
  const { app: server } = app();

  it('takes an uncertain output apart: a tornado of its inputs and a histogram with p5, p50 and p95', async () => {
    const res = await server.request(
      '/api/calculators/cluster/sensitivity',
      post({
        inputs: { accelerator: 'h100', count: '100k', pue: '1.1 to 1.4', price: '$25k to $35k' },
        output: 'facility_power',
        samples: 4000,
      }),
    );
    const view = (await res.json()) as {
      rows: Array<{ input: string; swing: string }>;
      tornado: string;
      histogram: string;
      base: string;
    };
    // Facility power moves with PUE, not with the price.
    expect(view.rows[0]?.input).toBe('pue');
    expect(view.rows.find((r) => r.input === 'price')?.swing).toBe('0 W');
    expect(view.tornado).toContain('<svg');
    expect(view.histogram).toMatch(/p5 .*MW/);
    expect(view.histogram).toMatch(/p50 .*MW/);
    const bad = await server.request(
      '/api/calculators/cluster/sensitivity',
      post({ inputs: { count: '100k', pue: '1.1 to 1.4' }, output: 'power' }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(
      /unknown cluster output 'power'; did you mean/,
    );
  });
});

describe('scenario sensitivity API', () => {
  const { app: server } = app();

  it("ranks a scenario's uncertain numbers by the swing each causes in a yearly output", async () => {
    const res = await server.request(
      '/api/scenarios/sensitivity',
      post({ scenario: 'stargate-ranges', output: 'cumulative_capex', year: 2028 }),
    );
    const view = (await res.json()) as { label: string; rows: Array<{ input: string }>; tornado: string };
    expect(view.label).toBe('Capex (cum.) in 2028');
    // Chip prices move what is spent; electricity prices do not.
    const inputs = view.rows.map((r) => r.input);
    expect(inputs.indexOf('fleet[2].price')).toBeLessThan(inputs.indexOf('assumptions.electricity_price'));
    expect(view.tornado).toContain('<svg');
    const plain = await server.request(
      '/api/scenarios/sensitivity',
      post({ scenario: 'stargate', output: 'capex', year: 2028 }),
    );
    expect(plain.status).toBe(400);
    expect(((await plain.json()) as { error: string }).error).toMatch(
      /^output needs a scenario with distributions/,
    );
  });
});
