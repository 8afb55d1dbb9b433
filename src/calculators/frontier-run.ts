import type { Catalog } from '../catalog/catalog.js';
import { campusInYear, largestRunBefore } from '../catalog/frontier.js';
import type { Precision } from '../catalog/types.js';
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
import { formatQuantity } from '../units/format.js';
import type {
  Calculator,
  CalculatorContext,
  CatalogDefault,
  InputSpec,
  OutputSpec,
  ParsedInputs,
} from './types.js';
import { utilizationInputs, utilizationOf } from './utilization.js';

/**
 * The largest training run a year allows (model/frontier.ts), each bound with its inputs'
 * sourced ranges: the world's chips and power from the world scenario at its medians
 * (the catalog's world baseline), the largest campus from data/frontier.yaml, data and
 * latency from data/assumptions.yaml.
 */

/** The year the public text stock (assumption text_tokens) was measured. */
const TEXT_STOCK_YEAR = 2024;

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

/** A world figure of the input's year, as a catalog default. */
function fromWorld(field: (y: WorldYear) => number, what: string) {
  return (catalog: Catalog, given: ParsedInputs): CatalogDefault => {
    const year = (given.year as number | undefined) ?? DEFAULT_YEAR;
    const y = catalog.world?.years.find((w) => w.year === year);
    return {
      value: y ? field(y) : 0,
      via: `world ${year}: ${what}`,
      source: `${catalog.world?.file ?? 'scenarios/world.yaml'} at its medians`,
      estimate: true,
    };
  };
}

const DEFAULT_YEAR = 2030;

/**
 * Frontier runs train in FP8 from 2025: DeepSeek-V3 (Dec 2024) was the first published
 * frontier-scale FP8 run, and the chips of earlier years (A100, TPU v4) have no FP8.
 */
const FP8_FROM = 2025;

/** The run's number format: as given, else by the year. */
function precisionOf(given: ParsedInputs): Precision {
  if (given.precision !== undefined) return given.precision as Precision;
  return ((given.year as number | undefined) ?? DEFAULT_YEAR) >= FP8_FROM ? 'fp8' : 'bf16';
}

const tokens = (
  name: string,
  example: string,
  assumption: InputSpec['assumption'],
  description: string,
): InputSpec => ({
  name,
  type: 'quantity',
  dimension: 'tokens',
  example,
  bounds: { min: 0 },
  assumption,
  description,
});

