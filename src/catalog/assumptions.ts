import { z } from 'zod';
import type { Dimension } from '../units/dimensions.js';
import { quantitySchema } from '../units/schema.js';
import { sourceSchema } from './figures.js';
import type { Assumption } from './types.js';

/** Every default the calculators rely on, and the kind of quantity it is. */
export const ASSUMPTION_DIMENSIONS = {
  pue: 'ratio',
  electricity_price: 'energy_price',
  facility_capex_per_it_power: 'capex_per_power',
  hardware_lifetime: 'time',
  facility_lifetime: 'time',
  cost_of_capital: 'fraction',
  upkeep_rate: 'fraction',
  load_factor: 'fraction',
  mfu_bf16: 'fraction',
  mfu_fp8: 'fraction',
  mfu_fp4: 'fraction',
  chinchilla_tokens_per_param: 'ratio',
  goodput: 'fraction',
  inference_compute_efficiency: 'fraction',
  inference_bandwidth_efficiency: 'fraction',
  hbm_usable_fraction: 'fraction',
  request_input_tokens: 'tokens',
  request_output_tokens: 'tokens',
  serving_utilization: 'fraction',
  world_population: 'count',
  residential_electricity_price: 'energy_price',
  edge_device_lifetime: 'time',
  edge_utilization: 'fraction',
  power_build_share: 'fraction',
  frontier_run_duration: 'time',
  largest_developer_share: 'fraction',
  frontier_run_share: 'fraction',
  mfu_scale_exponent: 'ratio',
  multi_site_efficiency: 'fraction',
  accelerator_mtbf: 'time',
  failure_recovery_time: 'time',
  failure_domain: 'count',
  text_tokens: 'tokens',
  text_growth: 'fraction',
  data_quality: 'fraction',
  data_epochs: 'ratio',
  multimodal_tokens: 'tokens',
  synthetic_tokens: 'tokens',
  layer_latency: 'time',
  critical_batch: 'tokens',
} as const satisfies Record<string, Dimension>;

export type AssumptionKey = keyof typeof ASSUMPTION_DIMENSIONS;
export type Assumptions = Record<AssumptionKey, Assumption>;

function entrySchema(dimension: Dimension) {
  return z
    .strictObject({
      value: z.union([z.string(), z.number()]),
      description: z.string().min(1),
      source: z.union([sourceSchema, z.array(sourceSchema).min(1)]),
      estimate: z.boolean().default(false),
      range: z.string().optional(),
      note: z.string().optional(),
    })
    .transform((raw, ctx) => {
      const parsed = quantitySchema(dimension).safeParse(raw.value);
      if (!parsed.success) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: parsed.error.issues[0]?.message ?? 'invalid',
        });
        return z.NEVER;
      }
      return { ...raw, written: String(raw.value), value: parsed.data };
    });
}

const shape = Object.fromEntries(
  Object.entries(ASSUMPTION_DIMENSIONS).map(([key, dimension]) => [key, entrySchema(dimension)]),
) as { [K in AssumptionKey]: ReturnType<typeof entrySchema> };

export const assumptionsFileSchema = z
  .strictObject({ assumptions: z.strictObject(shape) })
  .transform((file): Assumptions => {
    const out = {} as Assumptions;
    for (const key of Object.keys(ASSUMPTION_DIMENSIONS) as AssumptionKey[]) {
      const raw = file.assumptions[key];
      const sources = Array.isArray(raw.source) ? raw.source : [raw.source];
      out[key] = {
        key,
        value: raw.value,
        written: raw.written,
        description: raw.description,
        sources: sources.map((s, i) => ({ key: `${key}-${i + 1}`, title: s.title, url: s.url })),
        estimate: raw.estimate,
        range: raw.range,
        note: raw.note,
      };
    }
    return out;
  });
