import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateCheckFile } from '../../src/checks/evaluate.js';
import { catalog } from '../helpers/catalog.js';
import { besideChecks } from '../helpers/checks.js';

const evaluate = (text: string, file = 'test.yaml') => evaluateCheckFile(text, file, catalog, besideChecks);

const published = (value: string, tolerance = '5%') => `kind: published
checks:
  - id: T-1
    title: GPT-3 compute
    calculator: training
    inputs: {params: 175e9, tokens: 300e9, count: 1000}
    expect:
      - {output: training_flop, value: ${value}, tolerance: ${tolerance}}
    source: {title: GPT-3 paper}
`;

describe('published checks', () => {
  it('hold a run done below the bound the model gives, and say how loose the bound is', () => {
    const bound = (value: string) => `kind: published
checks:
  - id: F-1
    title: the largest run of 2024 lies below the bound
    calculator: frontier-run
    inputs: {year: 2024, campus_power: 200 MW, mfu: 40%, goodput: 90%, duration: 100 days}
    expect:
      - {output: largest_run, value: ${value}, model_is: upper_bound}
    source: {title: Epoch AI}
`;
    const below = evaluate(bound('3.8e25 FLOP'));
    expect(below.failures).toBe(0);
    const e = below.results[0]?.expectations[0];
    expect(e?.verdict).toMatch(/^below the bound \(1\/\d+(\.\d)? of the bound\)$/);
    expect(e?.model.value).toBeGreaterThan(3.8e25);
    const above = evaluate(bound('1e30 FLOP'));
    expect(above.failures).toBe(1);
    expect(above.results[0]?.expectations[0]?.verdict).toMatch(
      /^above the bound \([\d.e+]+× the bound: above it\)$/,
    );
    const loose = evaluate(bound('1e23 FLOP'));
    expect(loose.results[0]?.expectations[0]?.verdict).toMatch(/of the bound: loose\)$/);
  });

  it('hold when the model lands within tolerance', () => {
    const r = evaluate(published('3.14e23 FLOP'));
    expect(r.failures).toBe(0);
    expect(r.results[0]?.expectations[0]?.verdict).toBe('holds (±5%)');
  });

  it('fail, with the difference, when it does not', () => {
    const r = evaluate(published('2e23 FLOP'));
    expect(r.failures).toBe(1);
    expect(r.results[0]?.expectations[0]?.verdict).toBe('off by +58% (±5%)');
  });

  it('take order-of-magnitude tolerances', () => {
    expect(evaluate(published('1e24 FLOP', 'x10')).failures).toBe(0);
    expect(evaluate(published('1e25 FLOP', 'x10')).failures).toBe(1);
  });

  it('all shipped published facts hold', () => {
    const r = evaluate(readFileSync('checks/published.yaml', 'utf8'), 'checks/published.yaml');
    const missed = r.results.flatMap((c) =>
      c.expectations.filter((e) => !e.holds).map((e) => `${c.id}: ${e.verdict}`),
    );
    expect(missed).toEqual([]);
    expect(r.results.length).toBeGreaterThan(20);
  });
});

