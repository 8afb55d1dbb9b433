import { describe, expect, it } from 'vitest';
import {
  goodputAtScale,
  mfuAtScale,
  REFERENCE_COUNT,
  type ScaleModel,
} from '../../src/model/training-scale.js';

const YEAR = 365.25 * 86_400;
const model: ScaleModel = {
  baseMfu: 0.4,
  referenceCount: REFERENCE_COUNT,
  exponent: 0.05,
  siteEfficiency: 0.9,
  mtbf: 5 * YEAR,
  recoveryTime: 8 * 60,
  failureDomain: 100_000,
};

describe('training utilization at scale', () => {
  it("keeps the base MFU up to Llama 3's 16,384 accelerators, then loses it as a power law", () => {
    expect(mfuAtScale(model, 8192)).toBe(0.4);
    expect(mfuAtScale(model, REFERENCE_COUNT)).toBe(0.4);
    // A million accelerators: (1M / 16,384)^-0.05 = 81% of the base.
    expect(mfuAtScale(model, 1e6) / 0.4).toBeCloseTo((1e6 / 16384) ** -0.05, 12);
    expect(mfuAtScale(model, 1e6) / 0.4).toBeCloseTo(0.814, 3);
  });

  it("fits the published drops: Llama 3's 430 to 400 TFLOP/s from 8K to 16K, MegaScale's 65% to 55% from 256 to 12,288 GPUs", () => {
    const llama = Math.log(430 / 400) / Math.log(2);
    const megascale = Math.log(65.3 / 55.2) / Math.log(12288 / 256);
    // The catalog's 0.02-0.09 range holds both.
    expect(megascale).toBeGreaterThan(0.02);
    expect(llama).toBeGreaterThan(0.09);
    expect(megascale).toBeCloseTo(0.043, 3);
  });

  it('loses a share per doubling of sites', () => {
    expect(mfuAtScale(model, 1000, 2)).toBeCloseTo(0.4 * 0.9, 12);
    expect(mfuAtScale(model, 1000, 8)).toBeCloseTo(0.4 * 0.9 ** 3, 12);
  });

  it("reproduces Llama 3's goodput: an interruption per GPU every 5 years, minutes lost each", () => {
    // 16,384 GPUs × 54 days / 466 interruptions = 5.2 GPU-years between interruptions;
    // at 17 minutes each, 466 × 17 min = 5.5 days of 54 lost: 90%.
    const llama = { ...model, mtbf: (16384 * 54 * 86_400) / 466, recoveryTime: 17 * 60 };
    expect(goodputAtScale(llama, 16384)).toBeCloseTo(1 / (1 + (466 * 17 * 60) / (54 * 86_400)), 12);
    // "More than 90% effective training time".
    expect(goodputAtScale(llama, 16384)).toBeGreaterThan(0.9);
    expect(goodputAtScale(llama, 16384)).toBeLessThan(0.91);
  });

  it('stalls at most a failure domain per interruption', () => {
    const at = (n: number) => goodputAtScale(model, n);
    expect(at(1e5)).toBeCloseTo(1 / (1 + (1e5 * 480) / (5 * YEAR)), 12);
    expect(at(1e6)).toBe(at(1e5));
    expect(at(5e4)).toBeGreaterThan(at(1e5));
  });
});