const share = (
  name: string,
  example: string,
  assumption: InputSpec['assumption'],
  description: string,
): InputSpec => ({
  name,
  type: 'quantity',
  dimension: 'fraction',
  example,
  bounds: { min: 0, exclusiveMin: true, max: 1 },
  assumption,
  description,
});

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
  inputs: [
    {
      name: 'year',
      type: 'quantity',
      dimension: 'year',
      example: '2030',
      bounds: { min: 2000, max: 2100, integer: true },
      defaultText: String(DEFAULT_YEAR),
      description: 'the year whose largest run is bounded (within the world scenario)',
    },
    {
      name: 'reference_year',
      type: 'quantity',
      dimension: 'year',
      example: '2024',
      bounds: { min: 2000, max: 2100, integer: true },
      defaultText: 'the year before --year',
      description: 'the largest run done up to this year is what --over-largest-done compares with',
    },
    {
      name: 'duration',
      type: 'quantity',
      dimension: 'time',
      example: '180 days',
      bounds: { min: 0, exclusiveMin: true },
      assumption: 'frontier_run_duration',
      description: 'wall-clock length of the run',
    },
    {
      name: 'precision',
      type: 'choice',
      choices: ['bf16', 'fp8'],
      defaultText: `bf16 before ${FP8_FROM}, fp8 from then`,
      description: 'number format the run trains in (its dense peak counts; base MFU follows it)',
    },
    {
      name: 'campus_power',
      type: 'quantity',
      dimension: 'power',
      example: '5 GW',
      bounds: { min: 0, exclusiveMin: true },
      defaultText: 'the largest campus of the year (data/frontier.yaml)',
      defaultFor: (catalog, given) => {
        const year = (given.year as number | undefined) ?? DEFAULT_YEAR;
        const campus = campusInYear(catalog.frontier, year);
        if (!campus) return { value: 0, via: `no campus figure for ${year}`, source: 'data/frontier.yaml' };
        const show = (w: number) => formatQuantity(w, 'power');
        return {
          value: campus.median,
          range: `${show(campus.low)} to ${show(campus.high)}`,
          via: `largest campus ${year}`,
          source: [...new Set(campus.sources.map((s) => s.title))].join('; '),
          estimate: true,
        };
      },
      description: 'facility power of the largest single campus',
    },
    share(
      'developer_share',
      '33%',
      'largest_developer_share',
      "the largest developer's share of the world's AI compute and AI power",
    ),
    share(
      'run_share',
      '50%',
      'frontier_run_share',
      "share of that developer's compute and power one run gets",
    ),
    {
      name: 'world_h100e',
      type: 'quantity',
      dimension: 'count',
      example: '500M',
      bounds: { min: 0, exclusiveMin: true },
      defaultText: "the world's installed H100e that year (world scenario)",
      defaultFor: fromWorld((y) => y.h100e, 'installed H100e'),
      description: "H100-equivalents installed in the world's AI datacenters",
    },
    {
      name: 'world_power',
      type: 'quantity',
      dimension: 'power',
      example: '150 GW',
      bounds: { min: 0, exclusiveMin: true },
      defaultText: "the world's AI facility power that year (world scenario)",
      defaultFor: fromWorld((y) => y.facility_power, 'AI facility power'),
      description: "facility power of the world's AI datacenters",
    },
    {
      name: 'h100e_per_power',
      type: 'quantity',
      dimension: 'ratio',
      example: '7.5e-6',
      bounds: { min: 0, exclusiveMin: true },
      defaultText: "H100e per facility watt of the year's new hardware (world scenario)",
      defaultFor: fromWorld((y) => y.h100e_added / y.power_installed, "H100e per W of the year's installs"),
      description: "H100e per watt of facility power of the year's new hardware",
    },
    ...utilizationInputs(precisionOf),
    tokens(
      'text_tokens',
      '510T tokens',
      'text_tokens',
      `public web text in ${TEXT_STOCK_YEAR}, deduplicated`,
    ),
    {
      name: 'text_growth',
      type: 'quantity',
      dimension: 'fraction',
      example: '7%',
      bounds: { min: -0.5, max: 1 },
      assumption: 'text_growth',
      description: 'yearly growth of the public text stock',
    },
    tokens(
      'multimodal_tokens',
      '400T tokens',
      'multimodal_tokens',
      'images, video and audio as the text tokens they are worth',
    ),
    share('data_quality', '20%', 'data_quality', 'share of the natural data worth training on'),
    {
      name: 'data_epochs',
      type: 'quantity',
      dimension: 'ratio',
      example: '5',
      bounds: { min: 1, max: 100 },
      assumption: 'data_epochs',
      description: 'effective epochs: how often the data can be repeated and still pay',
    },
    tokens(
      'synthetic_tokens',
      '1e15 tokens',
      'synthetic_tokens',
      'synthetic tokens worth as much as natural ones',
    ),
    {
      name: 'tokens_per_param',
      type: 'quantity',
      dimension: 'ratio',
      example: '20',
      bounds: { min: 0, exclusiveMin: true },
      assumption: 'chinchilla_tokens_per_param',
      description: 'compute-optimal tokens per parameter',
    },
    {
      name: 'layer_latency',
      type: 'quantity',
      dimension: 'time',
      example: '200 µs',
      bounds: { min: 0, exclusiveMin: true },
      assumption: 'layer_latency',
      description: "least time a layer's forward and backward pass takes per optimizer step",
    },
    tokens(
      'critical_batch',
      '60M tokens',
      'critical_batch',
      'tokens per step past which larger batches stop saving steps',
    ),
  ],
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
