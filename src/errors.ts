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
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The nearest candidate by edit distance, or undefined when nothing is reasonably close. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = word.toLowerCase();
  const prefixed = candidates.find((c) => c.startsWith(lower) || lower.startsWith(c));
  if (prefixed) return prefixed;
  let best = candidates[0] as string;
  for (const c of candidates) if (editDistance(lower, c) < editDistance(lower, best)) best = c;
  return editDistance(lower, best) <= Math.max(2, Math.ceil(best.length / 2)) ? best : undefined;
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
