import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

/**
 * Every input the front-door review found breaking the CLI, each now answered with one
 * sentence and exit 2: the sentence is checked word for word where its wording is the
 * point, by pattern elsewhere.
 */
const dir = mkdtempSync(join(tmpdir(), 'gigawatt-front-door-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const long = 'h'.repeat(50_000);
const SCENARIO = 'scenarios/stargate.yaml';

describe('inputs that once broke the CLI', () => {
  it.each<[string[], RegExp]>([
    [
      ['calc', 'cluster', '--count', '1e308'],
      /^--count: "1e308" is out of range: gigawatt takes a count up to 1e15$/,
    ],
    [['calc', 'training', '--count', '1e308', '--duration', '100 days'], /^--count: "1e308" is out of range/],
    [['calc', 'supply', '--units', '1e308'], /^--units: "1e308" is out of range/],
    [
      ['calc', 'token-factory', '--model', 'llama-3.3-70b', '--facility-power', '1e308 W'],
      /^--facility-power: "1e308 W" is out of range: gigawatt takes a power up to 1 PW$/,
    ],
    [
      ['calc', 'edge-vs-central', '--model', 'llama-3.1-8b', '--devices', '1e308'],
      /^--devices: "1e308" is out of range/,
    ],
    [
      ['calc', 'cluster', '--count', '100k', '--price', '$1 to $1e300', '--samples', '2000'],
      /^--price: "\$1e300" is out of range/,
    ],
    [
      ['calc', 'supply', '--units', '5M', '--packaging-yield', 'lognormal(1e300, 50)'],
      /^--packaging-yield: "1e300" is out of range/,
    ],
    [
      ['calc', 'supply', '--units', '5M', '--packaging-yield', 'lognormal(0.9, 500)'],
      /^--packaging-yield: its 95th percentile is past the largest fraction gigawatt takes \(100,000%\); narrow the distribution$/,
    ],
    [['calc', 'cluster', '--count', '100k', '--pue', '-1e308 to 1e308'], /^--pue: "-1e308" is out of range/],
    [
      ['calc', 'supply', '--units', '5M', '--packaging-yield', 'normal(1e308, 1e308)'],
      /^--packaging-yield: "1e308" is out of range/,
    ],
    [
      ['calc', 'cluster', '--count', '100k', '--pue', '1.1 to 1.3', '--correlate', 'pue,price=.'],
      /^--correlate: expected "input,input=rho" with rho strictly between -1 and 1/,
    ],
    [['calc', 'supply', '--units', 'normal(NaN, 1)'], /^--units: expected a count like "5M", got "NaN"$/],
    [['schema', '__proto__'], /^unknown schema '__proto__'; known: scenario$/],
    [
      ['run', 'scenarios/stargate-ranges.yaml', '--sensitivity', 'constructor@2028'],
      /^--sensitivity: unknown yearly output 'constructor'/,
    ],
    [['catalog', 'show', 'toString'], /^unknown catalog entry 'toString'/],
    [['run', '/dev/zero'], /^\/dev\/zero: not a regular file; give a YAML file$/],
    [
      ['calc', 'inference', '--model', 'llama-3.3-70b', '--accelerator', 'h100', '--tp', '1e17'],
      /^--tp: "1e17" is out of range/,
    ],
    [
      ['calc', 'inference', '--model', 'llama-3.3-70b', '--accelerator', 'h100', '--tp', '4096'],
      /^--tp: cannot exceed 1024, got "4096"$/,
    ],
    [
      ['calc', 'cluster', '--accelerator', long, '--count', '1'],
      /^--accelerator: unknown accelerator 'h{40}…' \(50,000 characters\); known: /,
    ],
    [
      ['run', SCENARIO, '--csv', '/etc/passwd/x.csv'],
      /^\/etc\/passwd\/x\.csv: a part of the path is a file, not a folder$/,
    ],
    [
      ['run', SCENARIO, '--csv', `${'a'.repeat(300)}.csv`],
      /^a{60}… \(304 characters\): the name is too long for this file system$/,
    ],
    [['run', SCENARIO, '--csv', '--json'], /^--csv and --json both print to standard output/],
    [
      ['calc', 'cluster', '--count', '100k', '--pue', '1.2\nzz'],
      /^--pue: expected a ratio like "1\.2", got "1\.2\\nzz"$/,
    ],
    [['calc', 'cluster', '--count', '1 to 1e308'], /^--count: "1e308" is out of range/],
    [
      ['calc', 'cluster', '--count', '100k', '--pue', '1.1 to 1.3', '--workers', '1000'],
      /^--workers: expected a whole number from 1 to \d+, got "1000"$/,
    ],
    [
      ['calc', 'cluster', '--count', '100k', '--pue', '1.1 to 1.3', '--samples', '1e308'],
      /^--samples: expected a whole number from 1 to 100,000,000, got "1e308"$/,
    ],
    [
      ['calc', 'training', '--model', 'llama-3.1-405b', '--accelerator', 'h1000'],
      /^--accelerator: unknown accelerator 'h1000'; did you mean 'h100-sxm'\?$/,
    ],
    [
      ['calc', 'cluster', '--facility-power', '1PW', '--it-power', '1e-300 W'],
      /^--it-power: with this value the results leave the range of numbers gigawatt computes with \(count\)/,
    ],
  ])('%j → one sentence, exit 2', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^gigawatt: [^\n]*\n$/);
    expect(r.stderr.replace(/^gigawatt: /, '').trimEnd()).toMatch(message);
  });

  it('checks every output path before writing any', async () => {
    const a = join(dir, 'a.csv');
    const r = await cli('run', SCENARIO, '--csv', a, '--json', join(dir, 'missing', 'b.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\/b\.json: its folder does not exist\n$/);
    expect(existsSync(a)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes the sensitivity table to --json when it names a file', async () => {
    const out = join(dir, 'tornado.json');
    const r = await cli(
      'run',
      'scenarios/stargate-ranges.yaml',
      '--sensitivity',
      'facility_power',
      '--json',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`wrote ${out}\n`);
    expect(JSON.parse((await import('node:fs')).readFileSync(out, 'utf8')).output).toBe('facility_power');
    rmSync(out);
  });

  it('prints no null in catalog JSON (a precision a chip lacks is left out)', async () => {
    const r = await cli('catalog', 'show', 'h100', '--json');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/null/);
    expect(JSON.parse(r.stdout).dense).not.toHaveProperty('fp4');
  });
});

describe('scenario files that once broke it', () => {
  const scenario = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const base =
    'name: x\nspan: {start: 2025-01, end: 2030-12}\nfleet: [{accelerator: gb200, from: 2025-01}]\n';

  it.each<[string, string, RegExp]>([
    [
      'bomb.yaml',
      `${base}a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n`,
      /bomb\.yaml:\d+:\d+: its aliases expand past 100 copies of an anchor/,
    ],
    [
      'deep.yaml',
      `${base}x: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
      /deep\.yaml:\d+:\d+: invalid YAML: nested too deeply$/,
    ],
    [
      'money.yaml',
      `${base}programs: [{name: p, commitments: [{amount: $1e300, at: 2025-01}]}]\n`,
      /money\.yaml:4:\d+: programs\[0\]\.commitments\[0\]\.amount: "\$1e300" is out of range/,
    ],
    [
      'self.yaml',
      `${base}assumptions: {pue: 1.1 to 1.3}\nsites: [{name: a, ramp: [{at: 2025-01, power: 1 GW}]}]\nuncertainty: {correlations: [{a: assumptions.pue, b: assumptions.pue, rho: 0.5}]}\n`,
      /self\.yaml:6:\d+: uncertainty\.correlations\[0\]\.b: cannot correlate 'assumptions\.pue' with itself$/,
    ],
    [
      'claim.yaml',
      `${base}sites: [{name: a, ramp: [{at: 2025-01, power: 1 GW}]}]\nclaims: [{text: t, year: 2030, output: constructor, value: 1}]\n`,
      /claim\.yaml:5:\d+: claims\[0\]\.output: unknown yearly output 'constructor'/,
    ],
    [
      'span.yaml',
      'name: x\nspan: {start: 2025-01, end: 2300-12}\nfleet: [{accelerator: gb200, from: 2025-01}]\nsites: [{name: a, ramp: [{at: 2025-01, power: 1 GW}]}]\n',
      /span\.yaml:2:\d+: span\.end: a scenario spans at most 100 years; this one spans 276$/,
    ],
  ])('%s → one sentence naming file:line:col, exit 2', async (name, text, message) => {
    const file = scenario(name, text);
    const r = await cli('run', file, '--json', join(dir, 'out.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gigawatt: [^\n]*\n$/);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
    rmSync(file);
  });
});
