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

/** A uniform number strictly inside (0, 1), from 53 random bits. */
export function uniformAt(seed: number, stream: number, index: number): number {
  const a = mix32(seed ^ mix32(stream + 0x9e3779b9) ^ mix32(index));
  const b = mix32(a ^ mix32(index + 0x85ebca6b) ^ mix32(stream * 0x27d4eb2f));
  // 27 bits from b, 26 from a: 53 bits, then nudged off exactly 0.
  return ((b >>> 5) * 67108864 + (a >>> 6) + 0.5) / 9007199254740992;
}
