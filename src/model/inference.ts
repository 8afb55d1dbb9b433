/**
 * LLM inference as a roofline. Each forward pass is bound either by memory traffic
 * (weights plus the KV cache it reads) or by compute, whichever takes longer, at stated
 * achievable fractions of peak bandwidth and FLOP/s. A batch of requests is prefilled
 * together, then decoded in lockstep (static batching; continuous batching does the
 * same work per token, so sustained throughput matches).
 */

/** KV-cache bytes per token: a key and a value vector per layer per KV head. */
export function kvBytesPerToken(
  layers: number,
  kvHeads: number,
  headDim: number,
  bytesPerElement: number,
): number {
  return 2 * layers * kvHeads * headDim * bytesPerElement;
}

/** KV-cache bytes per token for multi-head latent attention (one compressed vector per layer). */
export function latentKvBytesPerToken(layers: number, latentDim: number, bytesPerElement: number): number {
  return layers * latentDim * bytesPerElement;
}

/** Everything one model replica needs, in SI units; a replica spans `tp` accelerators. */
export interface ReplicaSpec {
  totalParams: number;
  activeParams: number;
  layers: number;
  attentionHeads: number;
  headDim: number;
  bytesPerParam: number;
  kvBytesPerToken: number;
  tp: number;
  peakFlopsPerAccelerator: number;
  bandwidthPerAccelerator: number;
  memoryPerAccelerator: number;
  /** Achievable share of peak FLOP/s. */
  computeEfficiency: number;
  /** Achievable share of peak memory bandwidth. */
  bandwidthEfficiency: number;
  /** Share of HBM usable for weights and KV cache (the rest: activations, runtime). */
  memoryUsable: number;
}

export function weightBytes(spec: Pick<ReplicaSpec, 'totalParams' | 'bytesPerParam'>): number {
  return spec.totalParams * spec.bytesPerParam;
}

/** Memory left for the KV cache on a replica (bytes); negative when the weights do not fit. */
export function kvMemory(spec: ReplicaSpec): number {
  return spec.tp * spec.memoryPerAccelerator * spec.memoryUsable - weightBytes(spec);
}

/** The most sequences of `contextTokens` whose KV cache fits beside the weights. */
export function maxBatch(spec: ReplicaSpec, contextTokens: number): number {
  return Math.max(0, Math.floor(kvMemory(spec) / (spec.kvBytesPerToken * contextTokens)));
}

/** Linear cost of one decode step at context c: seconds = fixed + perContext · c. */
interface Linear {
  fixed: number;
  perContext: number;
}

function rates(spec: ReplicaSpec) {
  return {
    flops: spec.tp * spec.peakFlopsPerAccelerator * spec.computeEfficiency,
    bandwidth: spec.tp * spec.bandwidthPerAccelerator * spec.bandwidthEfficiency,
  };
}

/**
 * Attention FLOP per token per context position: QKᵀ and the weighted sum of V, each a
 * multiply-add over head_dim for every head and layer.
 */
function attentionFlopPerContext(spec: ReplicaSpec): number {
  return 4 * spec.layers * spec.attentionHeads * spec.headDim;
}

/** Decode step time as two lines in the context length: memory-bound and compute-bound. */
function decodeLines(spec: ReplicaSpec, batch: number): { memory: Linear; compute: Linear } {
  const { flops, bandwidth } = rates(spec);
  return {
    memory: { fixed: weightBytes(spec) / bandwidth, perContext: (batch * spec.kvBytesPerToken) / bandwidth },
    compute: {
      fixed: (2 * spec.activeParams * batch) / flops,
      perContext: (batch * attentionFlopPerContext(spec)) / flops,
    },
  };
}

/** Sum of line(c) for integer c in [from, to). */
function sumLine(line: Linear, from: number, to: number): number {
  const n = to - from;
  if (n <= 0) return 0;
  return n * line.fixed + (line.perContext * ((from + to - 1) * n)) / 2;
}

export interface DecodeTime {
  /** Total seconds for all decode steps. */
  seconds: number;
  /** Steps bound by memory traffic (the rest by compute). */
  memoryBoundSteps: number;
}

