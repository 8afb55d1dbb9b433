/**
 * Rooftop solar against a device that runs in the home: energy per day in, energy per day
 * drawn. Plain SI numbers: W, J, s; no IO.
 */
import { SECONDS_PER_DAY, SECONDS_PER_YEAR } from '../units/dimensions.js';

const DAYS_PER_YEAR = SECONDS_PER_YEAR / SECONDS_PER_DAY;

/** A year's energy as the average day's share of it (J). */
export function perDay(energyPerYear: number): number {
  return energyPerYear / DAYS_PER_YEAR;
}

/**
 * Energy a rooftop array gives on an average day (J): its rated power times the yield,
 * where the yield is the energy one kW of panels gives in a year (J per kW, as published).
 */
export function solarEnergyPerDay(panelPower: number, yieldPerKwYear: number): number {
  return perDay((panelPower / 1000) * yieldPerKwYear);
}

/** Energy a device drawing `power` W uses running `secondsPerDay` a day (J). */
export function deviceEnergyPerDay(power: number, secondsPerDay: number): number {
  return power * secondsPerDay;
}

/** The round-the-clock power a fleet's daily energy averages to (W). */
export function averagePower(energyPerDay: number, count: number): number {
  return (count * energyPerDay) / SECONDS_PER_DAY;
}
