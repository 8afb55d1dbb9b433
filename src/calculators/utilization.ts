import type { AssumptionKey } from '../catalog/assumptions.js';
import type { Precision } from '../catalog/types.js';
import { goodputAtScale, mfuAtScale, REFERENCE_COUNT, type ScaleModel } from '../model/training-scale.js';
import { grouped } from '../text.js';
import { DEFAULT_PRECISION } from './fleet.js';
import type { CalculatorContext, InputSpec, ParsedInputs } from './types.js';

/**
 * The inputs of training utilization at scale (model/training-scale.ts), shared by the
 * training calculator and the frontier run: a fixed --mfu or --goodput overrides the model.
 */

const MFU_BY_PRECISION: Record<Precision, AssumptionKey> = {
  bf16: 'mfu_bf16',
  fp8: 'mfu_fp8',
  fp4: 'mfu_fp4',
};

const fraction = {
  type: 'quantity',
  dimension: 'fraction',
  bounds: { min: 0, exclusiveMin: true, max: 1 },
} as const;

/** The inputs, for a calculator whose run is in the precision `precisionOf` reads from its inputs. */
export function utilizationInputs(
  precisionOf: (given: ParsedInputs) => Precision = (given) =>
    (given.precision as Precision | undefined) ?? DEFAULT_PRECISION,
): readonly InputSpec[] {
  return [
    {
      name: 'mfu',
      ...fraction,
      example: '40%',
      defaultText: `--base-mfu up to ${grouped(REFERENCE_COUNT)} accelerators, falling past that and across sites`,
      description: 'model FLOP utilization while running, fixed (overrides the scale model)',
    },
    {
      name: 'base_mfu',
      ...fraction,
      example: '40%',
      assumptionFor: (given) => MFU_BY_PRECISION[precisionOf(given)],
      defaultText: 'assumption mfu_bf16, mfu_fp8 or mfu_fp4 by precision',
      description: `MFU of a run of up to ${grouped(REFERENCE_COUNT)} accelerators on one site (Llama 3's scale)`,
    },
    {
      name: 'mfu_scale_exponent',
      type: 'quantity',
      dimension: 'ratio',
      example: '0.05',
      bounds: { min: 0, max: 1 },
      assumption: 'mfu_scale_exponent',
      description: `MFU falls as (count / ${grouped(REFERENCE_COUNT)})^-exponent past ${grouped(REFERENCE_COUNT)} accelerators`,
    },
    {
      name: 'site_efficiency',
      ...fraction,
      example: '90%',
      assumption: 'multi_site_efficiency',
      description: 'MFU kept each time the number of sites a run spans doubles',
    },
    {
      name: 'goodput',
      ...fraction,
      example: '90%',
      defaultText: 'from --accelerator-mtbf and --failure-recovery-time at the run size',
      description: 'share of wall-clock time making progress, fixed (overrides the failure model)',
    },
    {
      name: 'accelerator_mtbf',
      type: 'quantity',
      dimension: 'time',
      example: '5 years',
      bounds: { min: 0, exclusiveMin: true },
      assumption: 'accelerator_mtbf',
      description: 'mean time between job interruptions caused by one accelerator',
    },
    {
      name: 'failure_recovery_time',
      type: 'quantity',
      dimension: 'time',
      example: '17 minutes',
      bounds: { min: 0 },
      assumption: 'failure_recovery_time',
      description: 'wall-clock time each interruption costs the whole run',
    },
    {
      name: 'failure_domain',
      type: 'quantity',
      dimension: 'count',
      example: '100k',
      bounds: { min: 1 },
      assumption: 'failure_domain',
      description: 'most accelerators one interruption stalls (a larger run contains failures to parts)',
    },
  ];
}

/** The scale model as the inputs set it. */
export function scaleModelOf(ctx: CalculatorContext): ScaleModel {
  return {
    baseMfu: ctx.number('base_mfu'),
    referenceCount: REFERENCE_COUNT,
    exponent: ctx.number('mfu_scale_exponent'),
    siteEfficiency: ctx.number('site_efficiency'),
    mtbf: ctx.number('accelerator_mtbf'),
    recoveryTime: ctx.number('failure_recovery_time'),
    failureDomain: ctx.number('failure_domain'),
  };
}

/** A run's utilization: a function of its size, unless --mfu and --goodput pin it. */
export function utilizationOf(ctx: CalculatorContext) {
  const mfu = ctx.has('mfu') ? ctx.number('mfu') : undefined;
  const goodput = ctx.has('goodput') ? ctx.number('goodput') : undefined;
  const scale = mfu !== undefined && goodput !== undefined ? undefined : scaleModelOf(ctx);
  return {
    at: (count: number, sites = 1): { mfu: number; goodput: number } => ({
      mfu: mfu ?? mfuAtScale(scale as ScaleModel, count, sites),
      goodput: goodput ?? goodputAtScale(scale as ScaleModel, count),
    }),
  };
}
