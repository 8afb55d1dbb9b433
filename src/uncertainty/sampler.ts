import type { Dimension } from '../units/dimensions.js';
import { type Distribution, quantile } from './distributions.js';
import { normalCdf, normalQuantile } from './normal.js';
import { uniformAt } from './random.js';

export interface UncertainInput {
  name: string;
  distribution: Distribution;
  /** For display; the sampler itself works in base units. */
  dimension?: Dimension | undefined;
  /** Samples are kept inside the input's allowed range. */
  min?: number | undefined;
  max?: number | undefined;
}

/**
 * Draws a block of samples for every uncertain input into typed arrays. Sample i of input
 * k depends only on (seed, k, i), so blocks can be drawn in any order or on any worker.
 */
export class Sampler {
  constructor(
    readonly inputs: readonly UncertainInput[],
    readonly seed: number,
    /** Cholesky factor of the copula's normal correlations, if any. */
    readonly factor?: number[][] | undefined,
  ) {}

  /** Fill out[k][j] with input k's value for sample start + j. */
  draw(start: number, length: number, out: Float64Array[]): void {
    const n = this.inputs.length;
    const z = new Float64Array(n);
    for (let j = 0; j < length; j++) {
      const index = start + j;
      if (this.factor) {
        for (let k = 0; k < n; k++) z[k] = normalQuantile(uniformAt(this.seed, k, index));
      }
      for (let k = 0; k < n; k++) {
        let u: number;
        if (this.factor) {
          const row = this.factor[k] as number[];
          let mixed = 0;
          for (let m = 0; m <= k; m++) mixed += (row[m] as number) * (z[m] as number);
          u = Math.min(1 - 1e-15, Math.max(1e-15, normalCdf(mixed)));
        } else u = uniformAt(this.seed, k, index);
        const input = this.inputs[k] as UncertainInput;
        let v = quantile(input.distribution, u);
        if (input.min !== undefined && v < input.min) v = input.min;
        if (input.max !== undefined && v > input.max) v = input.max;
        (out[k] as Float64Array)[j] = v;
      }
    }
  }
}
