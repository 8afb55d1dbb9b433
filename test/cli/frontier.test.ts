import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gigawatt-frontier-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Summary = { mean: number; quantiles: Record<string, number> };

describe('calc frontier-run from the command line', () => {
  it('prints each bound with its median and 80% interval, and what binds', async () => {
    const r = await cli('calc', 'frontier-run', '--year', '2030', '--samples', '2000');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Output\s+p10\s+p50\s+p90\s+mean/);
    for (const label of [
      'Largest run',
      'Power, one campus',
      'Power, distributed',
      'Chips',
      'Data',
      'Latency wall',
    ])
      expect(r.stdout).toContain(label);
    expect(r.stdout).toMatch(
      /Binds: (power, one campus|power, distributed|chips|data|latency wall) in \d+% of samples/,
    );
    // The inputs drawn, each from its sourced range.
    expect(r.stdout).toMatch(/campus-power\s+2\.2 GW to 9 GW/);
  });

  it('names its JSON outputs largest_run, by_* and binding', async () => {
    const r = await cli('calc', 'frontier-run', '--year', '2030', '--samples', '2000', '--json');
    const out = JSON.parse(r.stdout) as {
      outputs: Record<string, Summary>;
      binding: { constraint: string; shares: Record<string, number> };
    };
    for (const name of [
      'largest_run',
      'by_power_campus',
      'by_power_distributed',
      'by_chips',
      'by_data',
      'by_latency',
    ]) {
      expect(out.outputs[name]?.mean, name).toBeGreaterThan(0);
      expect(Object.keys(out.outputs[name]?.quantiles ?? {})).toEqual(['p10', 'p50', 'p90']);
    }
    expect(Object.keys(out.binding.shares)).toContain(out.binding.constraint);
  });

  it('runs year by year with the largest runs done beside the bounds, and draws them', async () => {
    const png = join(dir, 'frontier.png');
    const r = await cli(
      'calc',
      'frontier-run',
      '--from',
      '2023',
      '--to',
      '2026',
      '--samples',
      '500',
      '--chart',
      png,
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => /^\s+20\d\d\s/.test(l));
    expect(lines.map((l) => l.trim().slice(0, 4))).toEqual(['2023', '2024', '2025', '2026']);
    expect(r.stdout).toMatch(/2024 .*Llama 3\.1 405B 3\.8e25 \(1\/\d+ of the bound/);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    const svg = join(dir, 'frontier.svg');
    await cli('calc', 'frontier-run', '--from', '2024', '--to', '2025', '--samples', '300', '--chart', svg);
    const text = readFileSync(svg, 'utf8');
    expect(text).toContain('Grok 3');
    expect(text).toContain('Largest training run each constraint allows');
    const json = await cli(
      'calc',
      'frontier-run',
      '--from',
      '2024',
      '--to',
      '2025',
      '--samples',
      '300',
      '--json',
    );
    const years = (
      JSON.parse(json.stdout) as {
        years: Array<{ year: number; largest_done?: { id: string; share_of_bound: number } }>;
      }
    ).years;
    expect(years.map((y) => y.largest_done?.id)).toEqual(['llama-3.1-405b', 'grok-4']);
    for (const y of years) expect(y.largest_done?.share_of_bound).toBeLessThan(1);
  });

  it('refuses bad input in one sentence with exit code 2', async () => {
    for (const [args, message] of [
      [['--year', '2040'], /--year: 2040 is outside the world scenario/],
      [['--year', '2030', '--run-share', '120%'], /--run-share: cannot exceed 100%/],
      [['--year', '2030', '--duration', '0 days'], /--duration: must be positive/],
      [['--from', '2019'], /--from: expected a year of the world scenario, 2022 to 2035/],
      [['--year', '2030', '--from', '2028'], /--year and --from\/--to conflict/],
    ] as const) {
      const r = await cli('calc', 'frontier-run', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
