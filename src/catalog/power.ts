import { z } from 'zod';
import { figureSchema, type RawFigure, resolveFigure, sourceList, sourcesSchema } from './figures.js';
import type { Figure, Source } from './types.js';

/** One way to bring power online for a datacenter (data/power.yaml), in SI units. */
export interface PowerSource {
  id: string;
  name: string;
  /** Comes through the grid, so it waits for an interconnection. */
  grid: boolean;
  /** USD per watt of nameplate. */
  overnightCost: Figure;
  /** Seconds from decision to first power, today's equipment and queue waits included. */
  leadTime: Figure;
  /** Share of nameplate that serves a flat load on average: nameplate needed = load / this. */
  capacityFactor: Figure;
  /** Watts of nameplate the world builds a year, all customers (a rate). */
  worldBuildPerYear?: Figure | undefined;
  /** Watts of nameplate that exist once and are used up (reactors that can restart). */
  available?: Figure | undefined;
  /** Watts ordered and not yet delivered. */
  backlog?: Figure | undefined;
}

export interface PowerCatalog {
  world: {
    /** Joules a year. */
    electricityGeneration: Figure;
    electricityGrowth: Figure;
    /** All data centres' share of world electricity in 2030 in the IEA's base case. */
    datacenterShare2030: Figure;
    usElectricityGeneration: Figure;
    generatingCapacityAdded: Figure;
    usCapacityAdded: Figure;
  };
  interconnection: { usQueue: Figure; usMedianWait: Figure; largeLoadWait: Figure };
  powerSources: PowerSource[];
  sources: Source[];
}

const sourceSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and dashes'),
    name: z.string().min(1),
    grid: z.boolean(),
    overnight_cost: figureSchema('capex_per_power'),
    lead_time: figureSchema('time'),
    capacity_factor: figureSchema('fraction'),
    world_build_per_year: figureSchema('power').optional(),
    available: figureSchema('power').optional(),
    backlog: figureSchema('power').optional(),
  })
  .refine((s) => !(s.world_build_per_year && s.available), {
    message: 'give world_build_per_year (a yearly rate) or available (a one-off stock), not both',
  });

export const powerFileSchema = z
  .strictObject({
    sources: sourcesSchema,
    world: z.strictObject({
      electricity_generation: figureSchema('energy'),
      electricity_growth: figureSchema('fraction'),
      datacenter_share_2030: figureSchema('fraction'),
      us_electricity_generation: figureSchema('energy'),
      generating_capacity_added: figureSchema('power'),
      us_capacity_added: figureSchema('power'),
    }),
    interconnection: z.strictObject({
      us_queue: figureSchema('power'),
      us_median_wait: figureSchema('time'),
      large_load_wait: figureSchema('time'),
    }),
    power_sources: z.array(sourceSchema).min(1),
  })
  .transform((raw, ctx): PowerCatalog => {
    const fig = <T>(f: RawFigure<T>, ...path: PropertyKey[]) => resolveFigure(f, raw.sources, path, ctx);
    const optional = <T>(f: RawFigure<T> | undefined, ...path: PropertyKey[]) =>
      f ? fig(f, ...path) : undefined;
    const seen = new Set<string>();
    const powerSources = raw.power_sources.map((s, i): PowerSource => {
      const at = (key: string) => ['power_sources', i, key];
      if (seen.has(s.id))
        ctx.addIssue({ code: 'custom', path: at('id'), message: `'${s.id}' is listed twice` });
      seen.add(s.id);
      if (s.capacity_factor.value <= 0)
        ctx.addIssue({ code: 'custom', path: at('capacity_factor'), message: 'must be above 0%' });
      return {
        id: s.id,
        name: s.name,
        grid: s.grid,
        overnightCost: fig(s.overnight_cost, ...at('overnight_cost')),
        leadTime: fig(s.lead_time, ...at('lead_time')),
        capacityFactor: fig(s.capacity_factor, ...at('capacity_factor')),
        worldBuildPerYear: optional(s.world_build_per_year, ...at('world_build_per_year')),
        available: optional(s.available, ...at('available')),
        backlog: optional(s.backlog, ...at('backlog')),
      };
    });
    const w = raw.world;
    const ic = raw.interconnection;
    return {
      world: {
        electricityGeneration: fig(w.electricity_generation, 'world', 'electricity_generation'),
        electricityGrowth: fig(w.electricity_growth, 'world', 'electricity_growth'),
        datacenterShare2030: fig(w.datacenter_share_2030, 'world', 'datacenter_share_2030'),
        usElectricityGeneration: fig(w.us_electricity_generation, 'world', 'us_electricity_generation'),
        generatingCapacityAdded: fig(w.generating_capacity_added, 'world', 'generating_capacity_added'),
        usCapacityAdded: fig(w.us_capacity_added, 'world', 'us_capacity_added'),
      },
      interconnection: {
        usQueue: fig(ic.us_queue, 'interconnection', 'us_queue'),
        usMedianWait: fig(ic.us_median_wait, 'interconnection', 'us_median_wait'),
        largeLoadWait: fig(ic.large_load_wait, 'interconnection', 'large_load_wait'),
      },
      powerSources,
      sources: sourceList(raw.sources),
    };
  });
