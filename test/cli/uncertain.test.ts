import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wholeNumber } from '../../src/cli/flags.js';
import { cli, compiledCli } from '../helpers/cli.js';

describe('gigawatt calc with distributions', () => {
  it('prints quantiles and means when an input is a distribution', async () => {
    const r = await cli(
      'calc',
      'cluster',
      '--accelerator',
      'h100',
      '--count',
      '100k',
      '--pue',
      '1.1 to 1.4',
      '--price',
      '$25k to $35k',
      '--samples',
      '20000',
      '--seed',
      '3',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Monte Carlo: 20,000 samples, seed 3/);
    expect(r.stdout).toMatch(/Output\s+p5\s+p50\s+p95\s+mean/);
    expect(r.stdout).toMatch(/pue\s+1\.1 to 1\.4\s+1\.1\s+1\.24\s+1\.4/);
  });

  it('gives byte-identical output for the same seed, from the compiled CLI', () => {
    const args = [
      'calc',
      'training',
      '--model',
      'llama-3.1-405b',
      '--mfu',
      '30% to 45%',
      '--goodput',
      'pert(70%, 90%, 97%)',
      '--samples',
      '30000',
      '--seed',
      '11',
      '--json',
    ];
    const a = compiledCli(...args);
    const b = compiledCli(...args);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).outputs.duration.quantiles).toHaveProperty('p95');
  });

  it('keeps deterministic runs exactly as they were', async () => {
    const r = await cli('calc', 'cluster', '--count', '1000', '--json');
    expect(JSON.parse(r.stdout).outputs.total_capex).toHaveProperty('display');
  });

  it('takes configurable quantiles and correlations', async () => {
    const r = JSON.parse(
      (
        await cli(
          'calc',
          'cluster',
          '--count',
          '1000',
          '--pue',
          '1.1 to 1.4',
          '--it-power',
          '1.3 kW to 1.6 kW',
          '--correlate',
          'pue,it-power=0.8',
          '--quantiles',
          '10,90',
          '--samples',
          '5000',
          '--json',
        )
      ).stdout,
    );
    expect(Object.keys(r.outputs.facility_power.quantiles)).toEqual(['p10', 'p90']);
  });

  it('prints a tornado table and draws it', async () => {
    const chart = join(mkdtempSync(join(tmpdir(), 'gigawatt-tornado-')), 'tornado.svg');
    const r = await cli(
      'calc',
      'cluster',
      '--count',
      '1000',
      '--pue',
      '1.1 to 1.4',
      '--price',
      '$20k to $40k',
      '--sensitivity',
      'cost-per-accelerator-hour',
      '--chart',
      chart,
    );
    expect(r.stdout).toMatch(/Sensitivity of cost_per_accelerator_hour/);
    expect(r.stdout).toMatch(/price\s+\$[\d.]+\/h\s+\$[\d.]+\/h/);
    const svg = readFileSync(chart, 'utf8');
    expect(svg).toMatch(/^<svg[^>]*>/);
    // One bar per uncertain input, price and PUE.
    expect(svg.match(/<rect[^>]*fill="#(4e79a7|e15759)"/g)?.length).toBe(2);
  });

  it.each([
    [['--pue', '0.5 to 0.3'], '--pue: in "0.5 to 0.3" the low end (0.5) must be below the high end (0.3)'],
    [['--pue', 'normal(1, -2)'], '--pue: normal(1, -2): the standard deviation must be positive, got -2'],
    [
      ['--load-factor', '80% to 120%'],
      '--load-factor: its 95th percentile (120%) is above the largest allowed value (100%)',
    ],
    [
      ['--pue', '1.1 to 1.4', '--samples', '0'],
      '--samples: expected a whole number from 1 to 100,000,000, got "0"',
    ],
    [
      ['--pue', '1.1 to 1.4', '--quantiles', '5,150'],
      '--quantiles: expected percentiles between 0 and 100 separated by commas, e.g. "5,50,95", got "5,150"',
    ],
    [
      ['--pue', '1.1 to 1.4', '--correlate', 'pue,price=0.5'],
      "--correlate: cannot correlate 'price': it is not an uncertain input (give it a distribution)",
    ],
  ])('bad distribution %j → one sentence, exit 2', async (flags, message) => {
    const r = await cli('calc', 'cluster', '--count', '1000', ...flags);
    expect(r.stderr).toBe(`gigawatt: ${message}\n`);
    expect(r.code).toBe(2);
  });
});

describe('Monte Carlo across worker threads', () => {
  it('gives byte-identical figures with one worker or two', () => {
    const args = [
      'calc',
      'cluster',
      '--count',
      '1000',
      '--pue',
      '1.1 to 1.4',
      '--price',
      '$25k to $35k',
      '--samples',
      '300000',
      '--seed',
      '9',
      '--json',
    ];
    const one = compiledCli(...args, '--workers', '1');
    const two = compiledCli(...args, '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('gives byte-identical scenario figures with one worker or two', () => {
    const args = ['run', 'scenarios/stargate-ranges.yaml', '--samples', '24000', '--seed', '4', '--json'];
    const one = compiledCli(...args, '--workers', '1');
    const two = compiledCli(...args, '--workers', '2');
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).samples).toBe(24000);
    expect(two.stdout).toBe(one.stdout);
  });
});

describe('whole-number flags', () => {
  it('read counts the way every other count is written', () => {
    expect(wholeNumber('--samples', '1.5k', 1)).toBe(1500);
    expect(wholeNumber('--samples', '2.5M', 1)).toBe(2_500_000);
    expect(wholeNumber('--samples', '10_000', 1)).toBe(10_000);
    expect(wholeNumber('--port', '0', 0)).toBe(0);
    for (const text of ['1.5', 'lots', '0']) {
      expect(() => wholeNumber('--samples', text, 1)).toThrow(
        `--samples: expected a whole number of at least 1, got "${text}"`,
      );
    }
  });
});
