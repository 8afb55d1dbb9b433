import { largestRunBefore } from '../catalog/frontier.js';
import type { WorldYear } from '../catalog/world.js';
import {
  bindingConstraint,
  dataBoundRun,
  effectiveTokens,
  FRONTIER_CONSTRAINTS,
  type FrontierConstraint,
  latencyBoundRun,
  runOnPool,
} from '../model/frontier.js';
import { H100E_REFERENCE } from '../model/h100e.js';
import { DEFAULT_YEAR, FP8_FROM, FRONTIER_INPUTS, precisionOf, TEXT_STOCK_YEAR } from './frontier-inputs.js';
import type { Calculator, CalculatorContext, OutputSpec } from './types.js';
import { utilizationOf } from './utilization.js';

/**
 * The largest training run a year allows (model/frontier.ts), each bound with its inputs'
 * sourced ranges: the world's chips and power from the world scenario at its medians
 * (the catalog's world baseline), the largest campus from data/frontier.yaml, data and
 * latency from data/assumptions.yaml.
 */

/** How each constraint is named in tables, sentences and JSON. */
export const CONSTRAINT_LABELS: Record<FrontierConstraint, string> = {
  power_campus: 'power, one campus',
  power_distributed: 'power, distributed',
  chips: 'chips',
  data: 'data',
  latency: 'latency wall',
};
function worldYear(ctx: CalculatorContext, year: number): WorldYear {
  const world = ctx.catalog.world;
  if (!world)
    return ctx.fail('year', `: cannot be bounded: ${ctx.catalog.worldProblem ?? 'no world baseline'}`);
  const found = world.years.find((y) => y.year === year);
  if (!found) {
    const first = world.years[0]?.year;
    const last = world.years[world.years.length - 1]?.year;
    return ctx.fail(
      'year',
      `: ${year} is outside the world scenario (${world.file} runs ${first} to ${last})`,
    );
  }
  return found;
}
const flopOutput = (name: string, label: string, description: string): OutputSpec => ({
  name,
  dimension: 'flop',
  label,
  description,
});
export const frontierRun: Calculator = {
  name: 'frontier-run',
  example: { year: '2030' },
  title: 'The frontier run: the largest training run a year allows, and what binds',
  description:
    'The largest training run (FLOP) a year allows, bounded separately by power on one campus, power across sites, the world\'s chips, the training data and the latency wall (after Epoch AI, "Can AI Scaling Continue Through 2030?", 2024), each input a sourced range; the least bound binds.',
  uncertainByDefault: { quantiles: [0.1, 0.5, 0.9] },
  binding: FRONTIER_CONSTRAINTS.map((c) => ({ output: `binds_${c}`, name: CONSTRAINT_LABELS[c] })),
  inputs: FRONTIER_INPUTS,
  outputs: [
    flopOutput('largest_run', 'Largest run', 'the least of the bounds below'),
    flopOutput('by_power_campus', 'Power, one campus', "the largest campus filled with the year's hardware"),
    flopOutput(
      'by_power_distributed',
      'Power, distributed',
      "the developer's share of the world's AI power, over its campuses",
    ),
    flopOutput('by_chips', 'Chips', "the developer's share of the world's installed H100e"),
    flopOutput('by_data', 'Data', 'the compute-optimal run the effective tokens support'),
    flopOutput('by_latency', 'Latency wall', 'the most a run of this length can use, step by step'),
    ...FRONTIER_CONSTRAINTS.map(
      (c): OutputSpec => ({
        name: `binds_${c}`,
        dimension: 'fraction',
        label: `Binds: ${CONSTRAINT_LABELS[c]}`,
        description: 'share of samples in which this bound is the least',
      }),
    ),
    {
      name: 'campus_accelerators',
      dimension: 'count',
      label: 'Accelerators on the campus',
      description: "of the year's new hardware",
    },
    {
      name: 'campus_utilization',
      dimension: 'fraction',
      label: 'Campus MFU × goodput',
      description: 'what the campus run achieves at its size',
    },
    {
      name: 'effective_tokens',
      dimension: 'tokens',
      label: 'Effective tokens',
      description: 'natural data grown to the year, filtered, repeated, plus synthetic',
    },
    {
      name: 'text_stock',
      dimension: 'tokens',
      label: 'Public text',
      description: 'the public text stock grown to the year (before filtering and repetition)',
    },
    {
      name: 'text_data_headroom',
      dimension: 'ratio',
      label: 'Text-only data headroom',
      description: 'the run text alone supports over the least other bound (below 1: text runs out first)',
    },
    {
      name: 'over_largest_done',
      dimension: 'ratio',
      label: 'Over the largest run done',
      description: 'the largest run over the largest run done by the reference year',
    },
    {
      name: 'latency_params',
      dimension: 'count',
      label: 'Largest model (latency)',
      description: 'parameters of the largest compute-optimal model the latency wall allows',
    },
  ],
  compute(ctx) {
    const year = ctx.number('year', () => ({ value: DEFAULT_YEAR, origin: 'default' }));
    const world = worldYear(ctx, year);
    const duration = ctx.number('duration');
    const precision = precisionOf(ctx.given);
    if (ctx.has('precision')) ctx.text('precision');
    else
      ctx.provenance('precision', {
        value: precision,
        origin: 'default',
        via: `the year (fp8 from ${FP8_FROM})`,
      });
    const h100 = ctx.catalog.accelerator(H100E_REFERENCE);
    // Dense peak of one H100e in the run's format, so H100e counts carry the FP8 gain.
    const perH100e = h100.dense[precision]?.value as number;
    const utilization = utilizationOf(ctx).at;
    const runShare = ctx.number('developer_share') * ctx.number('run_share');

    const campus = ctx.number('campus_power');
    if (campus <= 0) return ctx.fail('year', `: ${year} has no campus figure in data/frontier.yaml`);
    const h100ePerWatt = ctx.number('h100e_per_power');
    const newPerAccelerator = (world.h100e_added / world.accelerators_added) * perH100e;
    const campusRun = runOnPool(
      { peakFlops: campus * h100ePerWatt * perH100e, flopsPerAccelerator: newPerAccelerator, sites: 1 },
      utilization,
      duration,
    );

    const developerPower = ctx.number('world_power') * runShare;
    const distributed = runOnPool(
      {
        peakFlops: developerPower * h100ePerWatt * perH100e,
        flopsPerAccelerator: newPerAccelerator,
        sites: Math.max(1, developerPower / campus),
      },
      utilization,
      duration,
    );

    const fleetH100e = ctx.number('world_h100e') * runShare;
    const chips = runOnPool(
      {
        peakFlops: fleetH100e * perH100e,
        flopsPerAccelerator: (world.h100e / world.accelerators) * perH100e,
        sites: Math.max(1, fleetH100e / h100ePerWatt / campus),
      },
      utilization,
      duration,
    );

    const tokensPerParam = ctx.number('tokens_per_param');
    const stock = {
      text: ctx.number('text_tokens'),
      textGrowth: ctx.number('text_growth'),
      years: year - TEXT_STOCK_YEAR,
      multimodal: ctx.number('multimodal_tokens'),
      quality: ctx.number('data_quality'),
      epochs: ctx.number('data_epochs'),
      synthetic: ctx.number('synthetic_tokens'),
    };
    const effective = effectiveTokens(stock);
    const textOnly = effectiveTokens({ ...stock, multimodal: 0, synthetic: 0 });
    const latency = latencyBoundRun({
      duration,
      layerLatency: ctx.number('layer_latency'),
      criticalBatch: ctx.number('critical_batch'),
      tokensPerParam,
    });

    const bounds: Record<FrontierConstraint, number> = {
      power_campus: campusRun.flop,
      power_distributed: distributed.flop,
      chips: chips.flop,
      data: dataBoundRun(effective, tokensPerParam),
      latency: latency.flop,
    };
    const binding = bindingConstraint(bounds);
    const otherThanData = Math.min(
      bounds.power_campus,
      bounds.power_distributed,
      bounds.chips,
      bounds.latency,
    );
    const reference = ctx.has('reference_year') ? ctx.number('reference_year') : year - 1;
    const before = largestRunBefore(ctx.catalog.frontier, reference + 1);
    const outputs: Record<string, number> = {
      largest_run: bounds[binding],
      by_power_campus: bounds.power_campus,
      by_power_distributed: bounds.power_distributed,
      by_chips: bounds.chips,
      by_data: bounds.data,
      by_latency: bounds.latency,
      campus_accelerators: campusRun.count,
      campus_utilization: campusRun.mfu * campusRun.goodput,
      effective_tokens: effective,
      text_stock: stock.text * (1 + stock.textGrowth) ** stock.years,
      text_data_headroom: dataBoundRun(textOnly, tokensPerParam) / otherThanData,
      latency_params: latency.params,
    };
    if (before) outputs.over_largest_done = bounds[binding] / before.compute.value;
    for (const c of FRONTIER_CONSTRAINTS) outputs[`binds_${c}`] = c === binding ? 1 : 0;
    return outputs;
  },
};
