import { z } from 'zod';
import { figureSchema, type RawFigure, resolveFigure, sourceList, sourcesSchema } from './figures.js';
import type { DatedSeries } from './series.js';
import type { Figure, Source } from './types.js';

export interface ProcessNode {
  id: string;
  name: string;
  waferPrice: Figure;
  /** Defects per m² (the file writes per cm²). */
  defectDensity: Figure;
  fabCost?: Figure | undefined;
  fabWaferStarts?: Figure | undefined;
  euvLayers: Figure;
}

export interface Packaging {
  computeDies: Figure;
  computeDieArea: Figure;
  interposerArea: Figure;
  hbmStacks: Figure;
  process: string;
}

export interface SupplyCatalog {
  processes: Record<string, ProcessNode>;
  euv: { toolPrice: Figure; highNaToolPrice: Figure; wafersPerHour: Figure; availability: Figure };
  packaging: Record<string, Packaging>;
  cowos: { packagingYield: Figure; capacity: DatedSeries; capexPerWaferMonth: Figure };
  hbm: { stackPrice: Figure; capacity: DatedSeries; capexPerStackYear: Figure };
  sources: Source[];
}

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month like "2026-01"');
const toMonth = (text: string) => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
const CM2_PER_M2 = 1e4;

const processSchema = z.strictObject({
  name: z.string().min(1),
  wafer_price: figureSchema('money'),
  defect_density: figureSchema('ratio'),
  fab_cost: figureSchema('money').optional(),
  fab_wafer_starts: figureSchema('count').optional(),
  euv_layers: figureSchema('count'),
});

const packagingSchema = z.strictObject({
  compute_dies: figureSchema('count'),
  compute_die_area: figureSchema('area'),
  interposer_area: figureSchema('area'),
  hbm_stacks: figureSchema('count'),
  process: z.string().min(1),
});

const seriesSchema = (dimension: 'count') => z.array(figureSchema(dimension).extend({ date: month })).min(1);

export const supplyFileSchema = z
  .strictObject({
    sources: sourcesSchema,
    processes: z.record(z.string(), processSchema),
    euv: z.strictObject({
      tool_price: figureSchema('money'),
      high_na_tool_price: figureSchema('money'),
      wafers_per_hour: figureSchema('count'),
      availability: figureSchema('fraction'),
    }),
    packaging: z.record(z.string(), packagingSchema),
    cowos: z.strictObject({
      packaging_yield: figureSchema('fraction'),
      capacity: seriesSchema('count'),
      capex_per_wafer_month: figureSchema('money'),
    }),
    hbm: z.strictObject({
      stack_price: figureSchema('money'),
      capacity: seriesSchema('count'),
      capex_per_stack_year: figureSchema('money'),
    }),
  })
  .transform((raw, ctx): SupplyCatalog => {
    const fig = <T>(f: RawFigure<T>, ...path: PropertyKey[]) => resolveFigure(f, raw.sources, path, ctx);
    const series = (
      points: Array<RawFigure<number> & { date: string }>,
      ...path: PropertyKey[]
    ): DatedSeries => {
      const resolved = points.map((p, i) => ({
        month: toMonth(p.date),
        value: p.value,
        figure: fig(p, ...path, i),
      }));
      resolved.forEach((p, i) => {
        const previous = resolved[i - 1];
        if (previous && p.month <= previous.month) {
          ctx.addIssue({ code: 'custom', path: [...path, i, 'date'], message: 'dates must increase' });
        }
      });
      return { points: resolved };
    };
    const processes: Record<string, ProcessNode> = {};
    for (const [id, p] of Object.entries(raw.processes)) {
      const density = fig(p.defect_density, 'processes', id, 'defect_density');
      processes[id] = {
        id,
        name: p.name,
        waferPrice: fig(p.wafer_price, 'processes', id, 'wafer_price'),
        defectDensity: { ...density, value: density.value * CM2_PER_M2 },
        fabCost: p.fab_cost ? fig(p.fab_cost, 'processes', id, 'fab_cost') : undefined,
        fabWaferStarts: p.fab_wafer_starts
          ? fig(p.fab_wafer_starts, 'processes', id, 'fab_wafer_starts')
          : undefined,
        euvLayers: fig(p.euv_layers, 'processes', id, 'euv_layers'),
      };
    }
    const packaging: Record<string, Packaging> = {};
    for (const [id, p] of Object.entries(raw.packaging)) {
      if (!processes[p.process]) {
        ctx.addIssue({
          code: 'custom',
          path: ['packaging', id, 'process'],
          message: `unknown process '${p.process}'`,
        });
      }
      packaging[id] = {
        computeDies: fig(p.compute_dies, 'packaging', id, 'compute_dies'),
        computeDieArea: fig(p.compute_die_area, 'packaging', id, 'compute_die_area'),
        interposerArea: fig(p.interposer_area, 'packaging', id, 'interposer_area'),
        hbmStacks: fig(p.hbm_stacks, 'packaging', id, 'hbm_stacks'),
        process: p.process,
      };
    }
    return {
      processes,
      euv: {
        toolPrice: fig(raw.euv.tool_price, 'euv', 'tool_price'),
        highNaToolPrice: fig(raw.euv.high_na_tool_price, 'euv', 'high_na_tool_price'),
        wafersPerHour: fig(raw.euv.wafers_per_hour, 'euv', 'wafers_per_hour'),
        availability: fig(raw.euv.availability, 'euv', 'availability'),
      },
      packaging,
      cowos: {
        packagingYield: fig(raw.cowos.packaging_yield, 'cowos', 'packaging_yield'),
        capacity: series(raw.cowos.capacity, 'cowos', 'capacity'),
        capexPerWaferMonth: fig(raw.cowos.capex_per_wafer_month, 'cowos', 'capex_per_wafer_month'),
      },
      hbm: {
        stackPrice: fig(raw.hbm.stack_price, 'hbm', 'stack_price'),
        capacity: series(raw.hbm.capacity, 'hbm', 'capacity'),
        capexPerStackYear: fig(raw.hbm.capex_per_stack_year, 'hbm', 'capex_per_stack_year'),
      },
      sources: sourceList(raw.sources),
    };
  });
