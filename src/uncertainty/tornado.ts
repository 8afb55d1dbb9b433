import { median, quantile } from './distributions.js';
import type { UncertainInput } from './sampler.js';

export interface SensitivityRow {
  input: string;
  /** The output with this input at its 5th and its 95th percentile, the rest at their medians. */
  low: number;
  high: number;
  swing: number;
}

/**
 * A tornado: each uncertain input moved from its 5th to its 95th percentile with the rest
 * at their medians, ranked by how far it swings an output. `valueAt` gives the output for
 * the value each input takes; calculators and scenarios supply their own.
 */
export function tornado(
  inputs: readonly UncertainInput[],
  valueAt: (value: (input: UncertainInput) => number) => number,
): { base: number; rows: SensitivityRow[] } {
  const at = (moved: UncertainInput | undefined, q: number) =>
    valueAt((u) => (u === moved ? quantile(u.distribution, q) : median(u.distribution)));
  const rows = inputs
    .map((u) => {
      const low = at(u, 0.05);
      const high = at(u, 0.95);
      return { input: u.name, low, high, swing: Math.abs(high - low) };
    })
    .sort((a, b) => b.swing - a.swing);
  return { base: at(undefined, 0.5), rows };
}
