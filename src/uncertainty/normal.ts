/**
 * The standard normal distribution's CDF and inverse CDF, the two functions the sampler
 * and the Gaussian copula need.
 */

/** Φ(x), via the complementary error function (Numerical Recipes erfc, |error| < 1.2e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

// Acklam's rational approximation to Φ⁻¹, relative error below 1.15e-9. The coefficients
// are plain constants (not array reads) because this runs once per draw.
const A0 = -39.69683028665376;
const A1 = 220.9460984245205;
const A2 = -275.9285104469687;
const A3 = 138.357751867269;
const A4 = -30.66479806614716;
const A5 = 2.506628277459239;
const B0 = -54.47609879822406;
const B1 = 161.5858368580409;
const B2 = -155.6989798598866;
const B3 = 66.80131188771972;
const B4 = -13.28068155288572;
const C0 = -0.007784894002430293;
const C1 = -0.3223964580411365;
const C2 = -2.400758277161838;
const C3 = -2.549732539343734;
const C4 = 4.374664141464968;
const C5 = 2.938163982698783;
const D0 = 0.007784695709041462;
const D1 = 0.3224671290700398;
const D2 = 2.445134137142996;
const D3 = 3.754408661907416;
const LOW = 0.02425;

function tail(q: number): number {
  return (
    (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1)
  );
}

/** Φ⁻¹(p) for p in (0, 1). */
export function normalQuantile(p: number): number {
  if (p < LOW) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - LOW) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q) /
    (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1)
  );
}

/** z such that a 90% interval is median ± z·σ. */
export const Z90 = 1.6448536269514722;
