import { SECONDS_PER_HOUR, SECONDS_PER_YEAR } from '../units/dimensions.js';
import { annualizedCapex, upkeep } from './finance.js';
import { annualEnergy, facilityPower, itPower } from './power.js';

/** Everything needed to cost a fleet of one accelerator type, in SI units. */
export interface ClusterSpec {
  count: number;
  peakFlopsPerAccelerator: number;
  /** H100-equivalents of one accelerator (model/h100e.ts). */
  h100ePerAccelerator: number;
  itPowerPerAccelerator: number;
  pricePerAccelerator: number;
  pue: number;
  /** Building, power and cooling capex per watt of IT load (USD/W), excluding servers. */
  facilityCapexPerItWatt: number;
  /** USD per joule. */
  electricityPrice: number;
  loadFactor: number;
  /** Annual upkeep as a share of total capex. */
  upkeepRate: number;
  hardwareLifetime: number;
  facilityLifetime: number;
  costOfCapital: number;
}

export interface ClusterEconomics {
  count: number;
  peakFlops: number;
  h100e: number;
  itPower: number;
  facilityPower: number;
  annualEnergy: number;
  acceleratorCapex: number;
  facilityCapex: number;
  totalCapex: number;
  annualEnergyCost: number;
  annualUpkeep: number;
  annualOpex: number;
  annualizedCapex: number;
  /** Ownership cost per accelerator per wall-clock hour: annualized capex plus opex. */
  costPerAcceleratorHour: number;
}

export function clusterEconomics(spec: ClusterSpec): ClusterEconomics {
  const it = itPower(spec.count, spec.itPowerPerAccelerator);
  const facility = facilityPower(it, spec.pue);
  const energy = annualEnergy(facility, spec.loadFactor);
  const acceleratorCapex = spec.count * spec.pricePerAccelerator;
  const facilityCapex = it * spec.facilityCapexPerItWatt;
  const totalCapex = acceleratorCapex + facilityCapex;
  const annualEnergyCost = energy * spec.electricityPrice;
  const annualUpkeep = upkeep(totalCapex, spec.upkeepRate);
  const annualOpex = annualEnergyCost + annualUpkeep;
  const annualized =
    annualizedCapex(acceleratorCapex, spec.costOfCapital, spec.hardwareLifetime) +
    annualizedCapex(facilityCapex, spec.costOfCapital, spec.facilityLifetime);
  const acceleratorHoursPerYear = (spec.count * SECONDS_PER_YEAR) / SECONDS_PER_HOUR;
  return {
    count: spec.count,
    peakFlops: spec.count * spec.peakFlopsPerAccelerator,
    h100e: spec.count * spec.h100ePerAccelerator,
    itPower: it,
    facilityPower: facility,
    annualEnergy: energy,
    acceleratorCapex,
    facilityCapex,
    totalCapex,
    annualEnergyCost,
    annualUpkeep,
    annualOpex,
    annualizedCapex: annualized,
    costPerAcceleratorHour: (annualized + annualOpex) / acceleratorHoursPerYear,
  };
}

/** Capex per accelerator including its share of the building (USD). */
export function capexPerAccelerator(
  spec: Pick<ClusterSpec, 'pricePerAccelerator' | 'itPowerPerAccelerator' | 'facilityCapexPerItWatt'>,
): number {
  return spec.pricePerAccelerator + spec.itPowerPerAccelerator * spec.facilityCapexPerItWatt;
}

/** Accelerators, with their building, a budget buys, fractions included (the timeline compares limits before rounding). */
export function acceleratorsBudgetAllows(
  budget: number,
  spec: Pick<ClusterSpec, 'pricePerAccelerator' | 'itPowerPerAccelerator' | 'facilityCapexPerItWatt'>,
): number {
  return budget / capexPerAccelerator(spec);
}

/** How many accelerators, with their building, a budget buys (whole accelerators). */
export function acceleratorsForBudget(
  budget: number,
  spec: Pick<ClusterSpec, 'pricePerAccelerator' | 'itPowerPerAccelerator' | 'facilityCapexPerItWatt'>,
): number {
  return Math.floor(acceleratorsBudgetAllows(budget, spec));
}
