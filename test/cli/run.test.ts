import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gigawatt-run-'));

describe('gigawatt run', () => {
  it('prints the yearly table with what binds, and the claims', async () => {
    const r = await cli('run', 'scenarios/stargate.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Build-out \(end of year\)/);
    expect(r.stdout).toMatch(/2028\s+7 GW\s+7 GW/);
    expect(r.stdout).toMatch(/Claims\n/);
  });

  it('gives the monthly series as CSV and JSON', async () => {
    const csv = await cli('run', 'scenarios/stargate.yaml', '--csv');
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^month,power_available_w,power_requested_w,power_used_w,installs,accelerators,accelerators_gb200,/,
    );
    expect(lines).toHaveLength(1 + 72);
    const json = JSON.parse((await cli('run', 'scenarios/stargate.yaml', '--json')).stdout);
    expect(json.monthly).toHaveLength(72);
    expect(json.yearly[0]).toHaveProperty('binding');
  });

  it('keeps binary float noise out of its CSV: twelve significant figures at most', async () => {
    const csv = (await cli('run', 'scenarios/stargate.yaml', '--csv')).stdout;
    for (const value of csv.split(/[,\n]/).filter((v) => /^-?[\d.]+(e[+-]?\d+)?$/.test(v)))
      expect(
        value
          .replace(/^-|\.|e.*$/g, '')
          .replace(/^0+/, '')
          .replace(/0+$/, '').length,
        value,
      ).toBeLessThanOrEqual(12);
  });

  it('sets assumptions as the sliders do, and writes the yearly table in display units with them', async () => {
    const file = join(dir, 'yearly.csv');
    const base = await cli('run', 'scenarios/stargate.yaml', '--json');
    const set = await cli(
      'run',
      'scenarios/stargate.yaml',
      '--set',
      'pue=1.4',
      '--set',
      'electricity_price=0.1',
      '--json',
    );
    const year = (r: typeof base) =>
      (
        JSON.parse(r.stdout) as {
          yearly: Array<{ energy: number; accelerators: number; annual_opex: number }>;
        }
      ).yearly[3] ?? { energy: 0, accelerators: 0, annual_opex: 0 };
    // The same 7 GW at PUE 1.4 instead of 1.2 feeds 1.2/1.4 as many accelerators, drawing the same energy.
    expect(year(set).accelerators / year(base).accelerators).toBeCloseTo(1.2 / 1.4, 2);
    expect(year(set).energy / year(base).energy).toBeCloseTo(1, 2);
    // A bare 0.1 is read in the slider's $/kWh: the energy bill grows by 0.10/0.08 (upkeep stays).
    expect(year(set).annual_opex).toBeGreaterThan(year(base).annual_opex);
    const written = await cli(
      'run',
      'scenarios/stargate.yaml',
      '--set',
      'pue=1.4',
      '--set',
      'electricity_price=0.1',
      '--yearly-csv',
      file,
    );
    expect(written.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(
      /^# Stargate.*: scenarios\/stargate\.yaml \(with --set\), year by year, in display units\n/,
    );
    expect(text).toContain('#   pue = 1.4\n');
    expect(text).toContain('#   electricity_price = $0.10/kWh\n');
    const table = text.split('\n').filter((l) => !l.startsWith('#'));
    expect(table[0]).toMatch(
      /^year,facility_power_requested_gw,facility_power_available_gw,facility_power_gw,/,
    );
    // Stargate's 7 GW by 2028, in GW.
    expect(table.find((l) => l.startsWith('2028,'))).toMatch(/^2028,7,7,7,/);
    for (const [args, message] of [
      [['--set', 'peu=1.4'], "--set: unknown scenario assumption 'peu'; did you mean 'pue'?"],
      [['--set', 'pue=lots'], '--set: PUE: expected a ratio like "1.2", got "lots"'],
      [['--set', 'pue'], '--set pue: expected key=value, e.g. pue=1.3'],
    ] as const) {
      const r = await cli('run', 'scenarios/stargate.yaml', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`gigawatt: ${message}`);
    }
  });

  it('writes an Excel workbook: the yearly table, the monthly series, the assumptions and their sources', async () => {
    const file = join(dir, 'stargate.xlsx');
    const r = await cli('run', 'scenarios/stargate.yaml', '--set', 'pue=1.3', '--xlsx', file);
    expect(r.code).toBe(0);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Yearly', 'Monthly', 'Assumptions', 'Sources']);
    const yearly = book.getWorksheet('Yearly');
    if (!yearly) throw new Error('no Yearly sheet');
    expect(yearly.getRow(1).getCell(1).value).toBe('year');
    // Stargate's 7 GW in 2028, in GW, in the facility power column.
    const header = (yearly.getRow(1).values as unknown[]).indexOf('facility_power_gw');
    const y2028 = [2, 3, 4, 5, 6, 7]
      .map((i) => yearly.getRow(i))
      .find((row) => row?.getCell(1).value === 2028);
    expect(y2028?.getCell(header).value).toBe(7);
    const assumptions = book.getWorksheet('Assumptions');
    const pue = [2, 3, 4].map((i) => assumptions?.getRow(i).values as unknown[]).find((v) => v[1] === 'pue');
    expect(pue?.slice(1)).toEqual(['pue', '1.3', 'the scenario']);
    expect(book.getWorksheet('Monthly')?.rowCount).toBe(73);
    expect(book.getWorksheet('Sources')?.rowCount).toBeGreaterThan(20);
    const wrong = await cli('run', 'scenarios/stargate.yaml', '--xlsx', join(dir, 'out.csv'));
    expect(wrong.code).toBe(2);
  });

  it('draws an SVG and a PNG chart', async () => {
    const svg = join(dir, 'stargate.svg');
    const png = join(dir, 'stargate.png');
    expect((await cli('run', 'scenarios/stargate.yaml', '--chart', svg)).code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(readFileSync(svg, 'utf8')).toContain('Facility power, GW');
    expect((await cli('run', 'scenarios/stargate.yaml', '--chart', png)).code).toBe(0);
    expect([...readFileSync(png).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('compares scenarios side by side', async () => {
    const r = await cli('run', 'scenarios/stargate.yaml', 'scenarios/nvidia-10gw.yaml', '--compare');
    expect(r.stdout).toMatch(/stargate\s+nvidia-10gw/);
    expect(r.stdout).toMatch(/Binds \(last year\)/);
  });

  it('compares scenarios in a year they both run, and names the years they share when asked for another', async () => {
    const r = await cli(
      'run',
      'scenarios/stargate.yaml',
      'scenarios/nvidia-10gw.yaml',
      '--compare',
      '--year',
      '2028',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+Year\s+2028\s+2028$/m);
    // Stargate's sites reach their 7 GW in 2028 (scenarios/stargate.yaml).
    expect(r.stdout).toMatch(/^\s+Power used\s+7 GW\s+/m);
    const outside = await cli(
      'run',
      'scenarios/stargate.yaml',
      'scenarios/nvidia-10gw.yaml',
      '--compare',
      '--year',
      '2040',
    );
    expect(outside.code).toBe(2);
    expect(outside.stderr).toBe(
      'gigawatt: --year: 2040 is not run by every scenario compared (stargate.yaml 2025-2030, nvidia-10gw.yaml 2026-2031); pick 2026-2030\n',
    );
    expect((await cli('run', 'scenarios/stargate.yaml', '--year', '2028')).stderr).toMatch(/add --compare/);
  });

  it('never leaves a partial output file behind', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'name: T\nspan: {start: 2026-01, end: 2027-12}\nsupply: {share: 150%}\nfleet:\n  - {accelerator: gb200, from: 2026-01}\n',
    );
    const out = join(dir, 'bad.svg');
    const r = await cli('run', bad, '--chart', out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    const missing = await cli(
      'run',
      'scenarios/stargate.yaml',
      '--chart',
      join(dir, 'no-such-folder', 'x.svg'),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/its folder does not exist/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('rejects a chart file it cannot draw', async () => {
    const r = await cli('run', 'scenarios/stargate.yaml', '--chart', join(dir, 'chart.pdf'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--chart: expected a file ending in \.svg or \.png/);
  });

  it('prints the scenario JSON Schema', async () => {
    const r = await cli('schema', 'scenario');
    expect(JSON.parse(r.stdout).properties.fleet).toBeDefined();
    expect((await cli('schema', 'scenaro')).stderr).toMatch(/did you mean 'scenario'/);
  });
});

describe('gigawatt calc supply', () => {
  it('gives the supply chain for a number of accelerators', async () => {
    const r = JSON.parse(
      (await cli('calc', 'supply', '--accelerator', 'b200', '--units', '5M', '--json')).stdout,
    );
    for (const name of [
      'gross_dies_per_wafer',
      'good_dies_per_wafer',
      'logic_wafers',
      'cowos_wafers',
      'hbm_stacks',
      'euv_tools',
      'fabs',
      'fab_capex',
    ]) {
      expect(r.outputs[name].value, name).toBeGreaterThan(0);
    }
    expect(r.outputs.good_dies_per_wafer.value).toBeLessThan(r.outputs.gross_dies_per_wafer.value);
  });

  it('turns capital into fabs, accelerators and GW a year', async () => {
    const r = JSON.parse((await cli('calc', 'supply', '--capital', '$7T', '--json')).stdout);
    expect(r.inputs.units.origin).toBe('solved');
    const total = r.outputs.fab_capex.value + r.outputs.packaging_capex.value + r.outputs.hbm_capex.value;
    expect(total / 7e12).toBeCloseTo(1, 6);
    expect(r.outputs.datacenter_power.value).toBeGreaterThan(0);
  });

  it('says what is missing', async () => {
    expect((await cli('calc', 'supply')).stderr).toBe(
      'gigawatt: --units is missing: give --units or --capital\n',
    );
    expect((await cli('calc', 'supply', '--accelerator', 'tpu-v4', '--units', '1M')).stderr).toMatch(
      /--accelerator: tpu-v4 has no packaging data in data\/supply\.yaml; known:/,
    );
  });
});

describe('gigawatt run with distributions', () => {
  it('runs Monte Carlo for a scenario with ranges, with quantile CSV and a fan chart', async () => {
    const r = await cli('run', 'scenarios/stargate-ranges.yaml', '--samples', '100');
    expect(r.stdout).toMatch(/Monte Carlo: 100 samples, seed 1/);
    expect(r.stdout).toMatch(/Binds \(share of runs\)/);
    const csv = (await cli('run', 'scenarios/stargate-ranges.yaml', '--samples', '50', '--csv')).stdout.split(
      '\n',
    )[0];
    expect(csv).toMatch(/^month,power_used_w_p5,power_used_w_p50,power_used_w_p95,power_used_w_mean,/);
    const chart = join(dir, 'fan.svg');
    expect(
      (await cli('run', 'scenarios/stargate-ranges.yaml', '--samples', '50', '--chart', chart)).code,
    ).toBe(0);
    expect(readFileSync(chart, 'utf8')).toContain('p5-p95 band');
  });

  it('runs a plain scenario as Monte Carlo when asked', async () => {
    const r = await cli('run', 'scenarios/nvidia-10gw.yaml', '--samples', '10', '--json');
    expect(JSON.parse(r.stdout).samples).toBe(10);
  });
});
