import { describe, expect, it } from 'vitest';
import { h100eOf } from '../../src/model/from-catalog.js';
import { H100E_REFERENCE, h100Equivalents } from '../../src/model/h100e.js';
import { catalog } from '../helpers/catalog.js';

describe('H100-equivalents', () => {
  it('divides dense BF16 peaks', () => {
    expect(h100Equivalents(2 * 989.4e12, 989.4e12)).toBe(2);
  });

  it('counts catalog chips by their dense BF16 peak against the H100 SXM', () => {
    const h100 = catalog.accelerator(H100E_REFERENCE);
    expect(h100eOf(h100, h100)).toBe(1);
    // A100: 312 / 989.4 TFLOP/s (Epoch chip dataset); B200: 2,250 / 989.4.
    expect(h100eOf(catalog.accelerator('a100-sxm'), h100)).toBeCloseTo(312 / 989.4, 6);
    expect(h100eOf(catalog.accelerator('b200'), h100)).toBeCloseTo(2250 / 989.4, 6);
    // The H200 has the same GH100 compute as the H100.
    expect(h100eOf(catalog.accelerator('h200'), h100)).toBeCloseTo(1, 3);
  });
});
