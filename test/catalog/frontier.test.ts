import { describe, expect, it } from 'vitest';
import {
  campusInYear,
  largestRunBefore,
  largestRunBy,
  largestRunsByYear,
} from '../../src/catalog/frontier.js';
import { catalog } from '../helpers/catalog.js';

describe('the frontier catalog (data/frontier.yaml)', () => {
  it('gives the largest campus of a listed year as written, and between listed years geometrically', () => {
    const at2028 = catalog.frontier.campus.find((c) => c.year === 2028);
    const at2030 = catalog.frontier.campus.find((c) => c.year === 2030);
    expect(campusInYear(catalog.frontier, 2028)?.median).toBe(at2028?.median.value);
    const between = campusInYear(catalog.frontier, 2029);
    expect(between?.median).toBeCloseTo(
      Math.sqrt((at2028?.median.value ?? 0) * (at2030?.median.value ?? 0)),
      0,
    );
    expect(between?.low).toBeLessThan(between?.median ?? 0);
    expect(campusInYear(catalog.frontier, 2021)).toBeUndefined();
    expect(campusInYear(catalog.frontier, 2036)).toBeUndefined();
  });

  it('covers every year of the world scenario, each figure sourced', () => {
    for (const year of catalog.world?.years.map((y) => y.year) ?? [])
      expect(campusInYear(catalog.frontier, year), String(year)).toBeDefined();
    for (const c of catalog.frontier.campus)
      for (const f of [c.low, c.median, c.high])
        expect(f.source.title.length, String(c.year)).toBeGreaterThan(10);
  });

  it('keeps the largest run of each year and the largest done by a year', () => {
    const byYear = largestRunsByYear(catalog.frontier);
    expect(byYear.find((r) => r.year === 2023)?.id).toBe('gemini-1-ultra');
    expect(byYear.find((r) => r.year === 2025)?.id).toBe('grok-4');
    expect(largestRunBefore(catalog.frontier, 2025)?.id).toBe('gemini-1-ultra');
    expect(largestRunBefore(catalog.frontier, 2022)?.id).toBe('mt-nlg');
    // AlphaGo Zero (2017, 3.41e23 FLOP) stayed the largest until MT-NLG, above GPT-3's 3.14e23.
    expect(largestRunBefore(catalog.frontier, 2021)?.id).toBe('alphago-zero');
    expect(largestRunBefore(catalog.frontier, 2014)).toBeUndefined();
  });

  it('finds the largest run done by a year among those a test accepts', () => {
    expect(largestRunBy(catalog.frontier, 2024)?.id).toBe('gemini-1-ultra');
    const withHardware = (r: { chips?: unknown; duration?: unknown }) =>
      r.chips !== undefined && r.duration !== undefined;
    expect(largestRunBy(catalog.frontier, 2024, withHardware)?.id).toBe('llama-3.1-405b');
    expect(largestRunBy(catalog.frontier, 2014, withHardware)?.id).toBe('seq2seq-lstm');
    expect(largestRunBy(catalog.frontier, 2013)).toBeUndefined();
  });
});
