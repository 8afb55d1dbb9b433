import { z } from 'zod';
import {
  figureSchema,
  type RawFigure,
  resolveFigure,
  sourceList,
  sourcesSchema,
  textFigureSchema,
} from './figures.js';
import { type Accelerator, type Figure, PRECISIONS, type Precision } from './types.js';

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lowercase letters, digits, dots and dashes');
const flops = figureSchema('flops').nullable();
const perPrecision = z.strictObject({ bf16: flops, fp8: flops, fp4: flops });

const entrySchema = z
  .strictObject({
    id: idSchema,
    aliases: z.array(idSchema).default([]),
    name: z.string().min(1),
    vendor: z.string().min(1),
    status: z.enum(['shipping', 'announced']),
    year: z.int().min(2010).max(2040),
    sources: sourcesSchema,
    dense: perPrecision,
    sparse: perPrecision,
    hbm_capacity: figureSchema('bytes'),
    hbm_bandwidth: figureSchema('bandwidth'),
    tdp: figureSchema('power'),
    it_power: figureSchema('power'),
    price: figureSchema('money'),
    die_area: figureSchema('area').nullable().default(null),
    process: textFigureSchema.nullable().default(null),
    notes: z.string().optional(),
  })
  .transform((raw, ctx): Accelerator => {
    const fig = <T>(f: RawFigure<T>, ...path: PropertyKey[]): Figure<T> =>
      resolveFigure(f, raw.sources, path, ctx);
    const table = (kind: 'dense' | 'sparse') =>
      Object.fromEntries(
        PRECISIONS.map((p) => {
          const f = raw[kind][p];
          return [p, f ? fig(f, kind, p) : null];
        }),
      ) as Record<Precision, Figure | null>;
    const accelerator: Accelerator = {
      id: raw.id,
      aliases: raw.aliases,
      name: raw.name,
      vendor: raw.vendor,
      status: raw.status,
      year: raw.year,
      dense: table('dense'),
      sparse: table('sparse'),
      hbmCapacity: fig(raw.hbm_capacity, 'hbm_capacity'),
      hbmBandwidth: fig(raw.hbm_bandwidth, 'hbm_bandwidth'),
      tdp: fig(raw.tdp, 'tdp'),
      itPower: fig(raw.it_power, 'it_power'),
      price: fig(raw.price, 'price'),
      dieArea: raw.die_area ? fig(raw.die_area, 'die_area') : null,
      process: raw.process ? fig(raw.process, 'process') : null,
      notes: raw.notes,
      sources: sourceList(raw.sources),
    };
    checkConsistency(accelerator, ctx);
    return accelerator;
  });

/** Physical sanity that a typo in the data file would break. */
function checkConsistency(a: Accelerator, ctx: z.core.$RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (!a.dense.bf16) issue(['dense', 'bf16'], 'every accelerator needs a dense bf16 (or fp16) peak');
  for (const p of PRECISIONS) {
    const dense = a.dense[p]?.value;
    const sparse = a.sparse[p]?.value;
    if (dense !== undefined && sparse !== undefined && sparse < dense) {
      issue(['sparse', p, 'value'], `sparse ${p} peak is below the dense one; are the two swapped?`);
    }
  }
  if (a.itPower.value < a.tdp.value) {
    issue(['it_power', 'value'], 'all-in IT power per accelerator cannot be below the chip TDP');
  }
}

export const acceleratorsFileSchema = z
  .strictObject({ accelerators: z.array(entrySchema).min(1) })
  .transform((f) => f.accelerators);
