import type { Catalog } from '../catalog/catalog.js';
import { InputError } from '../errors.js';
import { BASE_UNIT } from '../units/dimensions.js';
import { formatQuantity } from '../units/format.js';
import { assumptionDefault } from './defaults.js';
import { parseInput, parseInputs } from './inputs.js';
import type {
  Calculator,
  CalculatorContext,
  CalculatorResult,
  OutputValue,
  ParsedInputs,
  QuantityInput,
  ResolvedInput,
} from './types.js';

export interface RunOptions {
  /** How the face names an input in messages: "--facility-power" on the CLI. */
  label?: (name: string) => string;
}

const snakeLabel = (name: string) => name;

function createContext(
  calc: Calculator,
  catalog: Catalog,
  given: ParsedInputs,
  label: (n: string) => string,
) {
  const resolved: Record<string, ResolvedInput> = {};
  const notes: string[] = [];
  const rows: Array<{ label: string; values: Record<string, number> }> = [];
  const spec = (name: string) => {
    const found = calc.inputs.find((s) => s.name === name);
    if (!found) throw new Error(`calculator ${calc.name} has no input '${name}'`);
    return found;
  };
  const ctx: CalculatorContext = {
    catalog,
    given,
    has: (name) => given[name] !== undefined,
    number(name, fallback) {
      const s = spec(name);
      const dimension = s.type === 'quantity' ? s.dimension : undefined;
      const value = given[name];
      if (typeof value === 'number') {
        resolved[name] = { value, dimension, origin: 'given' };
        return value;
      }
      // The catalog default, which may depend on other inputs (MFU on the precision).
      const assumption = s.type === 'quantity' ? (s.assumptionFor?.(given) ?? s.assumption) : undefined;
      if (assumption) {
        const found = assumptionDefault(catalog, assumption);
        resolved[name] = { dimension, ...found };
        return found.value;
      }
      if (s.type === 'quantity' && s.defaultFor) {
        const { range: _, ...found } = s.defaultFor(catalog, given);
        resolved[name] = { dimension, origin: 'catalog', ...found };
        return found.value;
      }
      if (fallback) {
        const found = fallback();
        resolved[name] = { dimension, ...found };
        return found.value;
      }
      return ctx.fail(name, 'is required');
    },
    text(name) {
      const s = spec(name);
      const value = given[name];
      if (typeof value === 'string') {
        resolved[name] = { value, origin: 'given' };
        return value;
      }
      const fallback = s.type !== 'quantity' ? s.default : undefined;
      if (fallback === undefined) return ctx.fail(name, 'is required');
      resolved[name] = { value: fallback, origin: 'default' };
      return fallback;
    },
    provenance(name, input) {
      resolved[name] = input;
    },
    note(text) {
      notes.push(text);
    },
    row(rowLabel, values) {
      rows.push({ label: rowLabel, values });
    },
    fail(name, message): never {
      // "--tp 2: …" reads better than "--tp 2 …" when the message names the value first.
      throw new InputError(`${label(name)}${message.startsWith(':') ? '' : ' '}${message}`);
    },
    label,
  };
  return { ctx, resolved, notes, rows };
}

function checkExclusive(calc: Calculator, given: ParsedInputs, label: (n: string) => string): void {
  for (const group of calc.exclusive ?? []) {
    const present = group.filter((name) => given[name] !== undefined);
    if (present.length > 1) {
      throw new InputError(
        `${present.map(label).join(' and ')} conflict: give only one of ${group.map(label).join(', ')}`,
      );
    }
  }
}

/**
 * Run a calculator on already-parsed inputs: the inner step Monte Carlo repeats for
 * every sample, with no parsing or formatting.
 */
export function evaluate(
  calc: Calculator,
  catalog: Catalog,
  given: ParsedInputs,
  label: (name: string) => string = snakeLabel,
) {
  checkExclusive(calc, given, label);
  const { ctx, resolved, notes, rows } = createContext(calc, catalog, given, label);
  return { values: calc.compute(ctx), resolved, notes, rows };
}

/** The first output of a calculator's values that is not a finite number, if any. */
export function nonFiniteOutput(calc: Calculator, values: Record<string, number>): string | undefined {
  return calc.outputs.find((o) => values[o.name] !== undefined && !Number.isFinite(values[o.name]))?.name;
}

