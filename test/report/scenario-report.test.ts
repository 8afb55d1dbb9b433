import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  renderComparison,
  renderScenarioReport,
  renderScenarioUncertainReport,
} from '../../src/report/scenario-report.js';
import { OUTPUTS, YEAR_OUTPUTS } from '../../src/scenario/outputs.js';
import { runScenario, runScenarioUncertain } from '../../src/scenario/run.js';
import { parseQuantity } from '../../src/units/parse.js';
import { catalog } from '../helpers/catalog.js';
import { column, expectAligned, tableAt } from '../helpers/table.js';

const read = (name: string) => readFileSync(`scenarios/${name}`, 'utf8');
const stargate = runScenario(read('stargate.yaml'), 'scenarios/stargate.yaml', catalog);
const report = renderScenarioReport(stargate);

/** The table under a heading line of a report. */
const under = (text: string, heading: string, first = 'Year') => {
  const at = text.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`no heading "${heading}"`);
  return tableAt(text.slice(at), first);
};

/** A scenario without description, claim or claims, on a chip with no FP8. */
const small = `name: Small
span: {start: 2025-01, end: 2026-12}
assumptions: {training_run: 30 days, mfu: 35%}
programs:
  - name: P
    commitments:
      - {amount: $10B, at: 2025-01}
sites:
  - name: S
    ramp: [{at: 2025-01, power: 100 MW}]
fleet:
  - {accelerator: a100-sxm, from: 2025-01}
`;

