import { InputError, nearest } from '../errors.js';
import { quote } from '../text.js';
import { boundsProblem } from '../units/bounds.js';
import { parseQuantity } from '../units/parse.js';
import type { InputSpec, ParsedInputs } from './types.js';

/** Parse one raw value (string from a flag or file, or a number) for an input spec. */
export function parseInput(spec: InputSpec, raw: string | number): number | string {
  if (spec.type === 'quantity') {
    const word = String(raw).trim().toLowerCase();
    if (spec.keywords?.includes(word)) return word;
    let value: number;
    try {
      value = parseQuantity(raw, spec.dimension, spec.example);
    } catch (error) {
      if (!(error instanceof InputError) || !spec.keywords) throw error;
      const words = spec.keywords.map((k) => `"${k}"`).join(' or ');
      throw new InputError(error.message.replace(/, got /, ` or ${words}, got `));
    }
    const problem = spec.bounds ? boundsProblem(value, spec.bounds, spec.dimension) : undefined;
    if (problem) throw new InputError(`${problem}, got ${quote(String(raw))}`);
    return value;
  }
  const text = String(raw).trim();
  if (text === '') throw new InputError('expected a value, got nothing');
  if (spec.type === 'choice') {
    const choice = text.toLowerCase();
    if (!spec.choices.includes(choice)) {
      const guess = nearest(choice, spec.choices);
      throw new InputError(
        `expected one of ${spec.choices.join(', ')}, got ${quote(text)}${guess ? `; did you mean '${guess}'?` : ''}`,
      );
    }
    return choice;
  }
  return text.toLowerCase();
}

/**
 * Validate raw inputs (strings from flags, files or forms, or numbers) against the specs:
 * parsed SI numbers and ids out, and the first problem as one InputError sentence naming
 * the input the way the face shows it.
 */
export function parseInputs(
  specs: readonly InputSpec[],
  raw: Record<string, unknown>,
  label: (name: string) => string,
): ParsedInputs {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const parsed: ParsedInputs = {};
  for (const [name, value] of Object.entries(raw)) {
    const spec = byName.get(name);
    if (!spec) {
      const guess = nearest(
        name,
        specs.map((s) => s.name),
      );
      throw new InputError(`unknown input ${quote(name, "'")}${guess ? `; did you mean '${guess}'?` : ''}`);
    }
    if (value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new InputError(`${label(name)}: expected a value written as text or a number`);
    try {
      parsed[name] = parseInput(spec, value);
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`${label(name)}: ${error.message}`);
      throw error;
    }
  }
  return parsed;
}
