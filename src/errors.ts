import { closest, distance } from 'fastest-levenshtein';

/**
 * A problem with what the user gave us (a flag, a file, a value). The faces print its
 * message as one sentence and exit with code 2; anything else thrown is a bug.
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** Prefix a where-it-happened context ("--pue", "data/x.yaml:3:7") onto an InputError. */
export function withContext<T>(context: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${context}: ${error.message}`);
    throw error;
  }
}

/** The nearest candidate by edit distance, or undefined when nothing is reasonably close. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = word.toLowerCase();
  const prefixed = candidates.find((c) => c.startsWith(lower) || lower.startsWith(c));
  if (prefixed) return prefixed;
  const best = closest(lower, candidates as string[]);
  return distance(lower, best) <= Math.max(2, Math.ceil(best.length / 2)) ? best : undefined;
}

/** "unknown accelerator 'h1000'; did you mean 'h100-sxm'?" */
export function unknownId(
  kind: string,
  id: string,
  candidates: readonly string[],
  display = candidates,
): string {
  const guess = nearest(id, candidates);
  if (guess !== undefined) {
    const shown = display[candidates.indexOf(guess)] ?? guess;
    return `unknown ${kind} '${id}'; did you mean '${shown}'?`;
  }
  return `unknown ${kind} '${id}'; known: ${[...new Set(display)].join(', ')}`;
}
