import type { LanguageModel, Precision } from '../catalog/types.js';
import { withContext } from '../errors.js';
import { acceleratorHardware, modelShape } from '../model/from-catalog.js';
import { maxBatch, type ReplicaSpec, serveBatch } from '../model/inference.js';
import {
  type BatchProblem,
  type BatchRule,
  contextOf,
  type ModelShape,
  memoryFit,
  type ReplicaHardware,
  type RequestShape,
  replicaSpec,
  type Served,
  type ServingEfficiency,
  serveAtBestWidth,
  serveAtWidth,
  smallestTp,
} from '../model/serving.js';
import { formatQuantity } from '../units/format.js';
import { peakPerAccelerator, resolveAccelerator } from './fleet.js';
import type { CalculatorContext, InputSpec } from './types.js';

/**
 * The serving calculators' side of serving: inputs, the catalog model's dimensions, the
 * batch rule from the flags, and the sentences for what cannot be served. The choices
 * themselves (batch, width) are the model's (model/serving.ts).
 */

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
  ctx.provenance(name, { value: model.id, origin: 'given' });
  return model;
}

/** The model's serving dimensions, or a sentence naming the one it does not publish. */
export function servingShape(ctx: CalculatorContext, model: LanguageModel): ModelShape {
  const shape = modelShape(model);
  if ('missing' in shape)
    return ctx.fail('model', `: ${model.id} publishes no ${shape.missing}, which inference needs`);
  return shape;
}

/** The roofline's achievable fractions, as given or by default. */
export function servingEfficiency(ctx: CalculatorContext): ServingEfficiency {
  return {
    compute: ctx.number('compute_efficiency'),
    bandwidth: ctx.number('bandwidth_efficiency'),
    memoryUsable: ctx.number('memory_usable'),
  };
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

/** "does not fit": say by how much and what tp would. */
export function failNotFitting(
  ctx: CalculatorContext,
  spec: ReplicaSpec,
  contextTokens: number,
  unit: string,
): never {
  const { usable, needed } = memoryFit(spec, contextTokens);
  const tp = smallestTp(spec, contextTokens);
  const hint = Number.isFinite(tp) ? `; try ${ctx.label('tp')} ${tp}` : '';
  return ctx.fail(
    'tp',
    `${spec.tp}: the weights plus one ${formatQuantity(contextTokens, 'count')}-token request need ${formatQuantity(needed, 'bytes')}, but ${spec.tp} × ${unit} offer ${formatQuantity(usable, 'bytes')} usable, ${formatQuantity(needed - usable, 'bytes')} short${hint}`,
  );
}

/** The batch rule the flags ask for: --batch N, or the largest batch under --max-tpot. */
function batchRule(ctx: CalculatorContext): BatchRule {
  const given = ctx.given.batch;
  if (typeof given === 'number') return { batch: given };
  return { maxTimePerOutputToken: ctx.has('max_tpot') ? ctx.number('max_tpot') : undefined };
}

/** Turn a batch problem into the one sentence the user sees. */
function failBatch(
  ctx: CalculatorContext,
  spec: ReplicaSpec,
  shape: RequestShape,
  unit: string,
  problem: BatchProblem,
): never {
  const context = contextOf(shape);
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

function recordBatch(ctx: CalculatorContext, batch: number): void {
  if (typeof ctx.given.batch === 'number')
    ctx.provenance('batch', { value: batch, dimension: 'count', origin: 'given' });
  else {
    const via = ctx.has('max_tpot') ? `max under ${ctx.label('max_tpot')}` : 'max';
    ctx.provenance('batch', { value: batch, dimension: 'count', origin: 'solved', via });
  }
}

/**
 * A served replica of `model` on `hardware`: at --tp if given, else at the width with the
 * most output per accelerator (model/serving.ts), with the choices recorded.
 */
export function serveReplica(
  ctx: CalculatorContext,
  model: LanguageModel,
  hardware: ReplicaHardware,
  precision: Precision,
  shape: RequestShape,
): { spec: ReplicaSpec; served: Served } {
  const rule = batchRule(ctx);
  const given = ctx.has('tp');
  const spec = replicaSpec(
    servingShape(ctx, model),
    hardware,
    precision,
    given ? ctx.number('tp') : 1,
    servingEfficiency(ctx),
  );
  const replica = given ? serveAtWidth(spec, shape, rule) : serveAtBestWidth(spec, shape, rule);
  if ('problem' in replica) return failBatch(ctx, replica.spec, shape, hardware.id, replica.problem);
  if (!given)
    ctx.provenance('tp', {
      value: replica.spec.tp,
      dimension: 'count',
      origin: 'solved',
      via: 'highest output per accelerator',
    });
  recordBatch(ctx, replica.served.batch);
  return replica;
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
