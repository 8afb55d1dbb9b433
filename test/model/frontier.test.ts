import { describe, expect, it } from 'vitest';
import {
  bindingConstraint,
  DEPTH,
  dataBoundRun,
  effectiveTokens,
  latencyBoundRun,
  runOnPool,
} from '../../src/model/frontier.js';

const DAY = 86_400;

describe('the frontier run, bound by bound', () => {
  it("reproduces Epoch's latency wall: a 9-month run at 120 µs a layer and 60M-token batches stops near 700T parameters and 6e31 FLOP", () => {
    // Sevilla et al. 2024: N < (T · B / (20 · t_L · 0.088))^(1/1.27); "700T parameters → 6e31 FLOP".
    const w = latencyBoundRun({
      duration: 270 * DAY,
      layerLatency: 120e-6,
      criticalBatch: 60e6,
      tokensPerParam: 20,
    });
    expect(w.params / 1e12).toBeGreaterThan(600);
    expect(w.params / 1e12).toBeLessThan(800);
    expect(w.flop).toBeGreaterThan(4e31);
    expect(w.flop).toBeLessThan(8e31);
    // The run it describes fits its time exactly: steps × layers × latency = T.
    expect(w.steps * w.layers * 120e-6).toBeCloseTo(270 * DAY, -1);
    expect(w.layers).toBeCloseTo(DEPTH.coefficient * w.params ** DEPTH.exponent, 9);
    // Twice the latency per layer shortens the wall by 2^(2/1.27) in FLOP.
    const slower = latencyBoundRun({
      duration: 270 * DAY,
      layerLatency: 240e-6,
      criticalBatch: 60e6,
      tokensPerParam: 20,
    });
    expect(w.flop / slower.flop).toBeCloseTo(2 ** (2 / 1.27), 9);
  });

  it("reproduces Epoch's data figures: 4e14 tokens support about 5e28 FLOP; repetition and quality cancel at the medians", () => {
    // Villalobos et al.: the stock runs out "around 4e14 tokens, ~5e28 FLOP" (C = 6 D² / 20).
    expect(dataBoundRun(4e14, 20)).toBeCloseTo(4.8e28, -26);
    // Epoch's medians: 510T of text plus 400T multimodal, 20% kept, 5 epochs: the stock as it was.
    const tokens = effectiveTokens({
      text: 5.1e14,
      textGrowth: 0.07,
      years: 0,
      multimodal: 4e14,
      quality: 0.2,
      epochs: 5,
      synthetic: 0,
    });
    expect(tokens).toBeCloseTo(9.1e14, -10);
    // Six years at 7% a year grow the text 1.5x ("about 50% more by the end of the decade").
    const grown = effectiveTokens({
      text: 1,
      textGrowth: 0.07,
      years: 6,
      multimodal: 0,
      quality: 1,
      epochs: 1,
      synthetic: 0,
    });
    expect(grown).toBeCloseTo(1.5, 1);
  });

  it('runs a pool at the utilization its size allows', () => {
    // 1 GW at 2 H100e per kW is 2M H100e of 1 PFLOP/s; 500k accelerators of 4 each.
    const run = runOnPool(
      { peakFlops: 2e6 * 1e15, flopsPerAccelerator: 4e15, sites: 1 },
      (count, sites) => ({ mfu: count === 5e5 && sites === 1 ? 0.3 : 0, goodput: 0.8 }),
      100 * DAY,
    );
    expect(run.count).toBe(5e5);
    expect(run.flop).toBeCloseTo(2e21 * 0.3 * 0.8 * 100 * DAY, -15);
  });

  it('names the least bound, the first of equals in order', () => {
    const bounds = { power_campus: 3, power_distributed: 5, chips: 2, data: 9, latency: 8 };
    expect(bindingConstraint(bounds)).toBe('chips');
    expect(bindingConstraint({ ...bounds, power_campus: 2 })).toBe('power_campus');
  });
});
