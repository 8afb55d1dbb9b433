import { SECONDS_PER_HOUR, SECONDS_PER_YEAR } from '../units/dimensions.js';

/**
 * What a cloud contract buys: accelerators rented around the clock for its term at a price
 * per accelerator-hour, and how that price compares with the cost of owning them.
 */

const HOURS_PER_YEAR = SECONDS_PER_YEAR / SECONDS_PER_HOUR;

/** Accelerators a yearly spend keeps rented all year at a price per accelerator-hour. */
export function acceleratorsRented(spendPerYear: number, pricePerHour: number): number {
  return spendPerYear / (pricePerHour * HOURS_PER_YEAR);
}
