import { InputError } from '../errors.js';
import type { BlockClaim } from './blocks.js';
import { floatColumns, type Sampler } from './sampler.js';
import { addBlock, emptySketch, mergeInto, type SketchData, sketchQuantile } from './sketch.js';

/**
 * The one Monte Carlo driver. A run is cut into blocks of samples; a thread takes blocks
 * (from a counter it may share with others), draws each block's inputs with the sampler,
 * lets the model evaluate them, and tallies every statistic: a quantile sketch and the
 * block's sum. Tallies merge in block order, so the figures never depend on which thread
 * ran which block. Calculators (calculators/monte-carlo.ts) and scenarios
 * (scenario/monte-carlo.ts) are thin models over it.
 */

/** What every Monte Carlo run is asked for, calculator or scenario. */
export interface RunOptions {
  samples: number;
  seed: number;
  /** Cumulative probabilities to report, e.g. [0.05, 0.5, 0.95]. */
  quantiles: readonly number[];
  /** Wall-clock time (ms since the epoch) after which the run stops with an input error. */
  deadline?: number;
  onProgress?: (done: number, total: number) => void;
}

/** What a model gives the driver. */
export interface BlockModel {
  sampler: Sampler;
  /** Samples per block: the block size fixes how sums group, so it is part of the result. */
  blockSize: number;
  /** Scalar statistics per sample, each with its own sketch and sums. */
  stats: number;
  /** Counters tallied alongside (e.g. which constraint bound each year), summed over samples. */
  counters: number;
  /** Wall-clock time (ms since the epoch) after which the run stops with an input error. */
  deadline?: number | undefined;
  /** The sentence when a run passes its deadline. */
  tooSlow?: string;
  /**
   * Evaluate a block's `length` samples (input k of sample j is `draws[k][j]`): write stat s
   * of the i-th kept sample into `columns[s][i]`, mark `seen[s]` for each stat a sample
   * gave, add to `counts`; return how many samples were kept (the rest were impossible).
   */
  evaluate(
    draws: readonly Float64Array[],
    length: number,
    columns: Float64Array[],
    seen: Uint8Array,
    counts: Float64Array,
  ): number;
  /** The error for a block whose stat `stat` summed past the finite range: it names the input to blame. */
  outOfRange(stat: number, draws: readonly Float64Array[], length: number): Error;
}

/** What the blocks one thread ran contribute. Plain data: it crosses from worker threads. */
export interface Tally {
  sketches: SketchData[];
  /** The blocks run, in the order they were claimed. */
  blocks: number[];
  /** blockSums[k * stats + s]: stat s summed over block blocks[k], in sample order. */
  blockSums: Float64Array;
  counts: Float64Array;
  rejected: number;
  seen: Uint8Array;
}

export const blockCount = (samples: number, blockSize: number) => Math.ceil(samples / blockSize);

/** Give up once past the deadline: one request must not hold the machine. */
export function checkDeadline(deadline: number | undefined, message: string): void {
  if (deadline !== undefined && Date.now() > deadline) throw new InputError(message);
}

export const DEADLINE_MESSAGE = (samples: number) =>
  `${samples} samples took longer than the time limit; ask for fewer samples`;

/** Draw and evaluate the blocks `claim` hands out, of a run of `samples`. */
export function sampleBlocks(
  model: BlockModel,
  claim: BlockClaim,
  samples: number,
  onBlock?: () => void,
): Tally {
  const { stats, blockSize } = model;
  const draws = floatColumns(model.sampler.inputs.length, blockSize);
  const columns = floatColumns(stats, blockSize);
  const sketches = Array.from({ length: stats }, () => emptySketch());
  const seen = new Uint8Array(stats);
  const counts = new Float64Array(model.counters);
  const blocks: number[] = [];
  let sums = new Float64Array(64 * stats);
  let rejected = 0;
  const total = blockCount(samples, blockSize);
  const tooSlow = model.tooSlow ?? DEADLINE_MESSAGE(samples);
  for (let block = claim(); block < total; block = claim()) {
    const start = block * blockSize;
    const length = Math.min(blockSize, samples - start);
    model.sampler.draw(start, length, draws);
    const kept = model.evaluate(draws, length, columns, seen, counts);
    rejected += length - kept;
    const k = blocks.length;
    blocks.push(block);
    if ((k + 1) * stats > sums.length) {
      const grown = new Float64Array(2 * sums.length);
      grown.set(sums);
      sums = grown;
    }
    for (let s = 0; s < stats; s++) {
      const column = columns[s] as Float64Array;
      addBlock(sketches[s] as SketchData, column, kept);
      let sum = 0;
      for (let j = 0; j < kept; j++) sum += column[j] as number;
      // A non-finite sum is the only sign a fast path gives of a sample out of range.
      if (!Number.isFinite(sum)) throw model.outOfRange(s, draws, length);
      sums[k * stats + s] = sum;
    }
    onBlock?.();
    checkDeadline(model.deadline, tooSlow);
  }
  return { sketches, blocks, blockSums: sums.slice(0, blocks.length * stats), counts, rejected, seen };
}

/** Every thread's tallies as one: sketches merged, sums added in block order, counts and rejections totalled. */
export interface Merged {
  sketches: SketchData[];
  sums: Float64Array;
  counts: Float64Array;
  rejected: number;
  seen: Uint8Array;
}

export function mergeTallies(
  model: Pick<BlockModel, 'stats' | 'counters' | 'blockSize'>,
  tallies: readonly Tally[],
  samples: number,
): Merged {
  const { stats } = model;
  const blocks = blockCount(samples, model.blockSize);
  // Each block's sums by block index, whichever thread ran it: added in block order, the
  // totals are the same for any number of threads.
  const byBlock = new Float64Array(blocks * stats);
  for (const t of tallies)
    t.blocks.forEach((block, k) => {
      byBlock.set(t.blockSums.subarray(k * stats, (k + 1) * stats), block * stats);
    });
  const sums = new Float64Array(stats);
  for (let s = 0; s < stats; s++) {
    let sum = 0;
    for (let b = 0; b < blocks; b++) sum += byBlock[b * stats + s] as number;
    sums[s] = sum;
  }
  const sketches = Array.from({ length: stats }, (_, s) => {
    const sketch = emptySketch();
    for (const t of tallies) mergeInto(sketch, t.sketches[s] as SketchData);
    return sketch;
  });
  const counts = new Float64Array(model.counters);
  const seen = new Uint8Array(stats);
  let rejected = 0;
  for (const t of tallies) {
    rejected += t.rejected;
    for (let c = 0; c < counts.length; c++) counts[c] = (counts[c] as number) + (t.counts[c] as number);
    for (let s = 0; s < stats; s++) seen[s] = (seen[s] as number) | (t.seen[s] as number);
  }
  return { sketches, sums, counts, rejected, seen };
}

/** "p5", "p50", "p95": how quantiles are keyed in every output. */
export const quantileKey = (q: number) => `p${Number((q * 100).toPrecision(6))}`;

export interface Summary {
  mean: number;
  /** Keyed "p5", "p50", "p95", ... */
  quantiles: Record<string, number>;
}

/** A statistic's mean and quantiles. */
export function summarize(merged: Merged, stat: number, quantiles: readonly number[]): Summary {
  const sketch = merged.sketches[stat] as SketchData;
  return {
    mean: (merged.sums[stat] as number) / sketch.count,
    quantiles: Object.fromEntries(quantiles.map((q) => [quantileKey(q), sketchQuantile(sketch, q)])),
  };
}
