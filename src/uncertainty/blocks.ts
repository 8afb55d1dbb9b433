/**
 * Monte Carlo runs are cut into blocks of samples, and threads take blocks to run. A
 * block's figures depend only on its index, and tallies are merged in block order, so
 * which thread ran which block never changes the result.
 */

/** Hands out the blocks a thread runs: the next block's index, or at least the run's block count when none is left. */
export type BlockClaim = () => number;

/** Blocks [first, last), in order. */
export function blockRange(first: number, last: number): BlockClaim {
  let next = first;
  return () => (next < last ? next++ : Number.POSITIVE_INFINITY);
}

/** Blocks taken one at a time from a counter that several threads share, until `blocks` are out. */
export function sharedBlocks(counter: Int32Array, blocks: number): BlockClaim {
  return () => {
    const block = Atomics.add(counter, 0, 1);
    return block < blocks ? block : Number.POSITIVE_INFINITY;
  };
}
