import { z } from 'zod';
import { sourceSchema } from '../catalog/figures.js';

const rawValue = z.union([z.string(), z.number()]);

/** "5%" (relative) or "x10" (a factor either way, for order-of-magnitude facts). */
const toleranceSchema = z
  .string()
  .regex(/^(\d+(\.\d+)?%|[x×]\d+(\.\d+)?)$/, 'write a tolerance as "5%" or "x10"');

const expectationSchema = z.strictObject({
  /** An output name of the calculator (snake_case). */
  output: z.string().min(1),
  /** The published or claimed outcome, written with its unit; omitted for "what does the model say". */
  value: rawValue.optional(),
  tolerance: toleranceSchema.optional(),
  /** The claim as its authors wrote it, e.g. "400 EFLOP/s". */
  claimed_as: z.string().optional(),
  /**
   * "upper_bound": the model's figure bounds the published one from above (the largest
   * run a year allows against the largest run done), so the figure holds at or below it.
   */
  model_is: z.literal('upper_bound').optional(),
});

const checkSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids are letters, digits, dots, dashes and underscores'),
    title: z.string().min(1),
    /** A calculator whose outputs are checked, from `inputs`... */
    calculator: z.string().min(1).optional(),
    inputs: z.record(z.string(), rawValue).default({}),
    /** ...or a scenario file (relative to the check file) whose yearly outputs are. */
    scenario: z.string().min(1).optional(),
    /** Expectations of a scenario check name their year. */
    expect: z.array(expectationSchema.extend({ year: z.int().optional() })).min(1),
    /** Inputs to vary when looking for the reading of a claim that the model matches best. */
    explore: z.record(z.string(), z.array(rawValue).min(1)).optional(),
    source: z.union([sourceSchema, z.array(sourceSchema).min(1)]),
    note: z.string().optional(),
  })
  .superRefine((check, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if ((check.calculator === undefined) === (check.scenario === undefined))
      issue(['id'], 'give a calculator or a scenario to check against, not both');
    if (check.scenario !== undefined) {
      if (Object.keys(check.inputs).length > 0)
        issue(['inputs'], 'a scenario check takes its inputs from the scenario');
      check.expect.forEach((e, i) => {
        if (e.year === undefined)
          issue(['expect', i, 'output'], 'a scenario check needs the year it is about');
      });
    } else
      check.expect.forEach((e, i) => {
        if (e.year !== undefined) issue(['expect', i, 'year'], 'years are for scenario checks');
      });
  });

export const checkFileSchema = z.strictObject({
  /**
   * published: facts the model must reproduce (--strict fails on a miss); claims: verdicts
   * only; forecasts: others' projections, verdicts only.
   */
  kind: z.enum(['published', 'claims', 'forecasts']),
  description: z.string().optional(),
  checks: z.array(checkSchema).min(1),
  /** Claims the model cannot judge, listed with the reason so nobody wonders whether they were forgotten. */
  out_of_scope: z.array(z.strictObject({ claim: z.string().min(1), reason: z.string().min(1) })).default([]),
});

export type CheckFile = z.output<typeof checkFileSchema>;
export type Check = CheckFile['checks'][number];
export type Expectation = Check['expect'][number];
