import { SECONDS_PER_YEAR } from '../units/dimensions.js';

/** IT power of a fleet: accelerators times all-in IT power per accelerator (W). */
export function itPower(count: number, itPowerPerAccelerator: number): number {
  return count * itPowerPerAccelerator;
}

/** Facility power at the meter: IT power times PUE (W). */
export function facilityPower(itPowerWatts: number, pue: number): number {
  return itPowerWatts * pue;
}

/**
 * Energy drawn over `seconds` (J) by a facility whose IT load averages `loadFactor` of its
 * peak. Cooling overhead is taken to scale with IT load, so PUE applies to the average.
 */
export function energyOver(facilityPowerWatts: number, loadFactor: number, seconds: number): number {
  return facilityPowerWatts * loadFactor * seconds;
}

/** Energy drawn in a year (J). */
export function annualEnergy(facilityPowerWatts: number, loadFactor: number): number {
  return energyOver(facilityPowerWatts, loadFactor, SECONDS_PER_YEAR);
}

/** Accelerators a facility power feeds, fractions included (the timeline compares limits before rounding). */
export function acceleratorsPowerAllows(
  facilityPowerWatts: number,
  itPowerPerAccelerator: number,
  pue: number,
): number {
  return facilityPowerWatts / (itPowerPerAccelerator * pue);
}

/** How many accelerators a facility power budget feeds (whole accelerators). */
export function acceleratorsForPower(
  facilityPowerWatts: number,
  itPowerPerAccelerator: number,
  pue: number,
): number {
  return Math.floor(acceleratorsPowerAllows(facilityPowerWatts, itPowerPerAccelerator, pue));
}
