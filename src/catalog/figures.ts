import { z } from 'zod';
import { nearest } from '../errors.js';
import type { Dimension } from '../units/dimensions.js';
import { quantitySchema } from '../units/schema.js';
import type { Figure, Source } from './types.js';

export const sourceSchema = z.strictObject({ title: z.string().min(1), url: z.url().optional() });
export const sourcesSchema = z.record(z.string(), sourceSchema);

/** A figure as written in a data file: the source is still a key of the entry's `sources`. */
export interface RawFigure<T> {
  value: T;
  source: string;
  estimate: boolean;
  note?: string | undefined;
}

function figureShape<T extends z.ZodType>(value: T) {
  return z.strictObject({
    value,
    source: z.string(),
    estimate: z.boolean().default(false),
    note: z.string().optional(),
  });
}

export function figureSchema(dimension: Dimension) {
  return figureShape(quantitySchema(dimension));
}

export const textFigureSchema = figureShape(z.string().min(1));

type Ctx = z.core.$RefinementCtx;

/**
 * Swap a figure's source key for the source itself; an unknown key becomes an issue at
 * `path` so the error points at the line that names it.
 */
export function resolveFigure<T>(
  raw: RawFigure<T>,
  sources: Record<string, z.output<typeof sourceSchema>>,
  path: PropertyKey[],
  ctx: Ctx,
): Figure<T> {
  const source = sources[raw.source];
  if (!source) {
    const guess = nearest(raw.source, Object.keys(sources));
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'source'],
      message: `unknown source '${raw.source}'${guess ? `; did you mean '${guess}'?` : '; add it under sources'}`,
    });
  }
  return {
    value: raw.value,
    source: { key: raw.source, title: source?.title ?? raw.source, url: source?.url },
    estimate: raw.estimate,
    note: raw.note,
  };
}

export function sourceList(sources: Record<string, z.output<typeof sourceSchema>>): Source[] {
  return Object.entries(sources).map(([key, s]) => ({ key, title: s.title, url: s.url }));
}
