import { normalQuantile, Z90 } from './normal.js';

/**
 * Distributions an input may take. Every kind samples by its inverse CDF (quantile) from
 * a uniform number, so the same machinery serves independent draws, correlated draws
 * (through a Gaussian copula) and sensitivity runs (p5 and p95 of one input).
 */
export type Distribution =
  | { kind: 'point'; value: number }
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'lognormal'; mu: number; sigma: number }
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'triangular'; low: number; mode: number; high: number }
  | { kind: 'pert'; low: number; mode: number; high: number; table: Float64Array }
  | { kind: 'mixture'; weights: number[]; components: Distribution[] };

const KINDS: ReadonlySet<string> = new Set<Distribution['kind']>([
  'point',
  'normal',
  'lognormal',
  'uniform',
  'triangular',
  'pert',
  'mixture',
]);

/** Whether a parsed value is a distribution (rather than a record that holds some). */
export function isDistribution(v: unknown): v is Distribution {
  return typeof v === 'object' && v !== null && KINDS.has((v as { kind?: string }).kind ?? '');
}

/** "a to b": a 90% interval, lognormal when both ends are positive, normal otherwise. */
export function interval(low: number, high: number): Distribution {
  if (low > 0 && high > 0) {
    const mu = (Math.log(low) + Math.log(high)) / 2;
    return { kind: 'lognormal', mu, sigma: (Math.log(high) - Math.log(low)) / (2 * Z90) };
  }
  return { kind: 'normal', mean: (low + high) / 2, sd: (high - low) / (2 * Z90) };
}

const PERT_POINTS = 2048;

/**
 * PERT: a beta distribution on [low, high] with shape set by the mode (λ = 4). Its
 * inverse CDF has no closed form, so the CDF is tabulated once at PERT_POINTS quantiles
 * and interpolated.
 */
export function pert(low: number, mode: number, high: number): Distribution {
  const alpha = 1 + (4 * (mode - low)) / (high - low);
  const beta = 1 + (4 * (high - mode)) / (high - low);
  const unit = unitPertTable(alpha, beta);
  const table = new Float64Array(PERT_POINTS + 1);
  for (let k = 0; k <= PERT_POINTS; k++) table[k] = low + (unit[k] ?? 0) * (high - low);
  return { kind: 'pert', low, mode, high, table };
}

/**
 * The beta(α, β) quantiles on [0, 1] a PERT table scales. Kept by shape: a year-by-year run
 * builds the same PERTs once a year, and tabulating one costs tens of thousands of powers.
 */
const unitTables = new Map<string, Float64Array>();

function unitPertTable(alpha: number, beta: number): Float64Array {
  const key = `${alpha},${beta}`;
  const cached = unitTables.get(key);
  if (cached) return cached;
  // CDF on a fine grid by the midpoint rule on the beta density, then inverted.
  const grid = 16 * PERT_POINTS;
  const cdf = new Float64Array(grid + 1);
  for (let i = 1; i <= grid; i++) {
    const x = (i - 0.5) / grid;
    cdf[i] = (cdf[i - 1] ?? 0) + x ** (alpha - 1) * (1 - x) ** (beta - 1);
  }
  const total = cdf[grid] ?? 1;
  const table = new Float64Array(PERT_POINTS + 1);
  let j = 0;
  for (let k = 0; k <= PERT_POINTS; k++) {
    const target = (k / PERT_POINTS) * total;
    while (j < grid && (cdf[j + 1] ?? total) < target) j++;
    const lowCdf = cdf[j] ?? 0;
    const highCdf = cdf[j + 1] ?? total;
    const frac = highCdf > lowCdf ? (target - lowCdf) / (highCdf - lowCdf) : 0;
    table[k] = (j + frac) / grid;
  }
  // A bounded memo: shapes come from the few PERTs a run declares.
  if (unitTables.size >= 256) unitTables.clear();
  unitTables.set(key, table);
  return table;
}

/** The value at cumulative probability u ∈ (0, 1). */
export function quantile(d: Distribution, u: number): number {
  switch (d.kind) {
    case 'point':
      return d.value;
    case 'normal':
      return d.mean + d.sd * normalQuantile(u);
    case 'lognormal':
      return Math.exp(d.mu + d.sigma * normalQuantile(u));
    case 'uniform':
      return d.low + u * (d.high - d.low);
    case 'triangular': {
      const { low, mode, high } = d;
      const split = (mode - low) / (high - low);
      return u < split
        ? low + Math.sqrt(u * (high - low) * (mode - low))
        : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
    }
    case 'pert': {
      const x = u * PERT_POINTS;
      const i = Math.min(PERT_POINTS - 1, Math.floor(x));
      const a = d.table[i] as number;
      const b = d.table[i + 1] as number;
      return a + (x - i) * (b - a);
    }
    case 'mixture': {
      // Pick the component by where u falls among the cumulative weights, then use the
      // rest of u inside that component (so one uniform drives the whole draw).
      let start = 0;
      for (let k = 0; k < d.weights.length; k++) {
        const w = d.weights[k] as number;
        if (u < start + w || k === d.weights.length - 1) {
          return quantile(
            d.components[k] as Distribution,
            Math.min(1 - 1e-12, Math.max(1e-12, (u - start) / w)),
          );
        }
        start += w;
      }
      return Number.NaN;
    }
  }
}

/**
 * out[j] = quantile(d, u[j]) for a block. The common kinds get their own loop so the
 * kind is looked at once per block, not once per draw; the rest fall back to quantile.
 */
export function quantileColumn(d: Distribution, u: Float64Array, length: number, out: Float64Array): void {
  switch (d.kind) {
    case 'point':
      out.fill(d.value, 0, length);
      return;
    case 'normal':
      for (let j = 0; j < length; j++) out[j] = d.mean + d.sd * normalQuantile(u[j] as number);
      return;
    case 'lognormal':
      for (let j = 0; j < length; j++) out[j] = Math.exp(d.mu + d.sigma * normalQuantile(u[j] as number));
      return;
    case 'uniform':
      for (let j = 0; j < length; j++) out[j] = d.low + (u[j] as number) * (d.high - d.low);
      return;
    default:
      for (let j = 0; j < length; j++) out[j] = quantile(d, u[j] as number);
  }
}

export function isUncertain(d: Distribution): boolean {
  return d.kind !== 'point';
}

export const median = (d: Distribution) => quantile(d, 0.5);
