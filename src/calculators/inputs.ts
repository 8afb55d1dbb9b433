import { z } from 'zod';
import { InputError, nearest } from '../errors.js';
import { parseQuantity } from '../units/parse.js';
import type { Bounds, InputSpec, ParsedInputs } from './types.js';

/** What is wrong with a value for these bounds, in a few words; undefined when nothing is. */
export function boundsProblem(value: number, bounds: Bounds): string | undefined {
  const { min, max, exclusiveMin, integer } = bounds;
  if (integer && !Number.isInteger(value)) return 'must be a whole number';
  if (min !== undefined && (exclusiveMin ? value <= min : value < min)) {
    if (min === 0) return exclusiveMin ? 'must be positive' : 'cannot be negative';
    return `must be ${exclusiveMin ? 'above' : 'at least'} ${min}`;
  }
  if (max !== undefined && value > max) return max === 1 ? 'cannot exceed 100%' : `cannot exceed ${max}`;
  return undefined;
}

/** Parse one raw value (string from a flag or file, or a number) for an input spec. */
export function parseInput(spec: InputSpec, raw: string | number): number | string {
  if (spec.type === 'quantity') {
    const word = String(raw).trim().toLowerCase();
    if (spec.keywords?.includes(word)) return word;
    let value: number;
    try {
      value = parseQuantity(raw, spec.dimension);
    } catch (error) {
      if (!(error instanceof InputError) || !spec.keywords) throw error;
      const words = spec.keywords.map((k) => `"${k}"`).join(' or ');
      throw new InputError(error.message.replace(/, got /, ` or ${words}, got `));
    }
    const problem = spec.bounds ? boundsProblem(value, spec.bounds) : undefined;
    if (problem) throw new InputError(`${problem}, got "${raw}"`);
    return value;
  }
  const text = String(raw).trim();
  if (text === '') throw new InputError('expected a value, got nothing');
  if (spec.type === 'choice') {
    const choice = text.toLowerCase();
    if (!spec.choices.includes(choice)) {
      const guess = nearest(choice, spec.choices);
      throw new InputError(
        `expected one of ${spec.choices.join(', ')}, got "${text}"${guess ? `; did you mean '${guess}'?` : ''}`,
      );
    }
    return choice;
  }
  return text.toLowerCase();
}

/** Schemas by spec list: building one costs about a millisecond, a Monte Carlo run's whole setup. */
const schemas = new WeakMap<readonly InputSpec[], z.ZodType>();

/**
 * The zod schema of a calculator's inputs: raw strings or numbers in, parsed SI numbers
 * and ids out. Faces (CLI, checks, web) validate through it. Issues carry the bare problem
 * and the input's path; parseInputs names the input the way the face shows it.
 */
export function inputsSchema(specs: readonly InputSpec[]): z.ZodType {
  const known = schemas.get(specs);
  if (known) return known;
  const shape: Record<string, z.ZodType> = {};
  for (const spec of specs) {
    shape[spec.name] = z
      .union([z.string(), z.number()])
      .transform((raw, ctx) => {
        try {
          return parseInput(spec, raw);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          ctx.addIssue({ code: 'custom', message: error.message });
          return z.NEVER;
        }
      })
      .optional();
  }
  const schema = z.strictObject(shape);
  schemas.set(specs, schema);
  return schema;
}

/** Validate raw inputs; the first problem becomes one InputError sentence. */
export function parseInputs(
  specs: readonly InputSpec[],
  raw: Record<string, unknown>,
  label: (name: string) => string,
): ParsedInputs {
  const result = inputsSchema(specs).safeParse(raw);
  if (result.success) return result.data as ParsedInputs;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const guess = nearest(
      key,
      specs.map((s) => s.name),
    );
    throw new InputError(`unknown input '${key}'${guess ? `; did you mean '${guess}'?` : ''}`);
  }
  if (issue?.code === 'invalid_type' || issue?.code === 'invalid_union') {
    const name = String(issue.path[0] ?? '');
    throw new InputError(`${label(name)}: expected a value written as text or a number`);
  }
  if (issue?.code === 'custom')
    throw new InputError(`${label(String(issue.path[0] ?? ''))}: ${issue.message}`);
  throw new InputError(issue?.message ?? 'invalid inputs');
}
