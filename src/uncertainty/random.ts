/**
 * Counter-based random numbers: the uniform for (seed, stream, index) is a pure hash of
 * the three, so any sample can be drawn in any order, on any worker, and the same seed
 * gives the same numbers everywhere. Streams are the uncertain inputs.
 */

/** A 32-bit avalanche mixer (the "lowbias32" finalizer by Chris Wellons). */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

const STREAM_A = 0x9e3779b9;
const INDEX_B = 0x85ebca6b;
const STREAM_B = 0x27d4eb2f;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** A uniform number strictly inside (0, 1), from 53 random bits. */
export function uniformAt(seed: number, stream: number, index: number): number {
  const a = mix32(seed ^ mix32(stream + STREAM_A) ^ mix32(index));
  const b = mix32(a ^ mix32(index + INDEX_B) ^ mix32(stream * STREAM_B));
  // 27 bits from b, 26 from a: 53 bits, then nudged off exactly 0.
  return ((b >>> 5) * TWO_POW_26 + (a >>> 6) + 0.5) / TWO_POW_53;
}

/** The per-index halves of the hash for indices start … start + length − 1, shared by every stream. */
export function indexHashes(start: number, length: number, outA: Uint32Array, outB: Uint32Array): void {
  for (let j = 0; j < length; j++) {
    outA[j] = mix32(start + j);
    outB[j] = mix32(start + j + INDEX_B);
  }
}

/**
 * out[j] = uniformAt(seed, stream, start + j) for a whole block, with the per-stream and
 * per-index hashes computed once instead of once per draw (same numbers, a third the work).
 */
export function uniformColumn(
  seed: number,
  stream: number,
  length: number,
  hashA: Uint32Array,
  hashB: Uint32Array,
  out: Float64Array,
): void {
  const left = seed ^ mix32(stream + STREAM_A);
  const right = mix32(stream * STREAM_B);
  for (let j = 0; j < length; j++) {
    const a = mix32(left ^ (hashA[j] as number));
    const b = mix32(a ^ (hashB[j] as number) ^ right);
    out[j] = ((b >>> 5) * TWO_POW_26 + (a >>> 6) + 0.5) / TWO_POW_53;
  }
}
