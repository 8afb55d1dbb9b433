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
});

const checkSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids are letters, digits, dots, dashes and underscores'),
  title: z.string().min(1),
  calculator: z.string().min(1),
  inputs: z.record(z.string(), rawValue).default({}),
  expect: z.array(expectationSchema).min(1),
  /** Inputs to vary when looking for the reading of a claim that the model matches best. */
  explore: z.record(z.string(), z.array(rawValue).min(1)).optional(),
  source: z.union([sourceSchema, z.array(sourceSchema).min(1)]),
  note: z.string().optional(),
});

export const checkFileSchema = z.strictObject({
  /** published: facts the model must reproduce (--strict fails on a miss); claims: verdicts only. */
  kind: z.enum(['published', 'claims']),
  description: z.string().optional(),
  checks: z.array(checkSchema).min(1),
});

export type CheckFile = z.output<typeof checkFileSchema>;
export type Check = CheckFile['checks'][number];
export type Expectation = Check['expect'][number];
