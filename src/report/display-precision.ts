/**
 * What a side-by-side comparison can honestly call a difference: figures are shown to
 * three significant figures of the largest value in their column, so anything smaller
 * than that is rounding (often float noise from subtracting large sums), not a change.
 * The explorer's comparison and `gigawatt run --compare` both read their columns this way.
 */

/** The smallest difference a column of values shows: a thousandth of its largest. */
export function displayPrecision(column: readonly number[]): number {
  let largest = 0;
  for (const v of column) largest = Math.max(largest, Math.abs(v));
  return largest * 1e-3;
}

/** A value as its column shows it: zero when below the column's precision. */
export function asShown(value: number, precision: number): number {
  return Math.abs(value) < precision ? 0 : value;
}

/** How far b is from a in a column of that precision: undefined when the two show as the same. */
export function changeBetween(
  a: number,
  b: number,
  precision: number,
): { difference: number; percent: string } | undefined {
  const [x, y] = [asShown(a, precision), asShown(b, precision)];
  if (Math.abs(y - x) < precision) return undefined;
  const percent = x === 0 ? 'new' : `${y >= x ? '+' : ''}${(((y - x) / Math.abs(x)) * 100).toFixed(1)}%`;
  return { difference: y - x, percent };
}
