import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gigawatt-world-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the world build-out from the command line', () => {
  it('runs the world 2022-2035 under uncertainty, with H100e, capex a year and what binds', async () => {
    const json = join(dir, 'world.json');
    const r = await cli('run', 'scenarios/world.yaml', '--samples', '200', '--json', json);
    expect(r.code).toBe(0);
    const out = JSON.parse(readFileSync(json, 'utf8')) as {
      yearly: Array<{
        year: number;
        outputs: Record<string, { mean: number; quantiles: Record<string, number> }>;
      }>;
    };
    expect(out.yearly.map((y) => y.year)).toEqual(Array.from({ length: 14 }, (_, i) => 2022 + i));
    for (const key of [
      'h100e',
      'h100e_added',
      'accelerators',
      'facility_power',
      'energy',
      'capex',
      'cumulative_capex',
    ])
      expect(out.yearly[13]?.outputs[key]?.quantiles.p50, key).toBeGreaterThan(0);
    // The history is as shipped: every sample agrees on 2025.
    const h2025 = out.yearly[3]?.outputs.h100e?.quantiles ?? {};
    expect(h2025.p5).toBe(h2025.p95);
    const text = await cli('run', 'scenarios/world.yaml', '--samples', '200');
    expect(text.stdout).toMatch(
      /Accelerators installed by vendor, at the medians\n\s+Year\s+NVIDIA\s+Google\s+AWS\s+AMD\s+Huawei/,
    );
  });

  it('puts a program beside the world, and warns when it needs more than the world makes', async () => {
    const r = await cli('run', 'scenarios/seven-trillion.yaml');
    expect(r.stdout).toMatch(/\nShare of the world\n/);
    expect(r.stdout).toMatch(
      /Warning: it installs more accelerators than the world makes: \d+% of the world's in 20\d\d\./,
    );
    expect(r.stdout).toMatch(
      /Warning: it uses [\d.]+% of the world's electricity in 20\d\d, more than all data centres use in any published plan/,
    );
    const stargate = await cli('run', 'scenarios/stargate.yaml');
    expect(stargate.stdout).not.toMatch(/Warning:/);
  });

  it('says what bringing 52 GW online takes, by source, and lists the sources', async () => {
    const r = await cli('calc', 'power', '--power', '52GW');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Time to bring online\s+[\d.]+ years/);
    expect(r.stdout).toMatch(/\nEach source alone\n/);
    expect(r.stdout).toMatch(/note: fastest mix: /);
    const list = await cli('catalog', 'power');
    expect(list.stdout).toMatch(
      /^id\s+name\s+grid\s+cost\/kW\s+lead time\s+capacity factor\s+world builds\/yr\s+backlog\n/,
    );
    expect(list.stdout).toMatch(
      /\ngas-cc\s+Combined-cycle gas turbine\s+no\s+\$2\.4k\s+5 years\s+85%\*\s+60 GW\*\s+80 GW\n/,
    );
    const bad = await cli('calc', 'power', '--power', '52GW', '--source', 'turbine');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^gigawatt: --source: unknown power source 'turbine'; known: /);
  });

  it('prints the forecasts against the world and draws them on its chart', async () => {
    const r = await cli('check', 'checks/forecasts.yaml', '--no-sources');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^checks\/forecasts\.yaml: forecasts, \d+ of \d+ consistent with the model/);
    const chart = join(dir, 'world.svg');
    expect((await cli('run', 'scenarios/world.yaml', '--samples', '200', '--chart', chart)).code).toBe(0);
    const svg = readFileSync(chart, 'utf8');
    for (const label of ['RAND', 'MCKINSEY', 'AI2027']) expect(svg).toContain(`>${label}</text>`);
  });
});