/** Time to decode `outputTokens` steps for a batch whose context starts at `inputTokens`. */
export function decodeTime(
  spec: ReplicaSpec,
  batch: number,
  inputTokens: number,
  outputTokens: number,
): DecodeTime {
  const { memory, compute } = decodeLines(spec, batch);
  const from = inputTokens;
  const to = inputTokens + outputTokens;
  // memory(c) - compute(c) is linear in c, so the binding resource changes at most once:
  // at its root. Split the sum of max(memory, compute) there.
  const gapAt = (c: number) => memory.fixed - compute.fixed + (memory.perContext - compute.perContext) * c;
  const memoryFirst = gapAt(from) >= 0;
  const slope = memory.perContext - compute.perContext;
  let split = to;
  if (slope !== 0) {
    const root = (compute.fixed - memory.fixed) / slope;
    const changes = memoryFirst ? slope < 0 : slope > 0;
    if (changes) split = Math.min(to, Math.max(from, Math.ceil(root)));
  }
  const first = memoryFirst ? memory : compute;
  const second = memoryFirst ? compute : memory;
  const seconds = sumLine(first, from, split) + sumLine(second, split, to);
  const memoryBoundSteps = memoryFirst ? split - from : to - split;
  return { seconds, memoryBoundSteps };
}

/** Time to prefill `batch` prompts of `inputTokens` (compute for every token, weights read once). */
export function prefillTime(spec: ReplicaSpec, batch: number, inputTokens: number): number {
  const { flops, bandwidth } = rates(spec);
  const linearFlop = 2 * spec.activeParams * inputTokens;
  // Causal attention: token t attends to t earlier positions, about n²/2 in all.
  const attentionFlop = (attentionFlopPerContext(spec) * inputTokens * inputTokens) / 2;
  const computeSeconds = (batch * (linearFlop + attentionFlop)) / flops;
  const memorySeconds = (weightBytes(spec) + batch * inputTokens * spec.kvBytesPerToken) / bandwidth;
  return Math.max(computeSeconds, memorySeconds);
}

export interface ServingResult {
  /**
   * A new request's wait for its first token under continuous batching: its own prefill
   * at the replica's full rate plus the decode step it joins. A lower bound (no queueing).
   */
  timeToFirstToken: number;
  /** Mean seconds per decode step. */
  timePerOutputToken: number;
  /** Input tokens per second while prefilling. */
  prefillThroughput: number;
  /** Sustained output tokens per second of one replica, prefill time included. */
  outputThroughput: number;
  /** Share of decode steps bound by memory traffic. */
  memoryBoundShare: number;
}

/** Serve one batch of requests on one replica. */
export function serveBatch(
  spec: ReplicaSpec,
  batch: number,
  inputTokens: number,
  outputTokens: number,
): ServingResult {
  const prefill = prefillTime(spec, batch, inputTokens);
  const decode = decodeTime(spec, batch, inputTokens, outputTokens);
  const timePerOutputToken = decode.seconds / outputTokens;
  return {
    timeToFirstToken: prefillTime(spec, 1, inputTokens) + timePerOutputToken,
    timePerOutputToken,
    prefillThroughput: (batch * inputTokens) / prefill,
    outputThroughput: (batch * outputTokens) / (prefill + decode.seconds),
    memoryBoundShare: decode.memoryBoundSteps / outputTokens,
  };
}

/**
 * The batch (1 … limit) with the highest output throughput, optionally keeping the mean
 * time per output token at or under `maxTimePerOutputToken`. In this model throughput
 * never falls as the batch grows (per-sequence work shrinks or stays), while latency only
 * grows, so the answer is the largest batch that meets the bound.
 */
export function bestBatch(
  spec: ReplicaSpec,
  limit: number,
  inputTokens: number,
  outputTokens: number,
  maxTimePerOutputToken = Number.POSITIVE_INFINITY,
): number | undefined {
  const fits = (b: number) =>
    serveBatch(spec, b, inputTokens, outputTokens).timePerOutputToken <= maxTimePerOutputToken;
  if (limit < 1 || !fits(1)) return undefined;
  let lo = 1;
  let hi = limit;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