describe('scenario checks', () => {
  const world = (expect: string, extra = '') => `kind: forecasts
checks:
  - id: W-1
    title: Installed H100e
    scenario: ../scenarios/world.yaml${extra}
    expect:
      - ${expect}
    source: {title: A forecast}
`;

  it("hold the world's history to published totals: H100e is what was shipped, by dense BF16", () => {
    const r = evaluate(readFileSync('checks/published.yaml', 'utf8'), 'checks/published.yaml');
    const h100e = r.results.find((c) => c.id === 'EPOCH-H100E-2025')?.expectations[0];
    expect(h100e?.year).toBe(2025);
    // By hand: every row of data/shipments.yaml 2022-2025 (none retires within six years),
    // each counted at its dense BF16 peak over the H100 SXM's 989.4 TFLOP/s.
    const h100 = catalog.accelerator('h100-sxm').dense.bf16?.value ?? 0;
    const installed = catalog.shipments.years
      .filter((y) => y.year <= 2025)
      .flatMap((y) => y.rows)
      .reduce(
        (sum, row) =>
          sum + (row.units.value * (catalog.accelerator(row.accelerator).dense.bf16?.value ?? 0)) / h100,
        0,
      );
    expect(h100e?.model.value).toBeCloseTo(installed, -4);
    expect(r.results.find((c) => c.id === 'EPOCH-H100E-2025')?.scenario).toBe('scenarios/world.yaml');
  });

  it("judge forecasts against the world's median, holding those inside its 90% interval", () => {
    const r = evaluate(readFileSync('checks/forecasts.yaml', 'utf8'), 'checks/forecasts.yaml');
    expect(r.kind).toBe('forecasts');
    expect(r.failures).toBe(0);
    expect(r.results.length).toBeGreaterThanOrEqual(15);
    for (const e of r.results.flatMap((c) => c.expectations)) {
      expect(e.model.display).toMatch(/\(.+ to .+\)$/);
      expect(e.verdict).toMatch(/^(inside the 90% interval|consistent \(±25%\)|forecast is .+ the model)$/);
    }
  });

  it("read each founding claim's build-out against the world: its share of the world's figure and what bound", () => {
    const r = evaluate(readFileSync('checks/seed-claims.yaml', 'utf8'), 'checks/seed-claims.yaml');
    const week = r.results.find((c) => c.id === 'A-1GW-WEEK')?.expectations[0];
    expect(week?.world?.binding).toBe('power: equipment');
    // The share is the program's power added over the world baseline's that year.
    const world = catalog.world?.years.find((y) => y.year === 2031);
    expect(week?.world?.share).toBeCloseTo((week?.model.value ?? 0) / (world?.power_added ?? 1), 9);
    const stargate = r.results.find((c) => c.id === 'B-STARGATE-7GW')?.expectations[0];
    expect(stargate?.world?.share).toBeGreaterThan(0.01);
    expect(stargate?.world?.share).toBeLessThan(0.5);
    // FP8 FLOP/s are not in the world baseline: what bound, but no share.
    const yflops = r.results.find((c) => c.id === 'E-80YF')?.expectations[0];
    expect(yflops?.world).toEqual({ share: undefined, binding: 'plan' });
    // The world itself is not a share of itself.
    const forecasts = evaluate(readFileSync('checks/forecasts.yaml', 'utf8'), 'checks/forecasts.yaml');
    expect(forecasts.results.flatMap((c) => c.expectations).every((e) => e.world === undefined)).toBe(true);
  });

  it('point at the line of an unknown output, a year outside the span, or a check with no target', () => {
    expect(() => evaluate(world('{output: h100, year: 2025, value: 1M}'))).toThrow(
      /^test\.yaml:7:18: checks\[0\]\.expect\[0\]\.output: unknown yearly output 'h100'; did you mean 'h100e'\?$/,
    );
    expect(() => evaluate(world('{output: h100e, year: 2040, value: 1M}'))).toThrow(
      /^test\.yaml:7:31: checks\[0\]\.expect\[0\]\.year: 2040 is outside scenarios\/world\.yaml's span \(2022-2035\)$/,
    );
    expect(() => evaluate(world('{output: h100e, value: 1M}'))).toThrow(
      /a scenario check needs the year it is about/,
    );
    expect(() => evaluate(world('{output: h100e, year: 2025}', '\n    calculator: cluster'))).toThrow(
      /give a calculator or a scenario to check against, not both/,
    );
  });
});

describe('claims', () => {
  it('find the reading a garbled claim implies: "100,000 H100 = 400 EFLOP/s" is FP8 with sparsity', () => {
    const r = evaluate(readFileSync('checks/seed-claims.yaml', 'utf8'), 'checks/seed-claims.yaml');
    expect(r.failures).toBe(0);
    const claim = r.results.find((c) => c.id === 'E-400EF')?.expectations[0];
    expect(claim?.verdict).toBe('claim is 4× the model');
    expect(claim?.closest?.inputs).toEqual({ precision: 'fp8', sparsity: 'sparse' });
    const b200 = r.results.find((c) => c.id === 'E-6ZF')?.expectations[0];
    expect(b200?.closest?.inputs).toEqual({ accelerator: 'gb200', precision: 'fp4', sparsity: 'sparse' });
  });

  it('report what the model says when no figure is claimed', () => {
    const r = evaluate(readFileSync('checks/seed-claims.yaml', 'utf8'), 'checks/seed-claims.yaml');
    const meta = r.results.find((c) => c.id === 'C-META-340K')?.expectations[0];
    expect(meta?.holds).toBeUndefined();
    expect(meta?.verdict).toMatch(/model estimate/);
  });
});