/**
 * Inputs whose results leave the range of finite numbers (a tiny IT power that solves for
 * 1e300 accelerators, say) are the user's to change, so name the input that does it: the
 * first given number which, set back to `typical(name)` with the rest as given, brings
 * every result back into range. Without one to blame, all the given numbers are named.
 */
export function nonFiniteError(
  run: { calc: Calculator; catalog: Catalog; given: ParsedInputs; label: (name: string) => string },
  output: string,
  typical: (spec: QuantityInput) => number,
  /** Inputs drawn from distributions (Monte Carlo): blamed for some of their draws. */
  drawn: ReadonlySet<string> = new Set(),
): InputError {
  const { calc, catalog, given, label } = run;
  const numbers = calc.inputs.filter(
    (spec): spec is QuantityInput => spec.type === 'quantity' && typeof given[spec.name] === 'number',
  );
  for (const spec of numbers) {
    try {
      const values = evaluate(calc, catalog, { ...given, [spec.name]: typical(spec) }, label).values;
      if (nonFiniteOutput(calc, values) !== undefined) continue;
      return new InputError(
        drawn.has(spec.name)
          ? `${label(spec.name)}: some of its draws take the results past the range of numbers gigawatt computes with (${output}); narrow its distribution`
          : `${label(spec.name)}: with this value the results leave the range of numbers gigawatt computes with (${output}); try a value nearer ${spec.example}`,
      );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  }
  return new InputError(
    `${numbers.map((spec) => label(spec.name)).join(', ')}: together these take ${output} past the range of numbers gigawatt computes with; try values nearer real ones`,
  );
}

/** The calculator's Monte Carlo fast path, prepared on parsed inputs, if it has one. */
export function prepareKernel(
  calc: Calculator,
  catalog: Catalog,
  given: ParsedInputs,
  label: (name: string) => string = snakeLabel,
) {
  if (!calc.vectorize) return undefined;
  checkExclusive(calc, given, label);
  return calc.vectorize(createContext(calc, catalog, given, label).ctx);
}

/**
 * Validate raw inputs, run a calculator and package its result with units and display
 * strings. Every output is checked finite: a NaN or Infinity here is a bug, not output.
 */
export function runCalculator(
  calc: Calculator,
  raw: Record<string, unknown>,
  catalog: Catalog,
  options: RunOptions = {},
): CalculatorResult {
  const label = options.label ?? snakeLabel;
  const given = parseInputs(calc.inputs, raw, label);
  const { values, resolved, notes, rows } = evaluate(calc, catalog, given, label);
  const outputs: CalculatorResult['outputs'] = {};
  for (const out of calc.outputs) {
    const value = values[out.name];
    if (value === undefined) continue;
    if (!Number.isFinite(value))
      throw nonFiniteError(
        { calc, catalog, given, label },
        out.name,
        (spec) => parseInput(spec, spec.example) as number,
      );
    outputs[out.name] = {
      value,
      unit: BASE_UNIT[out.dimension],
      display: formatQuantity(value, out.dimension),
    };
  }
  const breakdown = calc.breakdown
    ? {
        title: calc.breakdown.title,
        label: calc.breakdown.label,
        rows: rows.map((row) => {
          const values: Record<string, OutputValue> = {};
          for (const column of calc.breakdown?.columns ?? []) {
            const value = row.values[column.name];
            if (value === undefined) continue;
            if (!Number.isFinite(value))
              throw nonFiniteError(
                { calc, catalog, given, label },
                `${column.name} of ${row.label}`,
                (spec) => parseInput(spec, spec.example) as number,
              );
            values[column.name] = {
              value,
              unit: BASE_UNIT[column.dimension],
              display: formatQuantity(value, column.dimension),
            };
          }
          return { label: row.label, values };
        }),
      }
    : undefined;
  const inputs: CalculatorResult['inputs'] = {};
  for (const spec of calc.inputs) {
    const r = resolved[spec.name];
    if (!r) continue;
    const display =
      typeof r.value === 'number' && r.dimension ? formatQuantity(r.value, r.dimension) : String(r.value);
    inputs[spec.name] = { ...r, ...(r.dimension ? { unit: BASE_UNIT[r.dimension] } : {}), display };
  }
  return { calculator: calc.name, inputs, outputs, ...(breakdown ? { breakdown } : {}), notes };
}
