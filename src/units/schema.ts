import { z } from 'zod';
import { InputError } from '../errors.js';
import type { Dimension } from './dimensions.js';
import { parseQuantity } from './parse.js';

/** A zod schema for a quantity written as people write it ("130 MW"), output in base units. */
export function quantitySchema(dimension: Dimension) {
  return z.union([z.string(), z.number()]).transform((input, ctx) => {
    try {
      return parseQuantity(input, dimension);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  });
}
