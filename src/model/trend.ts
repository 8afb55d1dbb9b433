/**
 * Rates of change over years: a least-squares line through ln(value) against the year
 * (exponential growth or decline), and the even yearly rate a ratio over a span implies.
 */

/** The slope of ln(value) on year by least squares (per year); undefined with fewer than two distinct years. */
export function logLinearSlope(points: ReadonlyArray<{ year: number; value: number }>): number | undefined {
  const n = points.length;
  const meanYear = points.reduce((sum, p) => sum + p.year, 0) / n;
  const meanLog = points.reduce((sum, p) => sum + Math.log(p.value), 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const p of points) {
    covariance += (p.year - meanYear) * (Math.log(p.value) - meanLog);
    variance += (p.year - meanYear) ** 2;
  }
  return variance > 0 ? covariance / variance : undefined;
}

/** The fraction a value loses each year at a log-linear slope: 1 − e^slope (negative when it grows). */
export function annualDecline(slope: number): number {
  return 1 - Math.exp(slope);
}

/** The even yearly factor that compounds to `ratio` over `years`. */
export function annualFactor(ratio: number, years: number): number {
  return ratio ** (1 / years);
}

/**
 * Two yearly declines compound: what is left is the product of what each leaves. The
 * decline the rest must make for a `total` decline when `part` is given:
 * 1 − (1 − total) / (1 − part).
 */
export function remainingDecline(total: number, part: number): number {
  return 1 - (1 - total) / (1 - part);
}
