/**
 * A streaming quantile sketch: values fall into log-spaced bins (0.2% wide) on each side
 * of zero, so memory stays fixed however many samples arrive, quantiles are good to about
 * 0.1% relative, and two sketches merge exactly — the order samples arrive in never
 * changes the answer. Means are summed per block and blocks added in order, so they too
 * come out the same whatever the number of workers.
 */
const GROWTH = 1.002;
const LOG_GROWTH = Math.log(GROWTH);
/** Smallest magnitude binned separately from zero, and the largest kept. */
const SMALLEST = 1e-30;
const DECADES = 70;
const BINS = Math.ceil((DECADES * Math.LN10) / LOG_GROWTH);

export interface SketchData {
  positive: Float64Array;
  negative: Float64Array;
  zeros: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export function emptySketch(): SketchData {
  return {
    positive: new Float64Array(BINS),
    negative: new Float64Array(BINS),
    zeros: 0,
    count: 0,
    sum: 0,
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
  };
}

function bin(magnitude: number): number {
  return Math.min(BINS - 1, Math.max(0, Math.floor(Math.log(magnitude / SMALLEST) / LOG_GROWTH)));
}

/** Add a block of values (summed as a block, so block order fixes the sum exactly). */
export function addBlock(s: SketchData, values: Float64Array, length = values.length): void {
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i] as number;
    sum += v;
    if (v < s.min) s.min = v;
    if (v > s.max) s.max = v;
    if (v > SMALLEST) {
      const b = bin(v);
      s.positive[b] = (s.positive[b] as number) + 1;
    } else if (v < -SMALLEST) {
      const b = bin(-v);
      s.negative[b] = (s.negative[b] as number) + 1;
    } else s.zeros++;
  }
  s.sum += sum;
  s.count += length;
}

export function mergeInto(target: SketchData, other: SketchData): void {
  for (let i = 0; i < BINS; i++) {
    target.positive[i] = (target.positive[i] as number) + (other.positive[i] as number);
    target.negative[i] = (target.negative[i] as number) + (other.negative[i] as number);
  }
  target.zeros += other.zeros;
  target.count += other.count;
  target.sum += other.sum;
  target.min = Math.min(target.min, other.min);
  target.max = Math.max(target.max, other.max);
}

/** Bin middles can fall just outside the values seen (a constant output would come back 0.1% off). */
const clamp = (s: SketchData, v: number) => Math.min(s.max, Math.max(s.min, v));

/** The value at quantile q ∈ [0, 1]: the geometric middle of the bin holding that rank. */
export function sketchQuantile(s: SketchData, q: number): number {
  if (s.count === 0) return Number.NaN;
  if (q <= 0) return s.min;
  if (q >= 1) return s.max;
  const rank = q * s.count;
  let seen = 0;
  const middle = (i: number) => SMALLEST * GROWTH ** (i + 0.5);
  for (let i = BINS - 1; i >= 0; i--) {
    seen += s.negative[i] as number;
    if (seen >= rank) return clamp(s, -middle(i));
  }
  seen += s.zeros;
  if (seen >= rank) return clamp(s, 0);
  for (let i = 0; i < BINS; i++) {
    seen += s.positive[i] as number;
    if (seen >= rank) return clamp(s, middle(i));
  }
  return s.max;
}
