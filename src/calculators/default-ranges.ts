import type { Catalog } from '../catalog/catalog.js';
import { parseInputs } from './inputs.js';
import { splitInputs } from './monte-carlo.js';
import type { Calculator } from './types.js';

/**
 * The raw inputs of a run with every input left out drawn from its sourced range, for a
 * calculator that answers with its uncertainty by default (the frontier run): assumption
 * ranges (data/assumptions.yaml) and catalog defaults that depend on other inputs. Inputs
 * given, even as plain numbers, stay as given. Other calculators get `raw` back unchanged.
 */
export function withDefaultRanges(
  calc: Calculator,
  raw: Record<string, unknown>,
  catalog: Catalog,
  label: (name: string) => string,
): Record<string, unknown> {
  if (!calc.uncertainByDefault) return raw;
  // Catalog defaults read the other inputs (the year), parsed: a bad one fails here, named.
  let given: ReturnType<typeof parseInputs> | undefined;
  const parsed = () => {
    given ??= parseInputs(calc.inputs, splitInputs(calc, raw, label).fixed, label);
    return given;
  };
  const out: Record<string, unknown> = { ...raw };
  for (const spec of calc.inputs) {
    if (spec.type !== 'quantity' || raw[spec.name] !== undefined) continue;
    const assumption = spec.assumptionFor?.(parsed()) ?? spec.assumption;
    const range = assumption
      ? catalog.assumptions[assumption].range
      : spec.defaultFor?.(catalog, parsed()).range;
    if (range !== undefined) out[spec.name] = range;
  }
  return out;
}
