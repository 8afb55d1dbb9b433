import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/calculators/inputs.js';
import { CALCULATORS } from '../../src/calculators/registry.js';
import { runCalculator } from '../../src/calculators/run.js';
import { boundsProblem } from '../../src/units/bounds.js';
import { catalog } from '../helpers/catalog.js';

describe('calculator examples (what the explorer opens a form with)', () => {
  for (const calc of CALCULATORS) {
    it(`${calc.name} has an example that runs and names only its own inputs`, () => {
      const example = calc.example ?? {};
      expect(Object.keys(example).length).toBeGreaterThan(0);
      for (const key of Object.keys(example)) expect(calc.inputs.map((s) => s.name)).toContain(key);
      const result = runCalculator(calc, example, catalog);
      expect(Object.keys(result.outputs).length).toBeGreaterThan(0);
    });
  }
});

describe('input examples (what --help shows after "e.g.")', () => {
  const quantities = CALCULATORS.flatMap((calc) =>
    calc.inputs.filter((s) => s.type === 'quantity').map((spec) => ({ calc: calc.name, spec })),
  );

  it.each(quantities)('$calc --$spec.name: its example parses and lies inside its bounds', ({ spec }) => {
    if (spec.type !== 'quantity') throw new Error('not a quantity');
    const value = parseInput(spec, spec.example);
    expect(typeof value).toBe('number');
    expect(boundsProblem(value as number, spec.bounds ?? {})).toBeUndefined();
  });

  it('gives each input a typical value of its own, not its unit kind’s', () => {
    const example = (calc: string, name: string) =>
      quantities.find((q) => q.calc === calc && q.spec.name === name)?.spec;
    const at = (calc: string, name: string) => {
      const spec = example(calc, name);
      if (spec?.type !== 'quantity') throw new Error(`${calc} --${name} is not a quantity`);
      return parseInput(spec, spec.example) as number;
    };
    // The examples of examples that did not fit their inputs, now each in a plausible range.
    expect(at('training', 'params')).toBeGreaterThan(1e9);
    expect(at('cluster', 'price')).toBeGreaterThan(1e3);
    expect(at('cluster', 'price')).toBeLessThan(1e6);
    expect(at('cluster', 'it_power')).toBeLessThan(1e4);
    expect(at('cluster', 'lifetime')).toBeGreaterThan(365 * 86_400);
    expect(at('cluster', 'cost_of_capital')).toBeLessThan(0.3);
  });
});
