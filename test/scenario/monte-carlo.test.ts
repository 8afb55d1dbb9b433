import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { selectFields } from '../../src/scenario/fields.js';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenarioMonteCarlo } from '../../src/scenario/monte-carlo.js';
import { MonthSeries } from '../../src/scenario/month-series.js';
import { OUTPUTS, YEAR_OUTPUTS, yearSpans, yearValue } from '../../src/scenario/outputs.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { monthlyQuantileRecords, runScenarioUncertain } from '../../src/scenario/run.js';
import { runTimelineInto, timelineSeries } from '../../src/scenario/timeline.js';
import { catalog } from '../helpers/catalog.js';

const text = readFileSync('scenarios/stargate-ranges.yaml', 'utf8');
const options = { samples: 200, seed: 4, quantiles: [0.05, 0.5, 0.95] };

describe('scenario Monte Carlo', () => {
  it('finds the uncertain numbers of a scenario file by their paths', () => {
    const parsed = parseScenario(text, 'x.yaml', catalog);
    expect(parsed.uncertain.map((u) => u.name)).toEqual(
      expect.arrayContaining([
        'assumptions.pue',
        'sites[1].ramp[1].power',
        'fleet[2].price',
        'programs[0].commitments[1].amount',
      ]),
    );
    expect(parsed.uncertain.find((u) => u.name === 'assumptions.pue')?.min).toBe(1);
  });

  it('spreads the outcomes and keeps the same figures for the same seed', () => {
    const parsed = parseScenario(text, 'x.yaml', catalog);
    const a = runScenarioMonteCarlo(parsed, catalog, options);
    const b = runScenarioMonteCarlo(parsed, catalog, options);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const y2028 = a.yearly.find((y) => y.year === 2028)?.outputs.facility_power?.quantiles;
    expect(y2028?.p5).toBeLessThan(y2028?.p95 ?? 0);
    // The new sites ramp to 4-6.5 GW beside Abilene's 1.2 GW: power in use lies in between.
    expect(y2028?.p50).toBeGreaterThan(5e9);
    expect(y2028?.p50).toBeLessThan(7.7e9);
  });

  it('counts how often each constraint binds: as often as the drawn numbers make it', () => {
    // Power allows P / (IT power × PUE) accelerators a month; $M a month buys M / (price + building).
    // With the site's power uniform on 60-140 MW and money for exactly 100 MW of chips, power
    // binds when the draw falls under 100 MW: half the samples.
    const h100 = catalog.accelerator('h100');
    const each = h100.itPower.value * 1.2;
    const cost =
      h100.price.value + h100.itPower.value * catalog.assumptions.facility_capex_per_it_power.value;
    const monthly = (100e6 / each) * cost;
    const yaml = `name: t
span: {start: 2026-01, end: 2026-01}
assumptions: {pue: 1.2}
programs: [{name: p, commitments: [{amount: "$${monthly}", at: 2026-01}]}]
sites: [{name: a, ramp: [{at: 2026-01, power: "uniform(60 MW, 140 MW)"}]}]
fleet: [{accelerator: h100, from: 2026-01}]
`;
    const r = runScenarioMonteCarlo(parseScenario(yaml, 't.yaml', catalog), catalog, {
      ...options,
      samples: 4000,
    });
    const shares = r.yearly[0]?.binding;
    expect(Math.abs((shares?.power ?? 0) - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / 4000));
    expect((shares?.power ?? 0) + (shares?.capital ?? 0)).toBe(1);
  });

  it('gives quantile columns for every monthly series, and judges claims against the interval', () => {
    const run = runScenarioUncertain(text, 'x.yaml', catalog, options);
    const first = monthlyQuantileRecords(run)[0] ?? {};
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining([
        'month',
        'power_used_w_p5',
        'power_used_w_p50',
        'power_used_w_p95',
        'cumulative_capex_usd_mean',
      ]),
    );
    expect(run.claims.find((c) => c.text.includes('7 GW'))?.verdict).toBe('inside the 90% interval');
  });

  it('rejects a correlation between numbers the scenario does not leave uncertain', () => {
    const bad = text.replace('b: assumptions.facility_capex', 'b: assumptions.upkeep');
    expect(() => parseScenario(bad, 'x.yaml', catalog)).toThrow(
      /uncertainty\.correlations\[0\]\.b: 'assumptions\.upkeep' is not an uncertain number of this scenario/,
    );
  });

  it('rejects a pair correlated twice, and correlations that cannot hold together, naming where', () => {
    const twice = text.replace(
      '    - {a: "sites[1].ramp[1].power", b: "sites[2].ramp[1].power", rho: 0.7}\n',
      '    - {a: "sites[1].ramp[1].power", b: "sites[2].ramp[1].power", rho: 0.7}\n    - {a: "sites[2].ramp[1].power", b: "sites[1].ramp[1].power", rho: -0.9}\n',
    );
    expect(() => parseScenario(twice, 'x.yaml', catalog)).toThrow(
      /x\.yaml:\d+:\d+: uncertainty\.correlations\[2\]: correlates sites\[1\]\.ramp\[1\]\.power and sites\[2\]\.ramp\[1\]\.power again \(already at x\.yaml:\d+:\d+: uncertainty\.correlations\[1\]\); give each pair once$/,
    );
    // Sites 1 and 2 move together, 1 and 3 together, but 2 and 3 opposite: no copula has that.
    const contradictory = text.replace(
      '    - {a: "sites[2].ramp[1].power", b: "sites[3].ramp[1].power", rho: 0.7}',
      '    - {a: "sites[2].ramp[1].power", b: "sites[3].ramp[1].power", rho: -0.9}',
    );
    expect(() => parseScenario(contradictory, 'x.yaml', catalog)).toThrow(
      /x\.yaml:\d+:\d+: uncertainty\.correlations: the correlations contradict each other/,
    );
  });

  it('rejects a distribution that leaves the allowed range', () => {
    const bad = text.replace('pue: 1.1 to 1.35', 'pue: 0.9 to 1.35');
    expect(() => parseScenario(bad, 'x.yaml', catalog)).toThrow(
      /assumptions\.pue: its 5th percentile \(0\.9\) is below the smallest allowed value \(1\)/,
    );
  });
});

