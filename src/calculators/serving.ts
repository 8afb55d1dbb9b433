import type { Accelerator, LanguageModel, Precision } from '../catalog/types.js';
import { withContext } from '../errors.js';
import {
  bestBatch,
  kvBytesPerToken,
  latentKvBytesPerToken,
  maxBatch,
  type ReplicaSpec,
  type ServingResult,
  serveBatch,
  weightBytes,
} from '../model/inference.js';
import { formatQuantity } from '../units/format.js';
import { peakPerAccelerator, resolveAccelerator } from './fleet.js';
import type { CalculatorContext, InputSpec } from './types.js';

/**
 * The widest tensor-parallel group a replica may span: past the largest scale-up domains
 * (NVL576), and the bound that keeps the search over widths short.
 */
export const MAX_TP = 1024;

/** Bytes per weight at each precision. */
export const BYTES_PER_PARAM: Record<Precision, number> = { bf16: 2, fp8: 1, fp4: 0.5 };

/** Inputs every serving calculator shares: the model, the request shape and the roofline fractions. */
export const SERVING_INPUTS: readonly InputSpec[] = [
  { name: 'model', type: 'model', description: 'model id from the catalog (see `gigawatt catalog models`)' },
  {
    name: 'input_tokens',
    type: 'quantity',
    dimension: 'tokens',
    example: '1,000',
    bounds: { min: 1, integer: true },
    assumption: 'request_input_tokens',
    description: 'prompt tokens per request',
  },
  {
    name: 'output_tokens',
    type: 'quantity',
    dimension: 'tokens',
    example: '500',
    bounds: { min: 1, integer: true },
    assumption: 'request_output_tokens',
    description: 'generated tokens per request',
  },
  {
    name: 'batch',
    type: 'quantity',
    dimension: 'count',
    example: '64',
    bounds: { min: 1, integer: true },
    keywords: ['max'],
    defaultText: 'max (the throughput-optimal batch that fits in memory)',
    description: 'concurrent requests per replica, or "max"',
  },
  {
    name: 'max_tpot',
    type: 'quantity',
    dimension: 'time',
    example: '50ms',
    bounds: { min: 0, exclusiveMin: true },
    description: 'with --batch max: keep the time per output token at or under this, e.g. "50ms"',
  },
  {
    name: 'compute_efficiency',
    type: 'quantity',
    dimension: 'fraction',
    example: '40%',
    bounds: { min: 0, exclusiveMin: true, max: 1 },
    assumption: 'inference_compute_efficiency',
    description: 'achievable share of peak FLOP/s in inference',
  },
  {
    name: 'bandwidth_efficiency',
    type: 'quantity',
    dimension: 'fraction',
    example: '85%',
    bounds: { min: 0, exclusiveMin: true, max: 1 },
    assumption: 'inference_bandwidth_efficiency',
    description: 'achievable share of peak memory bandwidth',
  },
  {
    name: 'memory_usable',
    type: 'quantity',
    dimension: 'fraction',
    example: '90%',
    bounds: { min: 0, exclusiveMin: true, max: 1 },
    assumption: 'hbm_usable_fraction',
    description: 'share of accelerator memory usable for weights and KV cache',
  },
];

export function resolveModel(ctx: CalculatorContext, name = 'model'): LanguageModel {
  if (!ctx.has(name)) return ctx.fail(name, 'is required: a model id such as llama-3.3-70b');
  const model = withContext(ctx.label(name), () => ctx.catalog.model(ctx.text(name)));
  ctx.record(name, { value: model.id, origin: 'given' });
  return model;
}

function dimension(
  ctx: CalculatorContext,
  model: LanguageModel,
  key: 'layers' | 'attentionHeads' | 'headDim',
): number {
  const figure = model[key];
  if (!figure) return ctx.fail('model', `: ${model.id} publishes no ${key}, which inference needs`);
  return figure.value;
}

/** The hardware side of a replica: what one accelerator (or device) brings. */
export interface ReplicaHardware {
  id: string;
  peakFlops: number;
  bandwidth: number;
  memory: number;
}

export function acceleratorHardware(accelerator: Accelerator, peakFlops: number): ReplicaHardware {
  return {
    id: accelerator.id,
    peakFlops,
    bandwidth: accelerator.hbmBandwidth.value,
    memory: accelerator.hbmCapacity.value,
  };
}

