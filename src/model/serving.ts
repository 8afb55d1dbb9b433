import type { Precision } from '../catalog/types.js';
import {
  bestBatch,
  kvBytesPerToken,
  latentKvBytesPerToken,
  maxBatch,
  type ReplicaSpec,
  type ServingResult,
  serveBatch,
  weightBytes,
} from './inference.js';

/**
 * Serving a model as an engineer would: the roofline (inference.ts) at a chosen batch and
 * tensor-parallel width. Which batch fits, which is fastest under a latency bound, and
 * which width gives the most output per accelerator are decided here, for the calculators
 * and the scenario timeline alike.
 */

/** Bytes per weight at each number format. */
export const BYTES_PER_PARAM: Record<Precision, number> = { bf16: 2, fp8: 1, fp4: 0.5 };

/** KV caches are kept at 8 bits when weights are 8 bits or fewer (as FP8 serving stacks do). */
export const kvBytesPerElement = (precision: Precision) => Math.max(1, BYTES_PER_PARAM[precision]);

/**
 * The widest tensor-parallel group a replica may span: past the largest scale-up domains
 * (NVL576), and the bound that keeps the search over widths short.
 */
export const MAX_TP = 1024;

/** Widest width the automatic choice tries (one 64-accelerator NVLink domain and then some). */
export const MAX_AUTO_TP = 64;

/** The dimensions of a language model that serving needs. */
export interface ModelShape {
  totalParams: number;
  activeParams: number;
  layers: number;
  attentionHeads: number;
  headDim: number;
  /** Elements cached per token per layer: kv heads × head dim × 2, or an MLA latent. */
  kv: { heads: number } | { latentDim: number };
}

/** What one accelerator (or device) of a replica brings. */
export interface ReplicaHardware {
  id: string;
  peakFlops: number;
  bandwidth: number;
  memory: number;
}

/** Achievable shares of peak: FLOP/s, memory bandwidth, and memory usable for weights and KV. */
export interface ServingEfficiency {
  compute: number;
  bandwidth: number;
  memoryUsable: number;
}

/** One replica of `model` over `tp` units of `hardware`, weights at `precision`. */
export function replicaSpec(
  model: ModelShape,
  hardware: ReplicaHardware,
  precision: Precision,
  tp: number,
  efficiency: ServingEfficiency,
): ReplicaSpec {
  const kvBytes = kvBytesPerElement(precision);
  return {
    totalParams: model.totalParams,
    activeParams: model.activeParams,
    layers: model.layers,
    attentionHeads: model.attentionHeads,
    headDim: model.headDim,
    bytesPerParam: BYTES_PER_PARAM[precision],
    kvBytesPerToken:
      'latentDim' in model.kv
        ? latentKvBytesPerToken(model.layers, model.kv.latentDim, kvBytes)
        : kvBytesPerToken(model.layers, model.kv.heads, model.headDim, kvBytes),
    tp,
    peakFlopsPerAccelerator: hardware.peakFlops,
    bandwidthPerAccelerator: hardware.bandwidth,
    memoryPerAccelerator: hardware.memory,
    computeEfficiency: efficiency.compute,
    bandwidthEfficiency: efficiency.bandwidth,
    memoryUsable: efficiency.memoryUsable,
  };
}

/** Tokens in and out of one request. */
export interface RequestShape {
  inputTokens: number;
  outputTokens: number;
}

export const contextOf = (shape: RequestShape) => shape.inputTokens + shape.outputTokens;

/** Smallest tensor-parallel width (a power of two) whose memory holds the weights and one request. */
export function smallestTp(spec: ReplicaSpec, contextTokens: number): number {
  for (let tp = 1; tp <= MAX_TP; tp *= 2) {
    if (maxBatch({ ...spec, tp }, contextTokens) >= 1) return tp;
  }
  return Number.POSITIVE_INFINITY;
}

