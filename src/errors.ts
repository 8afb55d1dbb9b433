import { quote } from './text.js';

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

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string
 * alignment), since "h1000" and "450b"-for-"405b" are the typos people make.
 */
export function editDistance(a: string, b: string): number {
  // Three rolling rows: the swap rule looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (before[j - 2] as number) + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] as number;
}

/** How far a guess may be from what was typed and still be offered. */
const reach = (candidate: string) => Math.max(2, Math.ceil(candidate.length / 2));

/**
 * The nearest candidate by edit distance, or undefined when nothing is reasonably close.
 * Candidates whose length alone puts them out of reach are skipped, so a pasted page of
 * text costs no more than a short typo.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = word.toLowerCase();
  const prefixed = candidates.find((c) => c.startsWith(lower) || lower.startsWith(c));
  if (prefixed) return prefixed;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    if (Math.abs(c.length - lower.length) > reach(c)) continue;
    const distance = editDistance(lower, c);
    if (distance < bestDistance && distance <= reach(c)) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
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
    return `unknown ${kind} ${quote(id, "'")}; did you mean '${shown}'?`;
  }
  return `unknown ${kind} ${quote(id, "'")}; known: ${[...new Set(display)].join(', ')}`;
}

/** A key of a table that is its own (never a name Object.prototype brings, like "constructor"). */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
