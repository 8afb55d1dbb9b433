import type { Accelerator, Figure, LanguageModel, Precision } from '../catalog/types.js';
import { withContext } from '../errors.js';
import { clusterEconomics } from '../model/cluster.js';
import { acceleratorsForPower, energyOver } from '../model/power.js';
import {
  chinchillaOptimal,
  effectiveThroughput,
  type PerAcceleratorThroughput,
  runCost,
  solveTrainingRun,
  type TrainingRun,
  trainingFlop,
} from '../model/training.js';
import { COSTING_INPUTS, catalogNumber, clusterSpecOf, peakPerAccelerator } from './fleet.js';
import type { Calculator, CalculatorContext, InputSpec } from './types.js';
import { utilizationInputs, utilizationOf } from './utilization.js';

interface Workload {
  flop: number;
  params?: number;
  activeParams?: number;
  tokens?: number;
}

function catalogFigure(ctx: CalculatorContext, name: string, model: LanguageModel, key: keyof LanguageModel) {
  if (ctx.has(name)) return ctx.number(name);
  const figure = model[key] as Figure | undefined;
  if (!figure) return ctx.fail(name, `is needed: ${model.id} has no published ${name.replace('_', ' ')}`);
  return catalogNumber(ctx, name, model.id, figure);
}

/** The training workload from a model, parameters and tokens, or a compute budget; undefined if none given. */
function resolveWorkload(ctx: CalculatorContext, model: LanguageModel | undefined): Workload | undefined {
  if (ctx.has('compute')) return { flop: ctx.number('compute') };
  if (!model && !ctx.has('params') && !ctx.has('tokens') && !ctx.has('active_params')) return undefined;
  const params = model ? catalogFigure(ctx, 'params', model, 'params') : ctx.number('params');
  const activeParams =
    model && !ctx.has('active_params')
      ? catalogFigure(ctx, 'active_params', model, 'activeParams')
      : ctx.number('active_params', () => ({
          value: params,
          origin: 'default',
          via: 'equal to params (dense)',
        }));
  if (activeParams > params) ctx.fail('active_params', 'cannot exceed --params');
  const tokens = model ? catalogFigure(ctx, 'tokens', model, 'trainingTokens') : ctx.number('tokens');
  return { flop: trainingFlop(activeParams, tokens), params, activeParams, tokens };
}

/** Accelerators a site's facility power feeds, recorded as solved. */
function countForPower(ctx: CalculatorContext, accelerator: Accelerator, peak: number): number {
  const power = ctx.number('facility_power');
  const spec = clusterSpecOf(ctx, accelerator, 1, peak);
  const count = acceleratorsForPower(power, spec.itPowerPerAccelerator, spec.pue);
  if (count < 1) return ctx.fail('facility_power', `is too small for one ${accelerator.id}`);
  ctx.provenance('count', { value: count, dimension: 'count', origin: 'solved' });
  return count;
}

/**
 * Two of workload, accelerator count (or site power) and duration give the third
 * (model/training.ts solves it); here: which two were given, and the sentences when not.
 */
function sizeRun(
  ctx: CalculatorContext,
  workload: Workload | undefined,
  perAccelerator: PerAcceleratorThroughput,
  counts: { fromPower: () => number; published: (() => number) | undefined },
): TrainingRun {
  const sized = ctx.has('count') || ctx.has('facility_power');
  const givenCount = () => (ctx.has('count') ? ctx.number('count') : counts.fromPower());
  if (workload && sized && ctx.has('duration')) {
    const sizeFlag = ctx.label(ctx.has('count') ? 'count' : 'facility_power');
    return ctx.fail('duration', `conflicts with ${sizeFlag} and a given workload: give two of the three`);
  }
  if (workload && ctx.has('duration')) {
    const duration = ctx.number('duration');
    const run = solveTrainingRun({ flop: workload.flop, duration }, perAccelerator);
    if (!run)
      return ctx.fail(
        'duration',
        'is too short for this workload: past some size a run loses more to interruptions than added accelerators give (see --accelerator-mtbf)',
      );
    ctx.provenance('count', { value: run.count, dimension: 'count', origin: 'solved' });
    return run;
  }
  if (workload) {
    const count = sized
      ? givenCount()
      : counts.published
        ? counts.published()
        : ctx.fail('count', `or ${ctx.label('duration')} is needed to size the run`);
    return solveTrainingRun({ flop: workload.flop, count }, perAccelerator) as TrainingRun;
  }
  if (ctx.has('duration') && sized) {
    const count = givenCount();
    return solveTrainingRun({ count, duration: ctx.number('duration') }, perAccelerator) as TrainingRun;
  }
  const workloadFlags = ['model', 'params', 'compute'].map(ctx.label).join(', ');
  return ctx.fail(
    'model',
    `or another workload is missing: give ${workloadFlags}, or --count with --duration`,
  );
}

