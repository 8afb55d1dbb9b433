/** The values an input allows: calculators' flags and scenario numbers share these. */
export interface Bounds {
  /** Smallest allowed value. */
  min?: number;
  /** When true the minimum itself is not allowed (e.g. "must be positive"). */
  exclusiveMin?: boolean;
  max?: number;
  integer?: boolean;
}

/** What is wrong with a value for these bounds, in a few words; undefined when nothing is. */
export function boundsProblem(value: number, bounds: Bounds): string | undefined {
  const { min, max, exclusiveMin, integer } = bounds;
  if (integer && !Number.isInteger(value)) return 'must be a whole number';
  if (min !== undefined && (exclusiveMin ? value <= min : value < min)) {
    if (min === 0) return exclusiveMin ? 'must be positive' : 'cannot be negative';
    return `must be ${exclusiveMin ? 'above' : 'at least'} ${min}`;
  }
  if (max !== undefined && value > max) return max === 1 ? 'cannot exceed 100%' : `cannot exceed ${max}`;
  return undefined;
}
