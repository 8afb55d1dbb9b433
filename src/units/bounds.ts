import type { Dimension } from './dimensions.js';
import { formatQuantity } from './format.js';

/** The values an input allows: calculators' flags and scenario numbers share these. */
export interface Bounds {
  /** Smallest allowed value. */
  min?: number;
  /** When true the minimum itself is not allowed (e.g. "must be positive"). */
  exclusiveMin?: boolean;
  max?: number;
  integer?: boolean;
}

/** Dimensions whose limits read best as bare numbers ("at least 1", "cannot exceed 2040"). */
const PLAIN = new Set<Dimension>(['count', 'tokens', 'ratio', 'year', 'fraction', 'hours']);

/**
 * What is wrong with a value for these bounds, in a few words; undefined when nothing is.
 * With its dimension, a limit reads in the unit people write ("at least 1 h", not 3600).
 */
export function boundsProblem(value: number, bounds: Bounds, dimension?: Dimension): string | undefined {
  const { min, max, exclusiveMin, integer } = bounds;
  const show = (limit: number) =>
    dimension && !PLAIN.has(dimension) ? formatQuantity(limit, dimension) : String(limit);
  if (integer && !Number.isInteger(value)) return 'must be a whole number';
  if (min !== undefined && (exclusiveMin ? value <= min : value < min)) {
    if (min === 0) return exclusiveMin ? 'must be positive' : 'cannot be negative';
    return `must be ${exclusiveMin ? 'above' : 'at least'} ${show(min)}`;
  }
  if (max !== undefined && value > max)
    return max === 1 ? 'cannot exceed 100%' : `cannot exceed ${show(max)}`;
  return undefined;
}
