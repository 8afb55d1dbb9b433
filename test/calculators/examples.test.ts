import { describe, expect, it } from 'vitest';
import { CALCULATORS } from '../../src/calculators/registry.js';
import { runCalculator } from '../../src/calculators/run.js';
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