describe('scenario reports', () => {
  it('opens with the name, the description and the claim', () => {
    const s = stargate.loaded.scenario;
    const lines = report.split('\n');
    expect(lines.slice(0, 5)).toEqual([s.name, s.description, '', `Claim: ${s.claim}`, '']);
  });

  it('shows every year of the run in the build-out, lined up', () => {
    const build = under(report, 'Build-out (end of year)');
    expectAligned(build, ['Power avail.', 'Power used', 'Accelerators', 'Added', 'H100e', 'H100e added']);
    expect(column(build, 'Year')).toEqual(stargate.yearly.map((r) => String(r.year)));
    expect(column(build, 'Year')).toEqual(['2025', '2026', '2027', '2028', '2029', '2030']);
    expect(column(build, 'Binds')).toEqual(stargate.yearly.map((r) => r.binding));
  });

  it('splits each year’s fleet by the generations still in it, adding up to the total', () => {
    const build = under(report, 'Build-out (end of year)');
    build.rows.forEach((row, i) => {
      const year = stargate.yearly[i];
      const cell = row[7] ?? '';
      const parts = cell.split(', ').map((part) => part.split(' '));
      expect(parts.map(([id]) => id)).toEqual(
        Object.keys(year?.by_generation ?? {}).filter((g) => (year?.by_generation[g] ?? 0) > 0),
      );
      const sum = parts.reduce((total, [, count]) => total + parseQuantity(count ?? '', 'count'), 0);
      expect(Math.abs(sum - parseQuantity(row[3] ?? '', 'count'))).toBeLessThanOrEqual(parts.length);
    });
    // gb200 comes off the fleet by 2030.
    expect(build.rows.at(-1)?.[7]).not.toMatch(/gb200/);
    expect(build.rows[0]?.[7]).toMatch(/^gb200 /);
  });

  it('adds up each year: installed is last year plus what was added less what retired', () => {
    const build = under(report, 'Build-out (end of year)');
    const count = (name: string) => column(build, name).map((cell) => parseQuantity(cell, 'count'));
    const installed = count('Accelerators');
    const added = count('Added');
    // Nothing retires before 2030 (five-year lifetime from 2025): the stock is the running sum.
    for (let i = 1; i < 5; i++)
      expect(Math.abs((installed[i] ?? 0) - (installed[i - 1] ?? 0) - (added[i] ?? 0))).toBeLessThanOrEqual(
        2,
      );
    // H100e per accelerator lies between a GB200's (2.5) and a VR200's (8.4).
    const h100e = count('H100e');
    installed.forEach((n, i) => {
      expect((h100e[i] ?? 0) / n).toBeGreaterThan(2.4);
      expect((h100e[i] ?? 0) / n).toBeLessThan(8.5);
    });
  });

  it('shows every year of money, energy and output, capex never falling', () => {
    const money = under(report, 'Money, energy and output');
    expectAligned(money, [
      'Capex/yr',
      'Capex (cum.)',
      'Opex/yr',
      'Energy/yr',
      'BF16 peak',
      'Largest run',
      'Tokens/yr',
      'Revenue needed/yr',
    ]);
    expect(column(money, 'Year')).toEqual(stargate.yearly.map((r) => String(r.year)));
    const capex = column(money, 'Capex (cum.)').map((cell) => parseQuantity(cell, 'money'));
    for (let i = 1; i < capex.length; i++) expect(capex[i]).toBeGreaterThanOrEqual(capex[i - 1] ?? 0);
    // Each year's capex is the step in the cumulative figure (to display rounding).
    const yearly = column(money, 'Capex/yr').map((cell) => parseQuantity(cell, 'money'));
    for (let i = 1; i < capex.length; i++)
      expect(yearly[i]).toBeCloseTo((capex[i] ?? 0) - (capex[i - 1] ?? 0), -9);
    expect(column(money, 'Tokens/yr').some((cell) => cell.includes('tokens'))).toBe(false);
  });

  it('lists the claims with their years, figures and verdicts', () => {
    const claims = under(report, 'Claims');
    expectAligned(claims, ['Claimed', 'Model']);
    expect(claims.rows).toEqual(
      stargate.claims.map((c) => [String(c.year), c.text, c.claimed, c.model, c.verdict]),
    );
    // $500B claimed, $292B spent: power binds, and the verdict says so rather than "overpriced".
    expect(column(claims, 'Verdict')).toEqual([
      'consistent (±10%)',
      'claim is 71% above the model: power binds first, so the rest is not spent by 2028',
    ]);
  });

  it('cuts a claim longer than 55 characters', () => {
    const run = runScenario(read('seven-trillion.yaml'), 'seven-trillion.yaml', catalog);
    const text = run.claims[0]?.text ?? '';
    expect(text.length).toBeGreaterThan(55);
    const cell = under(renderScenarioReport(run), 'Claims').rows[0]?.[1];
    expect(cell).toBe(`${text.slice(0, 54)}…`);
  });

  it('leaves out what a scenario does not have, and explains its own assumptions and notes', () => {
    const text = renderScenarioReport(runScenario(small, 'small.yaml', catalog));
    expect(text.split('\n').slice(0, 3)).toEqual(['Small', '', 'Build-out (end of year)']);
    expect(text).not.toMatch(/Claim/);
    expect(text).toContain(
      "  Largest run: the largest site's fleet for 30 days, at 35% MFU up to 16,384 accelerators and less beyond, goodput after interruptions at its size; `calc frontier-run` bounds the world's.\n",
    );
    expect(text).toContain('  Note: a100-sxm has no fp8: llama-3.3-70b is served on it at bf16.\n');
    expect(text.endsWith('.\n')).toBe(true);
  });

  describe('comparison', () => {
    const nvidia = runScenario(read('nvidia-10gw.yaml'), 'scenarios/nvidia-10gw.yaml', catalog);
    const table = tableAt(renderComparison([stargate, nvidia]), 'stargate');

    it('heads each run by its file name and shows its last year', () => {
      expect(table.header).toEqual(['', 'stargate', 'nvidia-10gw']);
      expectAligned(table, ['stargate', 'nvidia-10gw']);
      expect(table.rows[0]).toEqual([
        'Last year',
        String(stargate.yearly.at(-1)?.year),
        String(nvidia.yearly.at(-1)?.year),
      ]);
    });

    it('has a row for every yearly output, then what binds and the claims tally', () => {
      expect(table.rows.map((r) => r[0])).toEqual([
        'Last year',
        ...OUTPUTS.map((k) => YEAR_OUTPUTS[k].label),
        'Binds (last year)',
        'Claims consistent',
      ]);
      const tally = (run: typeof stargate) =>
        `${run.claims.filter((c) => c.holds).length} of ${run.claims.length}`;
      expect(table.rows.at(-1)).toEqual(['Claims consistent', tally(stargate), tally(nvidia)]);
      expect(table.rows.at(-1)?.[1]).toBe('1 of 2');
    });
  });

  describe('under uncertainty', () => {
    const run = runScenarioUncertain(read('stargate-ranges.yaml'), 'x.yaml', catalog, {
      samples: 200,
      seed: 4,
      quantiles: [0.05, 0.5, 0.95],
    });
    const text = renderScenarioUncertainReport(run);

    it('names the run with its samples and seed', () => {
      expect(text.split('\n')[0]).toBe(`${run.parsed.scenario.name} (Monte Carlo: 200 samples, seed 4)`);
    });

    it('shows each year as a median in its 90% interval', () => {
      const build = under(text, 'Build-out, end of year: median (5th to 95th percentile)');
      expectAligned(build, ['Power used', 'Accelerators', 'Accelerators added']);
      expect(column(build, 'Year')).toEqual(run.mc.yearly.map((y) => String(y.year)));
      const cells = column(build, 'Power used');
      cells.forEach((cell, i) => {
        // A year every sample agrees on (the sites' first year) is one figure; the rest are intervals.
        const q = run.mc.yearly[i]?.outputs.facility_power?.quantiles ?? {};
        const m = /^(.+) \((.+) to (.+)\)$/.exec(cell);
        if ((q.p95 ?? 0) <= (q.p5 ?? 0)) {
          expect(m, cell).toBeNull();
          return;
        }
        expect(m, cell).not.toBeNull();
        const [mid, low, high] = [m?.[1], m?.[2], m?.[3]].map((v) => parseQuantity(v ?? '', 'power'));
        expect(low).toBeLessThanOrEqual(mid ?? 0);
        expect(mid).toBeLessThanOrEqual(high ?? 0);
      });
      expect(cells.filter((cell) => cell.includes(' to ')).length).toBeGreaterThan(3);
      const money = under(text, 'Money and energy');
      expect(column(money, 'Year')).toEqual(run.mc.yearly.map((y) => String(y.year)));
      // The fleet at the medians, by generation, adds up to the median run's installed total.
      const fleet = under(text, 'Accelerators installed by generation, at the medians');
      expect(fleet.header.slice(1)).toEqual(['gb200', 'gb300', 'vr200']);
    });

    it('gives what binds as shares of runs, largest first, adding to about 100%', () => {
      const build = under(text, 'Build-out, end of year: median (5th to 95th percentile)');
      for (const cell of column(build, 'Binds (share of runs)')) {
        const shares = cell.split(', ').map((part) => Number(/ (\d+)%$/.exec(part)?.[1]));
        expect(shares).toEqual([...shares].sort((a, b) => b - a));
        const total = shares.reduce((a, b) => a + b, 0);
        expect(Math.abs(total - 100)).toBeLessThanOrEqual(shares.length);
      }
    });

    it('lists every uncertain number with its spread', () => {
      const inputs = tableAt(text, 'Uncertain number');
      expectAligned(inputs, ['p5', 'p50', 'p95']);
      expect(column(inputs, 'Uncertain number')).toEqual(run.mc.uncertain.map((u) => u.name));
      const pue = inputs.rows.find(([name]) => name === 'assumptions.pue') ?? [];
      const [p5, p50, p95] = pue.slice(1).map(Number);
      expect(p5).toBeLessThan(p50 ?? 0);
      expect(p50).toBeLessThan(p95 ?? 0);
    });

    it('judges the claims against the interval', () => {
      const claims = under(text, 'Claims');
      expect(claims.header).toContain('Model (90%)');
      expect(column(claims, 'Verdict')).toEqual(run.claims.map((c) => c.verdict));
      expect(column(claims, 'Verdict')).toContain('inside the 90% interval');
    });
  });
});
