import { InputError } from '../errors.js';

/**
 * Rank correlations through a Gaussian copula: draw independent normals, mix them with the
 * Cholesky factor of the normal-space correlation matrix, and map back to uniforms. For a
 * Gaussian copula a target Spearman ρs needs a normal correlation r = 2·sin(π·ρs/6).
 */
export function normalCorrelationFor(spearman: number): number {
  return 2 * Math.sin((Math.PI * spearman) / 6);
}

/** Lower-triangular L with L·Lᵀ = matrix, or an error when the matrix is not positive definite. */
export function cholesky(matrix: readonly (readonly number[])[]): number[][] {
  const n = matrix.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]?.[j] ?? 0;
      for (let k = 0; k < j; k++) sum -= (l[i]?.[k] ?? 0) * (l[j]?.[k] ?? 0);
      if (i === j) {
        if (sum <= 1e-12)
          throw new InputError(
            'the correlations contradict each other (the matrix is not positive definite)',
          );
        (l[i] as number[])[i] = Math.sqrt(sum);
      } else (l[i] as number[])[j] = sum / (l[j]?.[j] ?? 1);
    }
  }
  return l;
}

export interface CorrelationSpec {
  a: string;
  b: string;
  spearman: number;
}

/** The copula's Cholesky factor over `names`, or undefined when nothing is correlated. */
export function copulaFactor(
  names: readonly string[],
  correlations: readonly CorrelationSpec[],
): number[][] | undefined {
  if (correlations.length === 0) return undefined;
  const index = new Map(names.map((n, i) => [n, i]));
  const matrix = names.map((_, i) => names.map((__, j) => (i === j ? 1 : 0)));
  for (const c of correlations) {
    const i = index.get(c.a);
    const j = index.get(c.b);
    if (i === undefined || j === undefined) {
      const missing = i === undefined ? c.a : c.b;
      throw new InputError(
        `cannot correlate '${missing}': it is not an uncertain input (give it a distribution)`,
      );
    }
    if (i === j) throw new InputError(`cannot correlate '${c.a}' with itself`);
    if (!(c.spearman > -1 && c.spearman < 1))
      throw new InputError(`a rank correlation must lie strictly between -1 and 1, got ${c.spearman}`);
    const r = normalCorrelationFor(c.spearman);
    (matrix[i] as number[])[j] = r;
    (matrix[j] as number[])[i] = r;
  }
  return cholesky(matrix);
}

/** Spearman rank correlation of two equal-length samples (for tests and reports). */
export function spearman(x: Float64Array, y: Float64Array): number {
  const rank = (v: Float64Array) => {
    const order = Array.from(v.keys()).sort((a, b) => (v[a] as number) - (v[b] as number));
    const r = new Float64Array(v.length);
    order.forEach((idx, position) => {
      r[idx] = position;
    });
    return r;
  };
  const rx = rank(x);
  const ry = rank(y);
  const n = x.length;
  const mean = (n - 1) / 2;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (rx[i] as number) - mean;
    const dy = (ry[i] as number) - mean;
    cov += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  }
  return cov / Math.sqrt(vx * vy);
}