/** Build a replica of `model` over `tp` units of `hardware` at `precision`. */
export function replicaSpec(
  ctx: CalculatorContext,
  model: LanguageModel,
  hardware: ReplicaHardware,
  precision: Precision,
  tp: number,
): ReplicaSpec {
  const layers = dimension(ctx, model, 'layers');
  // KV caches are kept at 8 bits when weights are 8 bits or fewer (as FP8 serving stacks do).
  const kvBytes = Math.max(1, BYTES_PER_PARAM[precision]);
  const kvHeads = model.kvHeads?.value;
  const kv = model.kvLatentDim
    ? latentKvBytesPerToken(layers, model.kvLatentDim.value, kvBytes)
    : kvHeads
      ? kvBytesPerToken(layers, kvHeads, dimension(ctx, model, 'headDim'), kvBytes)
      : ctx.fail('model', `: ${model.id} publishes no KV heads, which inference needs`);
  return {
    totalParams: model.params.value,
    activeParams: model.activeParams.value,
    layers,
    attentionHeads: dimension(ctx, model, 'attentionHeads'),
    headDim: dimension(ctx, model, 'headDim'),
    bytesPerParam: BYTES_PER_PARAM[precision],
    kvBytesPerToken: kv,
    tp,
    peakFlopsPerAccelerator: hardware.peakFlops,
    bandwidthPerAccelerator: hardware.bandwidth,
    memoryPerAccelerator: hardware.memory,
    computeEfficiency: ctx.number('compute_efficiency'),
    bandwidthEfficiency: ctx.number('bandwidth_efficiency'),
    memoryUsable: ctx.number('memory_usable'),
  };
}

export interface RequestShape {
  inputTokens: number;
  outputTokens: number;
}

export function requestShape(ctx: CalculatorContext, model: LanguageModel): RequestShape {
  const inputTokens = ctx.number('input_tokens');
  const outputTokens = ctx.number('output_tokens');
  const context = model.contextLength?.value;
  if (context !== undefined && inputTokens + outputTokens > context) {
    const total = formatQuantity(inputTokens + outputTokens, 'count');
    return ctx.fail(
      'output_tokens',
      `plus ${ctx.label('input_tokens')} make ${total} tokens, past ${model.id}'s context of ${formatQuantity(context, 'count')}`,
    );
  }
  return { inputTokens, outputTokens };
}

/** Smallest tensor-parallel width (a power of two) whose memory holds the weights and one request. */
export function smallestTp(spec: ReplicaSpec, contextTokens: number): number {
  for (let tp = 1; tp <= MAX_TP; tp *= 2) {
    if (maxBatch({ ...spec, tp }, contextTokens) >= 1) return tp;
  }
  return Number.POSITIVE_INFINITY;
}

/** "does not fit": say by how much and what tp would. */
export function failNotFitting(
  ctx: CalculatorContext,
  spec: ReplicaSpec,
  contextTokens: number,
  unit: string,
): never {
  const usable = spec.tp * spec.memoryPerAccelerator * spec.memoryUsable;
  const needed = weightBytes(spec) + spec.kvBytesPerToken * contextTokens;
  const tp = smallestTp(spec, contextTokens);
  const hint = Number.isFinite(tp) ? `; try ${ctx.label('tp')} ${tp}` : '';
  return ctx.fail(
    'tp',
    `${spec.tp}: the weights plus one ${formatQuantity(contextTokens, 'count')}-token request need ${formatQuantity(needed, 'bytes')}, but ${spec.tp} × ${unit} offer ${formatQuantity(usable, 'bytes')} usable, ${formatQuantity(needed - usable, 'bytes')} short${hint}`,
  );
}

export interface Served extends ServingResult {
  batch: number;
  maxBatch: number;
}

type BatchChoice =
  | { batch: number; maxBatch: number }
  | { problem: 'not-fitting' | 'batch-too-big' | 'latency' };

/** The batch to run on a replica: as given (if it fits), or the best under --max-tpot. Pure. */
function chooseBatch(ctx: CalculatorContext, spec: ReplicaSpec, shape: RequestShape): BatchChoice {
  const limit = maxBatch(spec, shape.inputTokens + shape.outputTokens);
  if (limit < 1) return { problem: 'not-fitting' };
  const given = ctx.given.batch;
  if (typeof given === 'number')
    return given > limit ? { problem: 'batch-too-big' } : { batch: given, maxBatch: limit };
  const bound = ctx.has('max_tpot') ? ctx.number('max_tpot') : undefined;
  const best = bestBatch(spec, limit, shape.inputTokens, shape.outputTokens, bound);
  return best === undefined ? { problem: 'latency' } : { batch: best, maxBatch: limit };
}

