import { clusterEconomics } from '../model/cluster.js';
import { MAX_TP, replicaFootprint } from '../model/serving.js';
import { perToken, tokensPerYear } from '../model/tokens.js';
import { COSTING_INPUTS, clusterSpecOf } from './fleet.js';
import { SERVING_INPUTS, servingSetup } from './serving.js';
import type { Calculator, InputSpec } from './types.js';

export const TP_INPUT: InputSpec = {
  name: 'tp',
  type: 'quantity',
  dimension: 'count',
  example: '8',
  bounds: { min: 1, max: MAX_TP, integer: true },
  defaultText: 'the smallest power of two whose memory holds the model and one request',
  description: 'tensor-parallel width: accelerators per model replica',
};

export const UTILIZATION_INPUT: InputSpec = {
  name: 'utilization',
  type: 'quantity',
  dimension: 'fraction',
  example: '60%',
  bounds: { min: 0, exclusiveMin: true, max: 1 },
  assumption: 'serving_utilization',
  description: 'share of hours the fleet serves at the computed throughput',
};

export const inference: Calculator = {
  name: 'inference',
  example: { model: 'llama-3.3-70b', accelerator: 'h100', precision: 'fp8', batch: 'max', max_tpot: '50ms' },
  title: 'Inference: throughput, latency, energy and cost per token',
  description:
    'Serve a model on one accelerator type as a roofline (each step bound by memory traffic or compute): prefill and output throughput, time to first token, time per output token, the largest batch that fits, energy per token and cost per million output tokens.',
  inputs: [...SERVING_INPUTS, TP_INPUT, ...COSTING_INPUTS, UTILIZATION_INPUT],
  outputs: [
    {
      name: 'prefill_throughput',
      dimension: 'token_rate',
      label: 'Prefill throughput',
      description: 'input tokens/s per replica while prefilling',
    },
    {
      name: 'output_throughput',
      dimension: 'token_rate',
      label: 'Output throughput',
      description: 'output tokens/s per replica, prefill included',
    },
    {
      name: 'output_throughput_per_accelerator',
      dimension: 'token_rate',
      label: 'Output per accelerator',
      description: 'output tokens/s per accelerator',
    },
    {
      name: 'time_to_first_token',
      dimension: 'time',
      label: 'Time to first token',
      description: 'own prefill plus one decode step (no queueing)',
    },
    {
      name: 'time_per_output_token',
      dimension: 'time',
      label: 'Time per output token',
      description: 'mean decode step',
    },
    { name: 'batch', dimension: 'count', label: 'Batch', description: 'concurrent requests per replica' },
    {
      name: 'max_batch',
      dimension: 'count',
      label: 'Largest batch that fits',
      description: 'weights plus KV cache in memory',
    },
    {
      name: 'memory_bound_share',
      dimension: 'fraction',
      label: 'Memory-bound steps',
      description: 'share of decode steps bound by memory traffic',
    },
    {
      name: 'weights_per_accelerator',
      dimension: 'bytes',
      label: 'Weights per accelerator',
      description: 'at the precision',
    },
    {
      name: 'kv_cache_per_request',
      dimension: 'bytes',
      label: 'KV cache per request',
      description: 'at full context',
    },
    {
      name: 'energy_per_token',
      dimension: 'energy',
      label: 'Energy per output token',
      description: 'a year of facility energy ÷ the tokens served in it',
    },
    {
      name: 'cost_per_million_tokens',
      dimension: 'money',
      label: 'Cost per million output tokens',
      description: 'ownership cost per accelerator-hour ÷ tokens',
    },
  ],
  compute(ctx) {
    const { accelerator, peak, shape, spec, served } = servingSetup(ctx);
    // One replica's year: its accelerators' energy and ownership cost, charged to the tokens it
    // serves, idle hours included.
    const economics = clusterEconomics(clusterSpecOf(ctx, accelerator, spec.tp, peak));
    const perOutputToken = perToken(
      economics,
      tokensPerYear(served.outputThroughput, ctx.number('utilization')),
    );
    const footprint = replicaFootprint(spec, served, shape);
    return {
      prefill_throughput: served.prefillThroughput,
      output_throughput: served.outputThroughput,
      output_throughput_per_accelerator: footprint.outputPerAccelerator,
      time_to_first_token: served.timeToFirstToken,
      time_per_output_token: served.timePerOutputToken,
      batch: served.batch,
      max_batch: served.maxBatch,
      memory_bound_share: served.memoryBoundShare,
      weights_per_accelerator: footprint.weightsPerAccelerator,
      kv_cache_per_request: footprint.kvCachePerRequest,
      energy_per_token: perOutputToken.energy,
      cost_per_million_tokens: perOutputToken.cost * 1e6,
    };
  },
};
