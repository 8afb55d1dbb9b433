/**
 * A streaming quantile sketch: values fall into log-spaced bins (0.2% wide) on each side
 * of zero, counted in a typed array that covers only the bins seen so far and grows as
 * needed, so memory stays bounded (a few thousand bins at most) however many samples
 * arrive. Quantiles are good to about 0.1% relative, and two sketches merge exactly: the
 * order samples arrive in never changes the answer. Means are summed per block and blocks
 * added in order, so they too come out the same whatever the number of workers.
 */
const GROWTH = 1.002;
const LOG_GROWTH = Math.log(GROWTH);
/** Magnitudes at or below this count as zero. */
const SMALLEST = 1e-30;
/** Bins per sign: magnitudes from 1e-30 up to 1e40. */
const BINS = Math.ceil((70 * Math.LN10) / LOG_GROWTH);

export interface SketchData {
  /** counts[i] is the number of values in signed bin `offset + i`. */
  counts: Float64Array;
  offset: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export function emptySketch(): SketchData {
  return {
    counts: new Float64Array(0),
    offset: 0,
    count: 0,
    sum: 0,
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
  };
}

// log_GROWTH(a / SMALLEST) as ln(a) · PER_LOG + FROM_SMALLEST: multiplications instead of
// two divisions, in the one line every sample of every output passes through.
const PER_LOG = 1 / LOG_GROWTH;
const FROM_SMALLEST = -Math.log(SMALLEST) / LOG_GROWTH;

/** Signed bin: positive values use 1 … BINS, negative -1 … -BINS, zero 0. */
function binOf(v: number): number {
  const a = v < 0 ? -v : v;
  // Written so NaN lands here too: a run that produced one fails on its sum, not in the sketch.
  if (!(a > SMALLEST)) return 0;
  // max(1, …): just above SMALLEST, rounding could give 0, the bin of zero.
  const m = Math.max(1, Math.min(BINS, 1 + Math.floor(Math.log(a) * PER_LOG + FROM_SMALLEST)));
  return v > 0 ? m : -m;
}

function middleOf(bin: number): number {
  if (bin === 0) return 0;
  const magnitude = SMALLEST * GROWTH ** (Math.abs(bin) - 0.5);
  return bin > 0 ? magnitude : -magnitude;
}

/** Make the window cover `bin`, doubling it so growth stays rare. */
function cover(s: SketchData, bin: number): void {
  const length = s.counts.length;
  if (length > 0 && bin >= s.offset && bin < s.offset + length) return;
  const low = length === 0 ? bin : Math.min(s.offset, bin);
  const high = length === 0 ? bin + 1 : Math.max(s.offset + length, bin + 1);
  const size = Math.max(16, 2 * (high - low));
  const offset = low - Math.floor((size - (high - low)) / 2);
  const counts = new Float64Array(size);
  if (length > 0) counts.set(s.counts, s.offset - offset);
  s.counts = counts;
  s.offset = offset;
}

function tally(s: SketchData, bin: number, n: number): void {
  cover(s, bin);
  const i = bin - s.offset;
  s.counts[i] = (s.counts[i] as number) + n;
}

/** Add a block of values, summed as a block so block order fixes the sum exactly. */
export function addBlock(s: SketchData, values: Float64Array, length = values.length): void {
  let sum = 0;
  let min = s.min;
  let max = s.max;
  for (let i = 0; i < length; i++) {
    const v = values[i] as number;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    const b = binOf(v);
    const j = b - s.offset;
    if (j >= 0 && j < s.counts.length) s.counts[j] = (s.counts[j] as number) + 1;
    else tally(s, b, 1);
  }
  s.min = min;
  s.max = max;
  s.sum += sum;
  s.count += length;
}

export function mergeInto(target: SketchData, other: SketchData): void {
  for (let i = 0; i < other.counts.length; i++) {
    const n = other.counts[i] as number;
    if (n > 0) tally(target, other.offset + i, n);
  }
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
  for (let i = 0; i < s.counts.length; i++) {
    seen += s.counts[i] as number;
    if (seen >= rank) return clamp(s, middleOf(s.offset + i));
  }
  return s.max;
}
