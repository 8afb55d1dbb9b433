import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RunStore } from '../../src/store/runs.js';
import { app, post } from '../helpers/app.js';

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