/** Memory a replica offers for weights and KV, and what the weights plus one request need (bytes). */
export function memoryFit(spec: ReplicaSpec, contextTokens: number): { usable: number; needed: number } {
  return {
    usable: spec.tp * spec.memoryPerAccelerator * spec.memoryUsable,
    needed: weightBytes(spec) + spec.kvBytesPerToken * contextTokens,
  };
}

/** How a batch is chosen: as given, or the largest (fastest) one whose time per output token stays under a bound. */
export type BatchRule = { batch: number } | { maxTimePerOutputToken?: number | undefined };

/** Why no batch could be served. */
export type BatchProblem = 'not-fitting' | 'batch-too-big' | 'latency';

export type BatchChoice = { batch: number; maxBatch: number } | { problem: BatchProblem };

/** The batch to run on a replica under a rule, or why none can run. */
export function chooseBatch(spec: ReplicaSpec, shape: RequestShape, rule: BatchRule): BatchChoice {
  const limit = maxBatch(spec, contextOf(shape));
  if (limit < 1) return { problem: 'not-fitting' };
  if ('batch' in rule)
    return rule.batch > limit ? { problem: 'batch-too-big' } : { batch: rule.batch, maxBatch: limit };
  const best = bestBatch(spec, limit, shape.inputTokens, shape.outputTokens, rule.maxTimePerOutputToken);
  return best === undefined ? { problem: 'latency' } : { batch: best, maxBatch: limit };
}

export interface Served extends ServingResult {
  batch: number;
  maxBatch: number;
}

export function serveChosen(
  spec: ReplicaSpec,
  shape: RequestShape,
  choice: { batch: number; maxBatch: number },
): Served {
  return { ...serveBatch(spec, choice.batch, shape.inputTokens, shape.outputTokens), ...choice };
}

/** A replica served, or the replica (and problem) that stopped it. */
export type ServedReplica =
  | { spec: ReplicaSpec; served: Served }
  | { spec: ReplicaSpec; problem: BatchProblem };

/** Serve at the width the spec says. */
export function serveAtWidth(spec: ReplicaSpec, shape: RequestShape, rule: BatchRule): ServedReplica {
  const choice = chooseBatch(spec, shape, rule);
  return 'problem' in choice
    ? { spec, problem: choice.problem }
    : { spec, served: serveChosen(spec, shape, choice) };
}

/**
 * Every power-of-two width up to MAX_AUTO_TP that holds the model, and the one with the
 * highest output per accelerator wins, as a serving engineer would choose (too narrow
 * leaves no room for KV cache, too wide wastes weight reads). Without a winner, the first
 * problem other than not fitting is reported (a latency bound, say), else not fitting at
 * the widest width.
 */
export function serveAtBestWidth(spec: ReplicaSpec, shape: RequestShape, rule: BatchRule): ServedReplica {
  let best: { spec: ReplicaSpec; served: Served } | undefined;
  let firstProblem: { spec: ReplicaSpec; problem: BatchProblem } | undefined;
  for (let tp = 1; tp <= MAX_AUTO_TP; tp *= 2) {
    const tried = serveAtWidth({ ...spec, tp }, shape, rule);
    if ('problem' in tried) {
      if (tried.problem !== 'not-fitting') firstProblem ??= tried;
      continue;
    }
    if (!best || tried.served.outputThroughput / tp > best.served.outputThroughput / best.spec.tp)
      best = tried;
  }
  return best ?? firstProblem ?? { spec: { ...spec, tp: MAX_AUTO_TP }, problem: 'not-fitting' };
}

/** Whole replicas of `tp` accelerators that `count` accelerators make. */
export function replicasIn(count: number, tp: number): number {
  return Math.floor(count / tp);
}

/** What a replica holds and serves per accelerator, and what one request's KV cache takes. */
export function replicaFootprint(spec: ReplicaSpec, served: Served, shape: RequestShape) {
  return {
    outputPerAccelerator: served.outputThroughput / spec.tp,
    weightsPerAccelerator: weightBytes(spec) / spec.tp,
    kvCachePerRequest: spec.kvBytesPerToken * contextOf(shape),
  };
}
