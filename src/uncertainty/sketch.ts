/**
 * A streaming quantile sketch: values fall into log-spaced bins (0.2% wide) on each side
 * of zero, counted in a sparse map, so memory grows only with the bins a distribution
 * actually touches (a few thousand at most) however many samples arrive. Quantiles are
 * good to about 0.1% relative, and two sketches merge exactly: the order samples arrive
 * in never changes the answer. Means are summed per block and blocks added in order, so
 * they too come out the same whatever the number of workers.
 */
const GROWTH = 1.002;
const LOG_GROWTH = Math.log(GROWTH);
/** Magnitudes below this count as zero. */
const SMALLEST = 1e-30;

export interface SketchData {
  /** Signed bin index → count; positive values use bins ≥ 1, negative ≤ -1, zero is 0. */
  bins: Map<number, number>;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export function emptySketch(): SketchData {
  return { bins: new Map(), count: 0, sum: 0, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
}

function binOf(v: number): number {
  if (Math.abs(v) <= SMALLEST) return 0;
  const magnitude = 1 + Math.floor(Math.log(Math.abs(v) / SMALLEST) / LOG_GROWTH);
  return v > 0 ? magnitude : -magnitude;
}

function middleOf(bin: number): number {
  if (bin === 0) return 0;
  const magnitude = SMALLEST * GROWTH ** (Math.abs(bin) - 0.5);
  return bin > 0 ? magnitude : -magnitude;
}

/** Add one value (a scenario's yearly output, say). */
export function addValue(s: SketchData, v: number): void {
  const b = binOf(v);
  s.bins.set(b, (s.bins.get(b) ?? 0) + 1);
  s.count++;
  s.sum += v;
  if (v < s.min) s.min = v;
  if (v > s.max) s.max = v;
}

/** Add a block of values, summed as a block so block order fixes the sum exactly. */
export function addBlock(s: SketchData, values: Float64Array, length = values.length): void {
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i] as number;
    sum += v;
    const b = binOf(v);
    s.bins.set(b, (s.bins.get(b) ?? 0) + 1);
    if (v < s.min) s.min = v;
    if (v > s.max) s.max = v;
  }
  s.sum += sum;
  s.count += length;
}

export function mergeInto(target: SketchData, other: SketchData): void {
  for (const [b, n] of other.bins) target.bins.set(b, (target.bins.get(b) ?? 0) + n);
  target.count += other.count;
  target.sum += other.sum;
  target.min = Math.min(target.min, other.min);
  target.max = Math.max(target.max, other.max);
}

/** Bin middles can fall just outside the values seen (a constant would come back 0.1% off). */
const clamp = (s: SketchData, v: number) => Math.min(s.max, Math.max(s.min, v));

/** The value at quantile q ∈ [0, 1]: the geometric middle of the bin holding that rank. */
export function sketchQuantile(s: SketchData, q: number): number {
  if (s.count === 0) return Number.NaN;
  if (q <= 0) return s.min;
  if (q >= 1) return s.max;
  const rank = q * s.count;
  let seen = 0;
  for (const b of [...s.bins.keys()].sort((x, y) => x - y)) {
    seen += s.bins.get(b) ?? 0;
    if (seen >= rank) return clamp(s, middleOf(b));
  }
  return s.max;
}
