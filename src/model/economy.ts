import { SECONDS_PER_YEAR } from '../units/dimensions.js';

/** Spending as a share of an economy: the yardstick "as big as Apollo" claims use. */

/** A program's spend per year as a share of a year's GDP. */
export function shareOfGdp(spendPerYear: number, gdp: number): number {
  return spendPerYear / gdp;
}

/** A share of GDP in today's dollars: what the same effort would cost now. */
export function atTodaysGdp(share: number, gdpNow: number): number {
  return share * gdpNow;
}

/** A total spread evenly over a term (seconds): the spend per year. */
export function spendPerYear(total: number, term: number): number {
  return total / (term / SECONDS_PER_YEAR);
}
