import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/scenario/run.js';
import { scenarioJsonSchema } from '../../src/scenario/schema.js';
import { catalog } from '../helpers/catalog.js';

const SHIPPED = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
const run = (text: string) => runScenario(text, 'test.yaml', catalog);

const header = `name: T
span: {start: 2026-01, end: 2027-12}
`;
const fleet = `fleet:
  - {accelerator: gb200, from: 2026-01}
`;

describe('shipped scenarios', () => {
  it('cover every founding claim set', () => {
    for (const name of [
      'one-gw-per-week',
      'stargate',
      'nvidia-10gw',
      'microsoft-stargate-5gw',
      'seven-trillion',
      'compute-roadmap',
    ]) {
      expect(SHIPPED).toContain(`${name}.yaml`);
    }
  });

  it.each(SHIPPED)('%s runs, judges its claims, and has no NaN or Infinity', (file) => {
    const r = runScenario(readFileSync(`scenarios/${file}`, 'utf8'), `scenarios/${file}`, catalog);
    expect(r.yearly.length).toBeGreaterThan(1);
    expect(r.claims.length).toBeGreaterThan(0);
    const json = JSON.stringify({ yearly: r.yearly, monthly: r.monthly });
    expect(json).not.toMatch(/NaN|Infinity|null/);
  });

  it('keeps the committed JSON Schema in step with the loader', () => {
    const committed = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8'));
    expect(
      committed,
      'run: node dist/bin/gigawatt.js schema scenario > scenarios/scenario.schema.json',
    ).toEqual(scenarioJsonSchema());
  });
});

describe('the scenarios say what their claims imply', () => {
  const load = (f: string) => runScenario(readFileSync(`scenarios/${f}.yaml`, 'utf8'), f, catalog);

  it('one GW a week: the grid queue binds first, then equipment, and 52 GW a year is never delivered', () => {
    const r = load('one-gw-per-week');
    const year = (y: number) => r.yearly.find((row) => row.year === y);
    // Ordered in September 2025: the grid's 5-year wait and solar's 55-month queue hold the first years.
    expect(year(2027)?.binding).toBe('power: interconnection');
    expect(year(2033)?.binding).toBe('power: equipment');
    // By hand, at 25% of the world's yearly build (data/power.yaml) and the request's ~51 GW a
    // year after 2030, each source adds the least of its part and its build, in GW a year:
    // grid min(25.6, 0.25 × 48.6 × 100%) = 12.15; gas-cc min(12.8, 0.25 × 60 × 85%) = 12.75;
    // gas-sc min(5.1, 0.25 × 30 × 80%) = 5.1; engines min(2.56, 0.25 × 10 × 85%) = 2.125;
    // solar min(5.1, 0.25 × 452 × 18%) = 5.1: 37.2 GW a year, well short of 52.
    expect((year(2033)?.power_added ?? 0) / 1e9).toBeCloseTo(37.2, 0);
    const first = r.claims[0];
    expect(first?.holds).toBe(false);
    expect(first?.verdict).toBe('not reached by 2035');
  });

  it('the Microsoft plan: $100B does not reach 5 GW, so capital binds', () => {
    const r = load('microsoft-stargate-5gw');
    const last = r.yearly[r.yearly.length - 1];
    expect(last?.binding).toBe('capital');
    expect(last?.facility_power).toBeLessThan(5e9);
  });

  it('the compute roadmap: 80 YFLOP/s is far beyond a historical pace', () => {
    const r = load('compute-roadmap');
    const yflops = r.claims.find((c) => c.text.includes('80 YFLOP/s'));
    expect(yflops?.holds).toBe(false);
  });
});