describe('scenario sensitivity', () => {
  it('ranks uncertain numbers by their swing in a yearly output', async () => {
    const { scenarioSensitivity } = await import('../../src/scenario/sensitivity.js');
    const parsed = parseScenario(text, 'x.yaml', catalog);
    const r = scenarioSensitivity(parsed, catalog, 'facility_power@2028');
    expect(r.year).toBe(2028);
    // Power binds: only the new sites' ramp moves the power in use much; prices do not.
    expect(r.rows[0]?.input).toBe('sites[1].ramp[1].power');
    expect(r.rows.find((row) => row.input === 'fleet[0].price')?.swing).toBe(0);
    expect(() => scenarioSensitivity(parsed, catalog, 'facility_powr')).toThrow(
      /did you mean 'facility_power'/,
    );
  });
});

describe('scenario Monte Carlo outputs', () => {
  const text = readFileSync('scenarios/stargate-ranges.yaml', 'utf8');
  const parsed = parseScenario(text, 'scenarios/stargate-ranges.yaml', catalog);
  const base = { samples: 3000, seed: 2, quantiles: [0.05, 0.5, 0.95] };

  it('summarizes only the outputs and series asked for, with the same figures', () => {
    const all = runScenarioMonteCarlo(parsed, catalog, base);
    const some = runScenarioMonteCarlo(parsed, catalog, {
      ...base,
      outputs: ['energy'],
      series: ['accelerators'],
    });
    expect(Object.keys(some.yearly[0]?.outputs ?? {})).toEqual(['energy']);
    expect(Object.keys(some.monthly[0]?.series ?? {})).toEqual(['accelerators']);
    expect(some.yearly[2]?.outputs.energy).toEqual(all.yearly[2]?.outputs.energy);
    expect(some.monthly[30]?.series.accelerators).toEqual(all.monthly[30]?.series.accelerators);
  });

  it('records, for each yearly output alone, every month field it reads, with the figures of a full run', () => {
    // Monte Carlo records only the fields an output's `reads` names, and the fleet keeps only the
    // sums those need. Fields left out are poisoned with NaN here, so a field missing from
    // the table, or a sum the fleet stopped keeping, changes the output.
    const inputs = resolveScenario(parsed, catalog);
    const full = timelineSeries(inputs);
    const spans = yearSpans(full);
    for (const output of OUTPUTS) {
      const series = new MonthSeries(full.start, full.length);
      for (const column of Object.values(series.columns)) column.fill(Number.NaN);
      runTimelineInto(inputs, series, { kept: selectFields(YEAR_OUTPUTS[output].reads) });
      for (const { year, from, to } of spans) {
        const expected = yearValue(output, full)(from, to);
        expect(yearValue(output, series)(from, to), `${output} in ${year}`).toBe(expected);
      }
    }
  });

  it('names an unknown output and suggests the nearest', () => {
    expect(() => runScenarioMonteCarlo(parsed, catalog, { ...base, outputs: ['enrgy' as 'energy'] })).toThrow(
      /unknown scenario output 'enrgy'; did you mean 'energy'/,
    );
  });
});
