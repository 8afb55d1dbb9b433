import { describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCE, judge } from '../../src/units/verdict.js';

describe('judge', () => {
  it('holds a published figure to 10% unless told otherwise', () => {
    expect(DEFAULT_TOLERANCE).toBe('10%');
    expect(judge('published', 100, 110)).toEqual({
      holds: true,
      difference: '+10%',
      tolerance: '±10%',
      verdict: 'holds (±10%)',
    });
    expect(judge('published', 100, 111).verdict).toBe('off by +11% (±10%)');
  });

  it('says how far off the model is from a published figure', () => {
    const v = judge('published', 2e23, 3.14e23, '5%');
    expect(v.holds).toBe(false);
    expect(v.verdict).toBe('off by +57% (±5%)');
  });

  it('says how a claim compares with the model, the other way round', () => {
    // The same numbers: the model is 20% below the figure; the claim is 25% above the model.
    expect(judge('published', 125, 100).difference).toBe('-20%');
    const claim = judge('claims', 125, 100);
    expect(claim.difference).toBe('+25%');
    expect(claim.holds).toBe(false);
    expect(claim.verdict).toBe('claim is 25% above the model');
  });

  it('calls a claim within tolerance consistent', () => {
    expect(judge('claims', 7e9, 7.3e9).verdict).toBe('consistent (±10%)');
  });

  it('takes order-of-magnitude tolerances', () => {
    expect(judge('published', 1e24, 3.14e23, 'x10')).toMatchObject({
      holds: true,
      verdict: 'holds (within ×10)',
    });
    expect(judge('published', 1e25, 3.14e23, 'x10').verdict).toBe('off by 1/32× (within ×10)');
    expect(judge('claims', 4e20, 1e20, '×5').verdict).toBe('consistent (within ×5)');
    expect(judge('claims', 6e20, 1e20, '×5').verdict).toBe('claim is 6× the model');
  });

  it('holds a figure inside the 90% interval whatever the tolerance', () => {
    const v = judge('claims', 7e9, 5e9, '1%', [4e9, 8e9]);
    expect(v).toMatchObject({ holds: true, verdict: 'inside the 90% interval', tolerance: '±1%' });
    expect(v.difference).toBe('+40%');
    expect(judge('published', 4e9, 5e9, '1%', [4e9, 8e9]).holds).toBe(true);
    expect(judge('published', 8e9, 5e9, '1%', [4e9, 8e9]).holds).toBe(true);
  });

  it('falls back to the tolerance outside the interval', () => {
    expect(judge('claims', 8.5e9, 8e9, '10%', [4e9, 8e9]).verdict).toBe('consistent (±10%)');
    expect(judge('claims', 9e9, 5e9, '10%', [4e9, 8e9]).verdict).toBe('claim is 80% above the model');
  });

  it('says the model never gets there when it stays at zero', () => {
    expect(judge('claims', 7e9, 0)).toMatchObject({ holds: false, verdict: 'the model never gets there' });
    expect(judge('claims', 7e9, 0, 'x100', [0, 0]).verdict).toBe('the model never gets there');
  });

  it('holds a claim of zero to a model of zero', () => {
    expect(judge('claims', 0, 0)).toMatchObject({ holds: true, verdict: 'consistent (±10%)' });
  });
});