describe('bad scenario files', () => {
  it.each([
    [
      `${header}sites:\n  - name: a\n    ramp: [{at: 2026-01, power: 1.2}]\n${fleet}`,
      /^test\.yaml:5:33: sites\[0\]\.ramp\[0\]\.power: expected a power like "130 MW", got "1\.2"$/,
    ],
    [
      `${header}sites:\n  - name: a\n    ramp: [{at: 2026-06, power: 1 GW}, {at: 2026-01, power: 2 GW}]\n${fleet}`,
      /sites\[0\]\.ramp\[1\]\.at: goes backwards in time: 2026-01 is not after 2026-06/,
    ],
    [
      `${header}programs:\n  - name: p\n    commitments: [{amount: "-$5B", at: 2026-01}]\n${fleet}`,
      /programs\[0\]\.commitments\[0\]\.amount: must be positive/,
    ],
    [`${header}supply: {share: 150%}\n${fleet}`, /^test\.yaml:3:17: supply\.share: cannot exceed 100%$/],
    [
      `${header}supply: {share: 10%}\nfleet:\n  - {accelerator: gb2000, from: 2026-01}\n`,
      /fleet\[0\]\.accelerator: unknown accelerator 'gb2000'; did you mean 'gb200'\?/,
    ],
    [
      `${header}suply: {share: 10%}\n${fleet}`,
      /^test\.yaml:3:\d+: unknown key 'suply'; did you mean 'supply'\?$/,
    ],
    [`${header}${fleet}`, /fleet\[0\]: nothing limits how many are bought/],
    [
      `name: T\nspan: {start: 2026-13, end: 2027-12}\nsupply: {share: 10%}\n${fleet}`,
      /span\.start: expected a month like "2026-01"/,
    ],
    [
      `${header}supply: {share: 10%}\n${fleet}claims:\n  - {text: x, year: 2040, output: facility_power, value: 1 GW}\n`,
      /claims\[0\]\.year: 2040 is outside the scenario's span \(2026-2027\)/,
    ],
    [
      `${header}supply: {share: 10%}\n${fleet}claims:\n  - {text: x, year: 2027, output: facility_powr, value: 1 GW}\n`,
      /unknown yearly output 'facility_powr'; did you mean 'facility_power'\?/,
    ],
    // The world build-out and power brought online.
    [
      `${header}sites:\n  - name: a\n    request: [{at: 2026-01, power: 1 GW}, {at: 2027-01, power: 2 GW}]\n    power: {mix: {grid: 70%, gas-cc: 50%}}\n${fleet}`,
      /^test\.yaml:6:18: sites\[0\]\.power\.mix: shares add up to 120%; they must add up to 100%$/,
    ],
    [
      `${header}sites:\n  - name: a\n    request: [{at: 2026-01, power: 2 GW}, {at: 2027-01, power: 1 GW}]\n    power: {mix: {grid: 100%}}\n${fleet}`,
      /^test\.yaml:5:64: sites\[0\]\.request\[1\]\.power: goes backwards: a request for power cannot fall below what was requested before$/,
    ],
    [
      `${header}sites:\n  - name: a\n    request: [{at: 2027-01, power: 1 GW}, {at: 2026-01, power: 2 GW}]\n    power: {mix: {grid: 100%}}\n${fleet}`,
      /sites\[0\]\.request\[1\]\.at: goes backwards in time: 2026-01 is not after 2027-01/,
    ],
    [
      `${header}sites:\n  - name: a\n    request: [{at: 2026-01, power: 1 GW}]\n    power: {mix: {gass-cc: 100%}}\n${fleet}`,
      /^test\.yaml:6:28: sites\[0\]\.power\.mix\.gass-cc: unknown power source 'gass-cc'; did you mean 'gas-cc'\?$/,
    ],
    [
      `${header}sites:\n  - name: a\n    request: [{at: 2026-01, power: 1 GW}]\n${fleet}`,
      /sites\[0\]\.request: a request needs a power mix to be delivered from/,
    ],
    [
      `${header}sites:\n  - name: a\n    ramp: [{at: 2026-01, power: 1 GW}]\n    power: {mix: {grid: 100%}}\n${fleet}`,
      /sites\[0\]\.ramp: give either a delivered ramp, or a request with a power mix, not both/,
    ],
    [
      `${header}supply: {share: 10%}\nfleet:\n  - {accelerator: gb200, from: 2026-01, line: NVIDIA}\n`,
      /fleet\[0\]\.line: lines are for world scenarios/,
    ],
    [
      `${header}world: {packaging_growth: 20%, hbm_growth: 20%, lines: [{vendor: NVIDIA}]}\nfleet:\n  - {accelerator: tpu-v7, from: 2026-01, line: NVIDIA}\n`,
      /fleet\[0\]\.accelerator: tpu-v7 is Google's, not a generation of the NVIDIA line/,
    ],
    [
      `${header}world: {packaging_growth: 20%, hbm_growth: 20%, lines: [{vendor: NVIDIA}]}\nfleet:\n  - {accelerator: gb300, from: 2026-01, line: NVIDIA}\n`,
      /^test\.yaml:2:15: span\.start: a world scenario starts by 2022-01, where data\/shipments\.yaml begins/,
    ],
    [
      `name: W\nspan: {start: 2022-01, end: 2027-12}\nworld: {packaging_growth: 20%, hbm_growth: 20%, lines: [{vendor: NVIDIA}]}\nfleet:\n  - {accelerator: gb300, from: 2026-01, line: NVIDIA}\n`,
      /world\.lines: Google shipped tpu-v4 in 2022 but has no line to continue it; add \{vendor: Google\}/,
    ],
    [
      `${header}world: {history: 2027, packaging_growth: 20%, hbm_growth: 20%, lines: [{vendor: NVIDIA}]}\nfleet:\n  - {accelerator: gb300, from: 2026-01, line: NVIDIA}\n`,
      /world\.history: data\/shipments\.yaml has no 2027; it covers 2022-2025/,
    ],
  ])('%#: rejects with file:line:col and the key path', (text, message) => {
    expect(() => run(text)).toThrow(message);
  });
});