describe('check files with mistakes point at the line', () => {
  it('a bad input value', () => {
    const text = published('3.14e23 FLOP').replace('count: 1000', 'count: 10OO');
    expect(() => evaluate(text)).toThrow(
      /^test\.yaml:6:\d+: checks\[0\]\.inputs\.count: expected a count like "100k", got "10OO"$/,
    );
  });

  it('an unknown output', () => {
    const text = published('3.14e23 FLOP').replace('output: training_flop', 'output: training_flops');
    expect(() => evaluate(text)).toThrow(
      /test\.yaml:8:\d+: unknown training output 'training_flops'; did you mean 'training_flop'\?/,
    );
  });

  it('an unknown calculator', () => {
    const text = published('3.14e23 FLOP').replace('calculator: training', 'calculator: trainng');
    expect(() => evaluate(text)).toThrow(
      /test\.yaml:5:\d+: unknown calculator 'trainng'; did you mean 'training'\?/,
    );
  });

  it('a malformed tolerance', () => {
    const text = published('3.14e23 FLOP', 'five percent');
    expect(() => evaluate(text)).toThrow(
      /test\.yaml:8:\d+: checks\[0\]\.expect\[0\]\.tolerance: write a tolerance as "5%" or "x10"/,
    );
  });
});

describe('checks with distributions and calibration', () => {
  it('holds a published figure that lies inside the predicted 90% interval', () => {
    const r = evaluate(`kind: published
checks:
  - id: D-1
    title: Llama 3.1 405B hours with the paper's MFU range
    calculator: training
    inputs: {model: llama-3.1-405b, mfu: "38% to 43%", goodput: 90%}
    expect:
      - {output: accelerator_hours, value: 30.84e6, tolerance: 1%}
    source: {title: Llama 3 paper}
`);
    const e = r.results[0]?.expectations[0];
    expect(e?.verdict).toBe('inside the 90% interval');
    expect(e?.model.display).toMatch(/M h \([\d.]+M h to [\d.]+M h\)/);
    expect(r.failures).toBe(0);
  });

  it('judges a claim with uncertain inputs like any claim: its difference, tolerance and closest reading', () => {
    const r = evaluate(`kind: claims
checks:
  - id: C-1
    title: "100,000 H100 = 400 EFLOP/s at 170 MW"
    calculator: cluster
    inputs: {accelerator: h100, count: 100k, pue: "1.1 to 1.4"}
    explore: {precision: [bf16, fp8], sparsity: [dense, sparse]}
    expect:
      - {output: peak_flops, value: 400 EFLOP/s}
      - {output: facility_power, value: 170 MW}
    source: {title: a press release}
`);
    const [flops, power] = r.results[0]?.expectations ?? [];
    // The 400 EFLOP/s claim only works as sparse FP8, uncertain PUE or not.
    expect(flops?.closest?.inputs).toEqual({ precision: 'fp8', sparsity: 'sparse' });
    // 170 MW sits inside the interval; the difference reads claim against model, as for any claim.
    expect(power?.verdict).toBe('inside the 90% interval');
    expect(power?.tolerance).toBe('±10%');
    expect(power?.difference).toMatch(/^-/);
  });

  it('reports how often published facts fall inside the model intervals', async () => {
    const { calibrateCheckFile } = await import('../../src/checks/calibrate.js');
    const c = calibrateCheckFile(
      readFileSync('checks/published.yaml', 'utf8'),
      'checks/published.yaml',
      catalog,
    );
    expect(c.counted).toBeGreaterThan(5);
    // The tallies are the rows' own verdicts, and the 50% interval lies inside the 90% one.
    const uncertain = c.rows.filter((row) => row.inside90 !== undefined);
    expect(c.counted).toBe(uncertain.length);
    expect(c.inside90).toBe(uncertain.filter((row) => row.inside90).length);
    expect(c.inside50).toBe(uncertain.filter((row) => row.inside50).length);
    for (const row of uncertain) if (row.inside50) expect(row.inside90, row.id).toBe(true);
    const exactRows = c.rows.filter((row) => row.inside90 === undefined);
    expect(exactRows.map((row) => row.id)).toContain('ACC-01');
    const hours = c.rows.find((row) => row.id === 'TRN-03-hours');
    expect(hours?.inside90).toBe(true);
  });
});
