import { InputError } from '../errors.js';
import type { YearRow } from './outputs.js';

/**
 * A run whose figures left the range of finite numbers. Each number in a file is bounded,
 * so this takes extremes together (a price falling 99.99% a year for a century, with free
 * buildings); the sentence says where, and what to look at.
 */
export function outOfRange(file: string, where: string): InputError {
  return new InputError(
    `${file}: ${where} leaves the range of numbers gigawatt computes with; check the scenario's amounts and yearly changes`,
  );
}

/** Every number of the yearly rows is finite, or the run is refused naming the first that is not. */
export function checkFiniteRows(file: string, rows: readonly YearRow[]): void {
  for (const row of rows)
    for (const [key, value] of Object.entries(row))
      if (typeof value === 'number' && !Number.isFinite(value))
        throw outOfRange(file, `${key} in ${row.year}`);
}
