import type { Dimension } from '../units/dimensions.js';
import { type Distribution, quantileColumn } from './distributions.js';
import { normalCdf, normalQuantile } from './normal.js';
import { indexHashes, uniformColumn } from './random.js';

export interface UncertainInput {
  name: string;
  distribution: Distribution;
  /** For display; the sampler itself works in base units. */
  dimension?: Dimension | undefined;
  /** Samples are kept inside the input's allowed range. */
  min?: number | undefined;
  max?: number | undefined;
  /** Samples are rounded to whole numbers (a count of accelerators, say). */
  integer?: boolean | undefined;
}

/**
 * `count` columns of `length` numbers. Built by push so every such array has one shape:
 * arrays from map() start holey and change kind as they fill, and optimized sampling code
 * that met one kind is thrown away when the next run brings the other.
 */
export function floatColumns(count: number, length: number): Float64Array[] {
  const columns: Float64Array[] = [];
  for (let k = 0; k < count; k++) columns.push(new Float64Array(length));
  return columns;
}

/** Keeps uniforms fed to a copula off exactly 0 and 1, where inverse CDFs are infinite. */
const EDGE = 1e-15;

/**
 * Draws a block of samples for every uncertain input into typed arrays. Sample i of input
 * k depends only on (seed, k, i), so blocks can be drawn in any order or on any worker.
 * Work goes column by column (one input at a time) so each inner loop does one thing.
 */
export class Sampler {
  private hashA = new Uint32Array(0);
  private hashB = new Uint32Array(0);
  private uniforms: Float64Array[] = [];

  constructor(
    readonly inputs: readonly UncertainInput[],
    readonly seed: number,
    /** Cholesky factor of the copula's normal correlations, if any. */
    readonly factor?: number[][] | undefined,
  ) {}

  private scratch(length: number): void {
    if (this.hashA.length >= length) return;
    this.hashA = new Uint32Array(length);
    this.hashB = new Uint32Array(length);
    this.uniforms = floatColumns(this.inputs.length, length);
  }

  /** Fill out[k][j] with input k's value for sample start + j. */
  draw(start: number, length: number, out: Float64Array[]): void {
    const n = this.inputs.length;
    if (n === 0) return;
    this.scratch(length);
    const { hashA, hashB, uniforms } = this;
    indexHashes(start, length, hashA, hashB);
    for (let k = 0; k < n; k++)
      uniformColumn(this.seed, k, length, hashA, hashB, uniforms[k] as Float64Array);
    if (this.factor) this.correlate(length);
    for (let k = 0; k < n; k++) {
      const input = this.inputs[k] as UncertainInput;
      const column = out[k] as Float64Array;
      quantileColumn(input.distribution, uniforms[k] as Float64Array, length, column);
      const { min, max, integer } = input;
      if (min === undefined && max === undefined && !integer) continue;
      for (let j = 0; j < length; j++) {
        let v = column[j] as number;
        if (min !== undefined && v < min) v = min;
        else if (max !== undefined && v > max) v = max;
        column[j] = integer ? Math.round(v) : v;
      }
    }
  }

  /** Gaussian copula: independent normals mixed by the Cholesky factor, mapped back to uniforms. */
  private correlate(length: number): void {
    const factor = this.factor as number[][];
    const n = this.inputs.length;
    const uniforms = this.uniforms;
    const z = new Float64Array(n);
    for (let j = 0; j < length; j++) {
      for (let k = 0; k < n; k++) z[k] = normalQuantile((uniforms[k] as Float64Array)[j] as number);
      for (let k = 0; k < n; k++) {
        const row = factor[k] as number[];
        let mixed = 0;
        for (let m = 0; m <= k; m++) mixed += (row[m] as number) * (z[m] as number);
        (uniforms[k] as Float64Array)[j] = Math.min(1 - EDGE, Math.max(EDGE, normalCdf(mixed)));
      }
    }
  }
}
