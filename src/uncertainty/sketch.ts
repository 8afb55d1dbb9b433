/**
 * A streaming quantile sketch: values fall into log-spaced bins (0.2% wide) on each side
 * of zero, so memory stays fixed however many samples arrive, quantiles are good to about
 * 0.1% relative, and two sketches merge exactly: the order samples arrive in never
 * changes the answer. Means are summed per block and blocks added in order, so they too
 * come out the same whatever the number of workers.
 *
 * Two layouts of the same bins: dense (a typed array over every bin, fastest to fill, ~1 MB)
 * for calculator outputs, and sparse (a map of the bins touched) where thousands of
 * sketches live at once (one per scenario month and series).
 */
const GROWTH = 1.002;
const LOG_GROWTH = Math.log(GROWTH);
/** Magnitudes at or below this count as zero. */
const SMALLEST = 1e-30;
/** Bins per sign: magnitudes from 1e-30 up to 1e40. */
const BINS = Math.ceil((70 * Math.LN10) / LOG_GROWTH);

export interface SketchData {
  /** Dense layout: index BINS + signed bin. */
  dense?: Float64Array | undefined;
  /** Sparse layout: signed bin → count. */
  sparse?: Map<number, number> | undefined;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export function emptySketch(layout: 'dense' | 'sparse' = 'sparse'): SketchData {
  return {
    dense: layout === 'dense' ? new Float64Array(2 * BINS + 1) : undefined,
    sparse: layout === 'sparse' ? new Map() : undefined,
    count: 0,
    sum: 0,
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
  };
}

/** Signed bin: positive values use 1 … BINS, negative -1 … -BINS, zero 0. */
function binOf(v: number): number {
  const a = v < 0 ? -v : v;
  if (a <= SMALLEST) return 0;
  const m = Math.min(BINS, 1 + Math.floor(Math.log(a / SMALLEST) / LOG_GROWTH));
  return v > 0 ? m : -m;
}

function middleOf(bin: number): number {
  if (bin === 0) return 0;
  const magnitude = SMALLEST * GROWTH ** (Math.abs(bin) - 0.5);
  return bin > 0 ? magnitude : -magnitude;
}

function count(s: SketchData, bin: number, n: number): void {
  if (s.dense) s.dense[BINS + bin] = (s.dense[BINS + bin] as number) + n;
  else if (s.sparse) s.sparse.set(bin, (s.sparse.get(bin) ?? 0) + n);
}

/** Add one value (a scenario's yearly output, say). */
export function addValue(s: SketchData, v: number): void {
  count(s, binOf(v), 1);
  s.count++;
  s.sum += v;
  if (v < s.min) s.min = v;
  if (v > s.max) s.max = v;
}

/** Add a block of values, summed as a block so block order fixes the sum exactly. */
export function addBlock(s: SketchData, values: Float64Array, length = values.length): void {
  let sum = 0;
  let min = s.min;
  let max = s.max;
  const dense = s.dense;
  for (let i = 0; i < length; i++) {
    const v = values[i] as number;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    const b = binOf(v);
    if (dense) dense[BINS + b] = (dense[BINS + b] as number) + 1;
    else count(s, b, 1);
  }
  s.min = min;
  s.max = max;
  s.sum += sum;
  s.count += length;
}

/** Every (bin, count) pair with a count, in bin order. */
function* bins(s: SketchData): Generator<[number, number]> {
  if (s.dense) {
    if (s.count === 0) return;
    // Only the bins between the smallest and largest value seen can hold anything.
    for (let i = BINS + binOf(s.min); i <= BINS + binOf(s.max); i++) {
      if ((s.dense[i] as number) > 0) yield [i - BINS, s.dense[i] as number];
    }
  } else if (s.sparse) {
    for (const b of [...s.sparse.keys()].sort((x, y) => x - y)) yield [b, s.sparse.get(b) as number];
  }
}

export function mergeInto(target: SketchData, other: SketchData): void {
  for (const [b, n] of bins(other)) count(target, b, n);
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
  for (const [b, n] of bins(s)) {
    seen += n;
    if (seen >= rank) return clamp(s, middleOf(b));
  }
  return s.max;
}
