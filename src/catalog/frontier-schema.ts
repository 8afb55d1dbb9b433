import { z } from 'zod';
import { figureSchema, type RawFigure, resolveFigure, sourceList, sourcesSchema } from './figures.js';
import type { CampusYear, FrontierCatalog, KnownRun } from './frontier.js';
import { PRECISIONS } from './types.js';

/** data/frontier.yaml: the largest campus by year and the largest runs done, each figure sourced. */
const campusSchema = z.strictObject({
  year: z.int().min(2000).max(2100),
  low: figureSchema('power'),
  median: figureSchema('power'),
  high: figureSchema('power'),
});

const runSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lowercase letters, digits, dots and dashes'),
  name: z.string().min(1),
  developer: z.string().min(1),
  date: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'write the date as YYYY-MM'),
  compute: figureSchema('flop'),
  hardware: z.string().optional(),
  chips: figureSchema('count').optional(),
  accelerator: z.string().min(1).optional(),
  chip_peak: figureSchema('flops').optional(),
  precision: z.enum(PRECISIONS).optional(),
  days: figureSchema('time').optional(),
});

export const frontierFileSchema = z
  .strictObject({
    sources: sourcesSchema,
    campus: z.array(campusSchema).min(2),
    runs: z.array(runSchema).min(1),
  })
  .transform((raw, ctx): FrontierCatalog => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const figure = (f: RawFigure<number>, path: PropertyKey[]) => resolveFigure(f, raw.sources, path, ctx);
    const campus = raw.campus.map((c, i): CampusYear => {
      const previous = raw.campus[i - 1];
      if (previous && c.year <= previous.year)
        issue(['campus', i, 'year'], `years must increase: ${c.year} comes after ${previous.year}`);
      if (!(c.low.value <= c.median.value && c.median.value <= c.high.value))
        issue(['campus', i, 'median'], 'expected low ≤ median ≤ high');
      if (c.low.value <= 0) issue(['campus', i, 'low', 'value'], 'a campus needs some power');
      return {
        year: c.year,
        low: figure(c.low, ['campus', i, 'low']),
        median: figure(c.median, ['campus', i, 'median']),
        high: figure(c.high, ['campus', i, 'high']),
      };
    });
    const ids = new Set<string>();
    const runs = raw.runs.map((r, i): KnownRun => {
      if (ids.has(r.id)) issue(['runs', i, 'id'], `duplicate run id '${r.id}'`);
      ids.add(r.id);
      if (r.accelerator && r.chip_peak)
        issue(['runs', i, 'chip_peak'], 'give accelerator (a catalog id) or chip_peak, not both');
      const { chips, chip_peak, days, precision, ...rest } = r;
      const optional = (f: RawFigure<number> | undefined, key: string) => f && figure(f, ['runs', i, key]);
      return {
        ...rest,
        year: Number(r.date.slice(0, 4)),
        compute: figure(r.compute, ['runs', i, 'compute']),
        chips: optional(chips, 'chips'),
        chipPeak: optional(chip_peak, 'chip_peak'),
        precision: precision ?? 'bf16',
        duration: optional(days, 'days'),
      };
    });
    return { campus, runs, sources: sourceList(raw.sources) };
  });