/** The compute-optimal ratio, as the training and frontier-run calculators take it. */
export const TOKENS_PER_PARAM_INPUT: InputSpec = {
  name: 'tokens_per_param',
  type: 'quantity',
  dimension: 'ratio',
  example: '20',
  bounds: { min: 0, exclusiveMin: true },
  assumption: 'chinchilla_tokens_per_param',
  description: 'compute-optimal tokens per parameter',
};

export const training: Calculator = {
  name: 'training',
  example: { model: 'llama-3.1-405b' },
  title: 'Training run: compute, duration, energy and cost',
  description:
    'A training run from a model, parameters and tokens, a compute budget or a duration: training FLOP (6·N·D with active parameters), duration, accelerator-hours, energy, cost, and the Chinchilla-optimal model for that compute.',
  inputs: [
    {
      name: 'model',
      type: 'model',
      description: 'model id from the catalog (sets params, active params, tokens)',
    },
    {
      name: 'params',
      type: 'quantity',
      dimension: 'count',
      example: '70B',
      bounds: { min: 0, exclusiveMin: true },
      description: 'total parameters',
    },
    {
      name: 'active_params',
      type: 'quantity',
      dimension: 'count',
      example: '37B',
      bounds: { min: 0, exclusiveMin: true },
      defaultText: '--params (dense model)',
      description: 'parameters used per token (mixture-of-experts)',
    },
    {
      name: 'tokens',
      type: 'quantity',
      dimension: 'tokens',
      example: '15T',
      bounds: { min: 0, exclusiveMin: true },
      description: 'training tokens',
    },
    {
      name: 'compute',
      type: 'quantity',
      dimension: 'flop',
      example: '2e25 FLOP',
      bounds: { min: 0, exclusiveMin: true },
      description: 'training compute budget in FLOP',
    },
    {
      name: 'duration',
      type: 'quantity',
      dimension: 'time',
      example: '95 days',
      bounds: { min: 0, exclusiveMin: true },
      description:
        'wall-clock length of the run; with --count solves for compute, with a workload for the count',
    },
    {
      name: 'count',
      type: 'quantity',
      dimension: 'count',
      example: '100k',
      bounds: { min: 1, integer: true },
      defaultText: "the model's published training hardware, if any",
      description: 'accelerators in the run',
    },
    {
      name: 'facility_power',
      type: 'quantity',
      dimension: 'power',
      example: '1 GW',
      bounds: { min: 0, exclusiveMin: true },
      description: 'facility power of the site; sets the count to what it feeds',
    },
    ...COSTING_INPUTS,
    {
      name: 'sites',
      type: 'quantity',
      dimension: 'count',
      example: '2',
      bounds: { min: 1, integer: true },
      defaultText: '1',
      description: 'campuses the run spans (each doubling costs --site-efficiency of MFU)',
    },
    ...utilizationInputs(),
    TOKENS_PER_PARAM_INPUT,
  ],
  outputs: [
    { name: 'training_flop', dimension: 'flop', label: 'Training compute', description: '6 · N_active · D' },
    { name: 'duration', dimension: 'time', label: 'Duration', description: 'wall-clock time' },
    { name: 'count', dimension: 'count', label: 'Accelerators', description: 'accelerators in the run' },
    {
      name: 'accelerator_hours',
      dimension: 'hours',
      label: 'Accelerator-hours',
      description: 'count × duration',
    },
    { name: 'facility_power', dimension: 'power', label: 'Facility power', description: 'of the run' },
    { name: 'energy', dimension: 'energy', label: 'Energy', description: 'facility energy of the run' },
    {
      name: 'cost',
      dimension: 'money',
      label: 'Cost',
      description: 'accelerator-hours × ownership cost per hour',
    },
    {
      name: 'chinchilla_params',
      dimension: 'count',
      label: 'Chinchilla-optimal params',
      description: 'compute-optimal parameters for this compute',
    },
    {
      name: 'chinchilla_tokens',
      dimension: 'tokens',
      label: 'Chinchilla-optimal tokens',
      description: 'compute-optimal tokens for this compute',
    },
    {
      name: 'tokens_per_param',
      dimension: 'ratio',
      label: 'Tokens per parameter',
      description: 'of this run (Chinchilla-optimal is about 20)',
    },
  ],
  exclusive: [
    ['count', 'facility_power'],
    ['compute', 'model'],
    ['compute', 'params'],
    ['compute', 'tokens'],
    ['compute', 'active_params'],
  ],
  compute(ctx) {
    const model = ctx.has('model')
      ? withContext(ctx.label('model'), () => ctx.catalog.model(ctx.text('model')))
      : undefined;
    if (model) ctx.provenance('model', { value: model.id, origin: 'given' });
    const workload = resolveWorkload(ctx, model);
    const published = model?.trainingHardware;
    const usePublished =
      published !== undefined &&
      !ctx.has('count') &&
      !ctx.has('facility_power') &&
      !ctx.has('duration') &&
      (!ctx.has('accelerator') ||
        withContext(ctx.label('accelerator'), () => ctx.catalog.accelerator(ctx.text('accelerator'))).id ===
          published.accelerator);
    const acceleratorName =
      usePublished && !ctx.has('accelerator') ? published.accelerator : ctx.text('accelerator');
    const accelerator = withContext(ctx.label('accelerator'), () => ctx.catalog.accelerator(acceleratorName));
    ctx.provenance('accelerator', {
      value: accelerator.id,
      origin: ctx.has('accelerator') ? 'given' : usePublished ? 'catalog' : 'default',
      ...(usePublished && !ctx.has('accelerator') ? { via: model?.id, source: published.source.title } : {}),
    });
    const precision = ctx.text('precision') as Precision;
    const peak = peakPerAccelerator(ctx, accelerator, precision);
    const utilization = utilizationOf(ctx);
    const sites = ctx.number('sites', () => ({ value: 1, origin: 'default' }));
    const perAccelerator = (n: number) => {
      const { mfu, goodput } = utilization.at(n, sites);
      return effectiveThroughput(1, peak, mfu, goodput);
    };

    const publishedCount = usePublished
      ? () =>
          ctx.number('count', () => ({
            value: published.count,
            origin: 'catalog',
            via: model?.id,
            source: published.source.title,
          }))
      : undefined;
    const { count, duration, flop } = sizeRun(ctx, workload, perAccelerator, {
      fromPower: () => countForPower(ctx, accelerator, peak),
      published: publishedCount,
    });

    const achieved = utilization.at(count, sites);
    if (!ctx.has('mfu'))
      ctx.provenance('mfu', { value: achieved.mfu, dimension: 'fraction', origin: 'solved' });
    if (!ctx.has('goodput'))
      ctx.provenance('goodput', { value: achieved.goodput, dimension: 'fraction', origin: 'solved' });
    const spec = clusterSpecOf(ctx, accelerator, count, peak);
    const economics = clusterEconomics(spec);
    const { acceleratorHours, cost } = runCost({ count, duration }, economics.costPerAcceleratorHour);
    const optimal = chinchillaOptimal(flop, ctx.number('tokens_per_param'));
    const outputs: Record<string, number> = {
      training_flop: flop,
      duration,
      count,
      accelerator_hours: acceleratorHours,
      facility_power: economics.facilityPower,
      energy: energyOver(economics.facilityPower, spec.loadFactor, duration),
      cost,
      chinchilla_params: optimal.params,
      chinchilla_tokens: optimal.tokens,
    };
    if (workload?.params !== undefined && workload.tokens !== undefined) {
      outputs.tokens_per_param = workload.tokens / workload.params;
    }
    return outputs;
  },
};
