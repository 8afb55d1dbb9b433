import type { Catalog } from '../catalog/catalog.js';
import { campusInYear } from '../catalog/frontier.js';
import type { Precision } from '../catalog/types.js';
import type { WorldYear } from '../catalog/world.js';
import type { Bounds } from '../units/bounds.js';
import { formatQuantity } from '../units/format.js';
import { TOKENS_PER_PARAM_INPUT } from './training.js';
import type { CatalogDefault, InputSpec, ParsedInputs } from './types.js';
import { utilizationInputs } from './utilization.js';

/**
 * The frontier run's inputs (calculators/frontier-run.ts): the year, the run, the world's
 * shares, utilization at scale, the data and the latency wall; each with a sourced range.
 */

/** The year the public text stock (assumption text_tokens) was measured. */
export const TEXT_STOCK_YEAR = 2024;

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

export const DEFAULT_YEAR = 2030;

/**
 * Frontier runs train in FP8 from 2025: DeepSeek-V3 (Dec 2024) was the first published
 * frontier-scale FP8 run, and the chips of earlier years (A100, TPU v4) have no FP8.
 */
export const FP8_FROM = 2025;

/** The run's number format: as given, else by the year. */
export function precisionOf(given: ParsedInputs): Precision {
  if (given.precision !== undefined) return given.precision as Precision;
  return ((given.year as number | undefined) ?? DEFAULT_YEAR) >= FP8_FROM ? 'fp8' : 'bf16';
}

/** An input of one kind whose default is a sourced assumption with its range. */
const sourced =
  (dimension: 'tokens' | 'fraction', bounds: Bounds) =>
  (name: string, example: string, assumption: InputSpec['assumption'], description: string): InputSpec => ({
    name,
    type: 'quantity',
    dimension,
    example,
    bounds,
    assumption,
    description,
  });
const tokens = sourced('tokens', { min: 0 });
const share = sourced('fraction', { min: 0, exclusiveMin: true, max: 1 });

/** A figure of the world scenario's year, as an input a user may override. */
const worldInput = (
  name: string,
  dimension: 'count' | 'power' | 'ratio',
  example: string,
  defaultFor: (catalog: Catalog, given: ParsedInputs) => CatalogDefault,
  description: string,
): InputSpec => ({
  name,
  type: 'quantity',
  dimension,
  example,
  bounds: { min: 0, exclusiveMin: true },
  defaultText: 'the world scenario that year, at its medians',
  defaultFor,
  description,
});

export const FRONTIER_INPUTS: readonly InputSpec[] = [
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
  share('run_share', '50%', 'frontier_run_share', "share of that developer's compute and power one run gets"),
  worldInput(
    'world_h100e',
    'count',
    '500M',
    fromWorld((y) => y.h100e, 'installed H100e'),
    "H100-equivalents installed in the world's AI datacenters",
  ),
  worldInput(
    'world_power',
    'power',
    '150 GW',
    fromWorld((y) => y.facility_power, 'AI facility power'),
    "facility power of the world's AI datacenters",
  ),
  worldInput(
    'h100e_per_power',
    'ratio',
    '7.5e-6',
    fromWorld((y) => y.h100e_added / y.power_installed, "H100e per W of the year's installs"),
    "H100e per watt of facility power of the year's new hardware",
  ),
  ...utilizationInputs(precisionOf),
  tokens('text_tokens', '510T tokens', 'text_tokens', `public web text in ${TEXT_STOCK_YEAR}, deduplicated`),
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
  TOKENS_PER_PARAM_INPUT,
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
];
