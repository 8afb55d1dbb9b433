import { z } from 'zod';
import { InputError } from '../errors.js';
import type { Distribution } from '../uncertainty/distributions.js';
import { checkRange, parseDistribution } from '../uncertainty/parse.js';
import { type Bounds, boundsProblem } from '../units/bounds.js';
import type { Dimension } from '../units/dimensions.js';
import { MONTH } from './months.js';

/**
 * The numbers of a scenario file and how large one may be: months, quantities written as
 * people write them ("1.2 GW", "$100B"), distributions over them, and the limits on lists.
 */

/**
 * How large a scenario may be. A run does about (sites + 1) × months of work (and a Monte
 * Carlo run that for every sample); within these bounds one run takes milliseconds and its
 * monthly output stays a few megabytes, so no file can hold a terminal or the explorer.
 */
export const SCENARIO_LIMITS = {
  years: 100,
  sites: 200,
  rampPoints: 120,
  fleet: 100,
  programs: 100,
  commitments: 240,
  claims: 200,
  correlations: 100,
  /** A yearly change of +1000% (11× a year) is past any trend in this field. */
  yearlyChange: 10,
} as const;

export const atMost = <T extends z.ZodArray>(schema: T, limit: number, what: string) =>
  schema.max(limit, `at most ${limit} ${what}`);

/** A calendar month, written "YYYY-MM". */
export const monthSchema = z
  .string()
  .regex(MONTH, 'expected a month like "2026-01"')
  .describe('A calendar month, written "YYYY-MM".');

/** The calculators' bounds messages, with the wording a yearly rate of change needs. */
const rangeProblem = (v: number, r: Bounds) => {
  if (r.min !== -1) return boundsProblem(v, r);
  if (v <= -1) return 'a yearly change must be above -100%';
  if (v > SCENARIO_LIMITS.yearlyChange)
    return `a yearly change can be at most +${SCENARIO_LIMITS.yearlyChange * 100}%`;
  return undefined;
};

/** Each uncertain number's kind of quantity and allowed range (sampled tails are kept inside it). */
export const uncertainNumberInfo = new WeakMap<Distribution, { dimension: Dimension; range: Bounds }>();

/**
 * A number in a scenario file: a quantity as people write it ("1.2 GW"), or a distribution
 * over one ("1 to 1.5 GW", "pert(...)") for Monte Carlo runs. It parses to a Distribution
 * (a point for plain quantities); the JSON Schema shows the text form.
 */
export function quantity(dimension: Dimension, description: string, range: Bounds = { min: 0 }) {
  return z
    .union([z.string(), z.number()])
    .describe(`${description} May be a distribution, e.g. "a to b" (a 90% interval).`)
    .transform((input, ctx): Distribution => {
      try {
        const d = parseDistribution(input, dimension);
        if (d.kind === 'point') {
          const problem = rangeProblem(d.value, range);
          if (problem) throw new InputError(problem);
        } else {
          checkRange(d, dimension, range);
          uncertainNumberInfo.set(d, { dimension, range });
        }
        return d;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    });
}

export const positive = (dimension: Dimension, description: string) =>
  quantity(dimension, description, { min: 0, exclusiveMin: true });

export const fraction = (description: string) => quantity('fraction', description, { min: 0, max: 1 });

/** A signed yearly rate of change, e.g. "-20%" for prices falling a fifth a year. */
export const yearlyChange = (description: string) =>
  quantity('fraction', description, { min: -1, exclusiveMin: true, max: SCENARIO_LIMITS.yearlyChange });
