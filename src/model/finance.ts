import { SECONDS_PER_YEAR } from '../units/dimensions.js';

/**
 * Capital recovery factor: the constant annual payment that repays 1 USD over `lifetime`
 * seconds at an annual cost of capital `rate` (an annuity). At rate 0 it is straight-line
 * depreciation. Lifetimes need not be whole years.
 */
export function capitalRecoveryFactor(rate: number, lifetimeSeconds: number): number {
  const years = lifetimeSeconds / SECONDS_PER_YEAR;
  // Below ~1e-9 the annuity formula loses all precision (1 + r rounds to 1); its limit,
  // straight-line depreciation, is exact to within r there.
  if (rate < 1e-9) return 1 / years;
  // (1 + rate)^-years as exp(-years · ln(1 + rate)): the same value to within an ulp or two,
  // at half the cost of a general power (this runs twice per Monte Carlo sample).
  return rate / (1 - Math.exp(-years * Math.log1p(rate)));
}

/** Annual cost of owning `capex` over its lifetime at the given cost of capital (USD/yr). */
export function annualizedCapex(capex: number, rate: number, lifetimeSeconds: number): number {
  return capex * capitalRecoveryFactor(rate, lifetimeSeconds);
}

/** Upkeep (maintenance and operations) as a share of capex a year, over 1/`periodsPerYear` of a year (USD). */
export function upkeep(capex: number, annualRate: number, periodsPerYear = 1): number {
  return (capex * annualRate) / periodsPerYear;
}

/** Revenue a year that repays capex over its lifetimes and pays the year's opex (USD/yr). */
export function revenueNeeded(annualizedCapexPerYear: number, annualOpex: number): number {
  return annualizedCapexPerYear + annualOpex;
}
