import { z } from 'zod';
import { figureSchema, resolveFigure, sourceList, sourcesSchema } from './figures.js';
import type { EdgeDevice, Figure } from './types.js';

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lowercase letters, digits, dots and dashes');

/** An edge figure may carry a plausible range, since many specs are unofficial. */
function rangedFigure(dimension: Parameters<typeof figureSchema>[0]) {
  return figureSchema(dimension).extend({ range: z.string().optional() });
}

const peak = rangedFigure('flops').nullable().default(null);

const entrySchema = z
  .strictObject({
    id: idSchema,
    aliases: z.array(idSchema).default([]),
    name: z.string().min(1),
    kind: z.enum(['car', 'phone', 'laptop', 'home']),
    year: z.int().min(2015).max(2040),
    sources: sourcesSchema,
    peak: z.strictObject({ int4: peak, int8: peak, fp4: peak, fp8: peak, fp16: peak }),
    memory_capacity: rangedFigure('bytes'),
    memory_bandwidth: rangedFigure('bandwidth'),
    power: rangedFigure('power'),
    price: rangedFigure('money'),
    notes: z.string().optional(),
  })
  .transform((raw, ctx): EdgeDevice => {
    const fig = (
      f: {
        value: number;
        source: string;
        estimate: boolean;
        note?: string | undefined;
        range?: string | undefined;
      },
      ...path: PropertyKey[]
    ): Figure & { range?: string | undefined } => ({
      ...resolveFigure(f, raw.sources, path, ctx),
      range: f.range,
    });
    const peaks = raw.peak;
    const eightBit = peaks.int8 ?? peaks.fp8;
    if (!eightBit)
      ctx.addIssue({
        code: 'custom',
        path: ['peak', 'int8'],
        message: 'an edge device needs an 8-bit (int8 or fp8) peak',
      });
    return {
      id: raw.id,
      aliases: raw.aliases,
      name: raw.name,
      kind: raw.kind,
      year: raw.year,
      peak8bit: eightBit ? fig(eightBit, 'peak', peaks.int8 ? 'int8' : 'fp8') : (null as never),
      peak16bit: peaks.fp16 ? fig(peaks.fp16, 'peak', 'fp16') : null,
      memoryCapacity: fig(raw.memory_capacity, 'memory_capacity'),
      memoryBandwidth: fig(raw.memory_bandwidth, 'memory_bandwidth'),
      power: fig(raw.power, 'power'),
      price: fig(raw.price, 'price'),
      notes: raw.notes,
      sources: sourceList(raw.sources),
    };
  });

export const devicesFileSchema = z
  .strictObject({ devices: z.array(entrySchema).min(1) })
  .transform((f) => f.devices);
