import { describe, expect, it } from 'vitest';
import { withDefaultRanges } from '../../src/calculators/default-ranges.js';
import { frontierRun } from '../../src/calculators/frontier-run.js';
import { runMonteCarlo } from '../../src/calculators/monte-carlo.js';
import { runCalculator } from '../../src/calculators/run.js';
import { campusInYear } from '../../src/catalog/frontier.js';
import { catalog } from '../helpers/catalog.js';

const DAY = 86_400;
const YEAR = 365.25 * DAY;
const run = (inputs: Record<string, unknown>) => runCalculator(frontierRun, inputs, catalog);
const value = (r: ReturnType<typeof run>, name: string) => r.outputs[name]?.value ?? Number.NaN;

describe('the frontier-run calculator', () => {
  it("bounds 2030 by one campus of the year's hardware, worked by hand at the default medians", () => {
    const r = run({ year: 2030 });
    const world = catalog.world?.years.find((y) => y.year === 2030);
    if (!world) throw new Error('no world 2030');
    const fp8 = catalog.accelerator('h100-sxm').dense.fp8?.value ?? 0;
    const campus = campusInYear(catalog.frontier, 2030)?.median ?? 0;
    // The campus filled with the year's new hardware: H100e per facility watt of the year's installs.
    const peak = campus * (world.h100e_added / world.power_installed) * fp8;
    const count = peak / ((world.h100e_added / world.accelerators_added) * fp8);
    // FP8 base MFU 30% at 16,384 accelerators, falling as (count/16,384)^-0.05; goodput with
    // failures stalling at most 100k accelerators for 8 minutes, one per accelerator per 5 years.
    const mfu = 0.3 * (count / 16384) ** -0.05;
    const goodput = 1 / (1 + (1e5 * 8 * 60) / (5 * YEAR));
    expect(value(r, 'campus_accelerators')).toBeCloseTo(count, 0);
    expect(value(r, 'by_power_campus') / (peak * mfu * goodput * 181 * DAY)).toBeCloseTo(1, 9);
    // Data: (510T × 1.07^6 + 400T) × 20% × 5 epochs tokens, compute-optimal at 20 per parameter.
    const tokens = (510e12 * 1.07 ** 6 + 400e12) * 0.2 * 5;
    expect(value(r, 'effective_tokens') / tokens).toBeCloseTo(1, 9);
    expect(value(r, 'by_data') / ((6 * tokens * tokens) / 20)).toBeCloseTo(1, 9);
    // Latency: N = (T · B / (20 · 200 µs · 0.088))^(1/1.27), C = 6 · 20 · N².
    const n = ((181 * DAY * 60e6) / (20 * 200e-6 * 0.088)) ** (1 / 1.27);
    expect(value(r, 'by_latency') / (120 * n * n)).toBeCloseTo(1, 9);
    // The largest run is the least bound, and that one binds.
    const bounds = ['by_power_campus', 'by_power_distributed', 'by_chips', 'by_data', 'by_latency'].map((k) =>
      value(r, k),
    );
    expect(value(r, 'largest_run')).toBe(Math.min(...bounds));
    expect(value(r, 'binds_power_campus')).toBe(1);
  });

  it("gives the distributed and chip bounds the largest developer's share of the world", () => {
    const r = run({ year: 2030, developer_share: '30%', run_share: '50%', mfu: '30%', goodput: '100%' });
    const world = catalog.world?.years.find((y) => y.year === 2030);
    const fp8 = catalog.accelerator('h100-sxm').dense.fp8?.value ?? 0;
    const seconds = 181 * DAY;
    // Chips: 15% of the world's installed H100e, at a fixed 30% MFU (no site or size losses).
    expect(value(r, 'by_chips') / ((world?.h100e ?? 0) * 0.15 * fp8 * 0.3 * seconds)).toBeCloseTo(1, 9);
    // Power: 15% of the world's AI power filled with the year's hardware.
    const perWatt = (world?.h100e_added ?? 0) / (world?.power_installed ?? 1);
    expect(
      value(r, 'by_power_distributed') /
        ((world?.facility_power ?? 0) * 0.15 * perWatt * fp8 * 0.3 * seconds),
    ).toBeCloseTo(1, 9);
  });

  it('trains in BF16 before 2025 and FP8 from then, with the base MFU of each', () => {
    const old = run({ year: 2023 });
    expect(old.inputs.precision?.value).toBe('bf16');
    expect(old.inputs.base_mfu?.via).toBe('assumption mfu_bf16');
    const now = run({ year: 2026 });
    expect(now.inputs.precision?.value).toBe('fp8');
    expect(now.inputs.base_mfu?.via).toBe('assumption mfu_fp8');
  });

  it('draws every input left out from its sourced range, and reports how often each bound binds', () => {
    const label = (n: string) => n;
    const raw = withDefaultRanges(frontierRun, { year: 2030 }, catalog, label);
    expect(raw.duration).toBe(catalog.assumptions.frontier_run_duration.range);
    const campus = campusInYear(catalog.frontier, 2030);
    expect(raw.campus_power).toMatch(/GW to .* GW/);
    expect(campus?.low).toBeLessThan(campus?.high ?? 0);
    // Given inputs stay as given.
    expect(
      withDefaultRanges(frontierRun, { year: 2030, duration: '100 days' }, catalog, label).duration,
    ).toBe('100 days');
    const mc = runMonteCarlo(frontierRun, raw, catalog, {
      samples: 2000,
      seed: 1,
      quantiles: [0.1, 0.5, 0.9],
      label,
    });
    const shares = Object.values(mc.binding?.shares ?? {});
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const largest = mc.outputs.largest_run?.quantiles ?? {};
    expect(largest.p10).toBeLessThan(largest.p50 ?? 0);
    expect(largest.p50).toBeLessThan(largest.p90 ?? 0);
    // No bound's median lies below the largest run's: the largest run is the least in every sample.
    for (const name of ['by_power_campus', 'by_chips', 'by_data', 'by_latency'])
      expect(mc.outputs[name]?.quantiles.p50 ?? 0).toBeGreaterThanOrEqual(largest.p50 ?? 0);
  });

  it('refuses a year outside the world scenario in one sentence', () => {
    expect(() => run({ year: 2040 })).toThrow(
      /^year: 2040 is outside the world scenario \(scenarios\/world.yaml runs 2022 to 2035\)$/,
    );
    expect(() => run({ year: 2030, run_share: '150%' })).toThrow(/run_share: cannot exceed 100%/);
    expect(() => run({ year: 2030, duration: '0 days' })).toThrow(/duration: must be positive/);
  });
});
