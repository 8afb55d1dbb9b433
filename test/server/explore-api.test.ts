import { describe, expect, it } from 'vitest';
import { app, post } from '../helpers/app.js';

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