/** Turn a batch problem into the one sentence the user sees. */
function failBatch(
  ctx: CalculatorContext,
  spec: ReplicaSpec,
  shape: RequestShape,
  unit: string,
  problem: string,
): never {
  const context = shape.inputTokens + shape.outputTokens;
  if (problem === 'not-fitting') return failNotFitting(ctx, spec, context, unit);
  if (problem === 'batch-too-big') {
    const limit = maxBatch(spec, context);
    return ctx.fail(
      'batch',
      `${ctx.given.batch} does not fit: at most ${formatQuantity(limit, 'count')} requests of ${formatQuantity(context, 'count')} tokens fit beside the weights`,
    );
  }
  const single = serveBatch(spec, 1, shape.inputTokens, shape.outputTokens).timePerOutputToken;
  return ctx.fail(
    'max_tpot',
    `cannot be met: even one request takes ${formatQuantity(single, 'time')} per output token`,
  );
}

function serveChosen(
  spec: ReplicaSpec,
  shape: RequestShape,
  choice: { batch: number; maxBatch: number },
): Served {
  return { ...serveBatch(spec, choice.batch, shape.inputTokens, shape.outputTokens), ...choice };
}

function recordBatch(ctx: CalculatorContext, batch: number): void {
  if (typeof ctx.given.batch === 'number')
    ctx.record('batch', { value: batch, dimension: 'count', origin: 'given' });
  else {
    const via = ctx.has('max_tpot') ? `max under ${ctx.label('max_tpot')}` : 'max';
    ctx.record('batch', { value: batch, dimension: 'count', origin: 'solved', via });
  }
}

/** Widest tensor-parallel width the automatic choice tries (one 64-accelerator NVLink domain and then some). */
const MAX_AUTO_TP = 64;

/**
 * A served replica. With --tp the width is the user's; otherwise every power-of-two width
 * that holds the model is tried and the one with the highest output per accelerator wins,
 * as a serving engineer would choose (too narrow leaves no room for KV cache, too wide
 * wastes weight reads).
 */
export function serveReplica(
  ctx: CalculatorContext,
  model: LanguageModel,
  hardware: ReplicaHardware,
  precision: Precision,
  shape: RequestShape,
): { spec: ReplicaSpec; served: Served } {
  if (ctx.has('tp')) {
    const spec = replicaSpec(ctx, model, hardware, precision, ctx.number('tp'));
    const choice = chooseBatch(ctx, spec, shape);
    if ('problem' in choice) return failBatch(ctx, spec, shape, hardware.id, choice.problem);
    recordBatch(ctx, choice.batch);
    return { spec, served: serveChosen(spec, shape, choice) };
  }
  const probe = replicaSpec(ctx, model, hardware, precision, 1);
  let best: { spec: ReplicaSpec; served: Served } | undefined;
  let firstProblem: { spec: ReplicaSpec; problem: string } | undefined;
  for (let tp = 1; tp <= MAX_AUTO_TP; tp *= 2) {
    const spec = { ...probe, tp };
    const choice = chooseBatch(ctx, spec, shape);
    if ('problem' in choice) {
      if (choice.problem !== 'not-fitting') firstProblem ??= { spec, problem: choice.problem };
      continue;
    }
    const served = serveChosen(spec, shape, choice);
    if (!best || served.outputThroughput / tp > best.served.outputThroughput / best.spec.tp)
      best = { spec, served };
  }
  if (!best) {
    const failed = firstProblem ?? { spec: { ...probe, tp: MAX_AUTO_TP }, problem: 'not-fitting' };
    return failBatch(ctx, failed.spec, shape, hardware.id, failed.problem);
  }
  ctx.record('tp', {
    value: best.spec.tp,
    dimension: 'count',
    origin: 'solved',
    via: 'highest output per accelerator',
  });
  recordBatch(ctx, best.served.batch);
  return best;
}

/** A served replica of the requested model on the requested accelerator: what the serving calculators share. */
export function servingSetup(ctx: CalculatorContext) {
  const model = resolveModel(ctx);
  const accelerator = resolveAccelerator(ctx);
  const precision = ctx.text('precision') as Precision;
  const peak = peakPerAccelerator(ctx, accelerator, precision);
  const shape = requestShape(ctx, model);
  const { spec, served } = serveReplica(ctx, model, acceleratorHardware(accelerator, peak), precision, shape);
  return { model, accelerator, precision, peak, shape, spec, served };
}
