import { describe, expect, it } from 'vitest';
import { splitInputs } from '../../src/calculators/monte-carlo.js';
import { tokenFactory } from '../../src/calculators/token-factory.js';
import { cholesky, copulaFactor, spearman } from '../../src/uncertainty/correlation.js';
import { parseDistribution } from '../../src/uncertainty/parse.js';
import { uniformAt } from '../../src/uncertainty/random.js';
import { Sampler } from '../../src/uncertainty/sampler.js';
import { addBlock, emptySketch, mergeInto, sketchQuantile } from '../../src/uncertainty/sketch.js';

describe('counter-based uniforms', () => {
  it('are the same for the same (seed, stream, index), and spread evenly', () => {
    expect(uniformAt(7, 2, 12345)).toBe(uniformAt(7, 2, 12345));
    expect(uniformAt(7, 2, 12345)).not.toBe(uniformAt(8, 2, 12345));
    const n = 200_000;
    const bins = new Array<number>(10).fill(0);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const u = uniformAt(1, 0, i);
      expect(u > 0 && u < 1).toBe(true);
      sum += u;
      bins[Math.floor(u * 10)] = (bins[Math.floor(u * 10)] ?? 0) + 1;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    // Chi-square with 9 degrees of freedom: 27.9 is the 0.1% critical value.
    const chi = bins.reduce((acc, b) => acc + (b - n / 10) ** 2 / (n / 10), 0);
    expect(chi).toBeLessThan(27.9);
  });

  it('are independent across streams', () => {
    const n = 100_000;
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = uniformAt(3, 0, i);
      b[i] = uniformAt(3, 1, i);
    }
    expect(Math.abs(spearman(a, b))).toBeLessThan(0.01);
  });
});

describe('streaming quantile sketch', () => {
  it('agrees with sorting to 0.2% and merges in any order to the same answer', () => {
    const n = 100_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = Math.exp(4 * uniformAt(9, 0, i)) - 20;
    const sorted = Float64Array.from(values).sort();
    const whole = emptySketch();
    addBlock(whole, values);
    for (const p of [0.05, 0.5, 0.95]) {
      const exact = sorted[Math.ceil(p * n) - 1] as number;
      expect(Math.abs(sketchQuantile(whole, p) - exact)).toBeLessThan(0.002 * Math.abs(exact) + 1e-9);
    }
    const a = emptySketch();
    const b = emptySketch();
    addBlock(a, values.subarray(0, 30_000));
    addBlock(b, values.subarray(30_000));
    const ab = emptySketch();
    mergeInto(ab, a);
    mergeInto(ab, b);
    const ba = emptySketch();
    mergeInto(ba, b);
    mergeInto(ba, a);
    for (const p of [0.01, 0.5, 0.99]) expect(sketchQuantile(ab, p)).toBe(sketchQuantile(ba, p));
    expect(ab.count).toBe(n);
  });
});

describe('rank correlation through a Gaussian copula', () => {
  it('factors a correlation matrix', () => {
    const l = cholesky([
      [1, 0.5],
      [0.5, 1],
    ]);
    expect(l[1]?.[0]).toBeCloseTo(0.5, 12);
    expect(l[1]?.[1]).toBeCloseTo(Math.sqrt(0.75), 12);
    expect(() =>
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(/not positive definite/);
  });

  it.each([0.3, 0.7, -0.5])('hits a Spearman target of %d within ±0.02 at 100k samples', (target) => {
    const inputs = [
      { name: 'pue', distribution: parseDistribution('1.1 to 1.4', 'ratio') },
      { name: 'price', distribution: parseDistribution('pert($20k, $30k, $45k)', 'money') },
    ];
    const factor = copulaFactor(['pue', 'price'], [{ a: 'pue', b: 'price', spearman: target }]);
    const n = 100_000;
    const out = [new Float64Array(n), new Float64Array(n)];
    new Sampler(inputs, 42, factor).draw(0, n, out);
    expect(Math.abs(spearman(out[0] as Float64Array, out[1] as Float64Array) - target)).toBeLessThan(0.02);
  });
});

describe('whole-number inputs', () => {
  it('draws an input whose bounds ask for whole numbers as whole numbers, inside its range', () => {
    const sampler = new Sampler(
      [{ name: 'count', distribution: parseDistribution('1k to 2k', 'count'), min: 1, integer: true }],
      3,
    );
    const out = [new Float64Array(4096)];
    sampler.draw(0, 4096, out);
    expect(out[0]?.every((v) => Number.isInteger(v) && v >= 1)).toBe(true);
    // Without the flag the same draws keep their fractions.
    const free = new Sampler([{ name: 'count', distribution: parseDistribution('1k to 2k', 'count') }], 3);
    free.draw(0, 4096, out);
    expect(out[0]?.some((v) => !Number.isInteger(v))).toBe(true);
  });

  it('takes the whole-number rule from the calculator input (token-factory count)', () => {
    const { uncertain } = splitInputs(tokenFactory, { count: '1k to 2k', pue: '1.1 to 1.3' }, (n) => n);
    expect(uncertain.find((u) => u.name === 'count')?.integer).toBe(true);
    expect(uncertain.find((u) => u.name === 'pue')?.integer).toBeUndefined();
  });
});
