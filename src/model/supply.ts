/**
 * From accelerators to silicon: dies per wafer, yield, wafers, packaging, memory stacks,
 * lithography tools and fabs. Plain numbers in SI units; areas in m².
 */

export const WAFER_DIAMETER = 0.3;

/**
 * Gross dies per wafer by the usual approximation: wafer area over die area, less the
 * partial dies lost around the edge (π·d / √(2·S)).
 */
export function grossDiesPerWafer(dieArea: number, waferDiameter = WAFER_DIAMETER): number {
  const waferArea = Math.PI * (waferDiameter / 2) ** 2;
  const edgeLoss = (Math.PI * waferDiameter) / Math.sqrt(2 * dieArea);
  return Math.max(0, Math.floor(waferArea / dieArea - edgeLoss));
}

/** Clustering parameter of the negative-binomial yield model; 3 is the common choice for logic. */
export const DEFECT_CLUSTERING = 3;

/**
 * Die yield by the negative-binomial model (Stapper): Y = (1 + A·D0/α)^-α, with die area
 * A, defect density D0 (per m² here) and clustering α. It lies between Poisson (α→∞) and
 * Murphy-like models, and is what foundry yield calculators use.
 */
export function dieYield(dieArea: number, defectDensity: number, clustering = DEFECT_CLUSTERING): number {
  return (1 + (dieArea * defectDensity) / clustering) ** -clustering;
}

export interface PackageSpec {
  computeDies: number;
  computeDieArea: number;
  interposerArea: number;
  hbmStacks: number;
}

export interface ProcessSpec {
  waferPrice: number;
  defectDensity: number;
  fabCost: number;
  /** Wafer starts per month of one fab. */
  fabWaferStarts: number;
  euvLayers: number;
}

export interface LithographySpec {
  toolPrice: number;
  wafersPerHour: number;
  availability: number;
}

export interface SupplyNeeds {
  grossDiesPerWafer: number;
  dieYield: number;
  goodDiesPerWafer: number;
  logicWafers: number;
  packagesPerCowosWafer: number;
  cowosWafers: number;
  hbmStacks: number;
  euvExposures: number;
  euvTools: number;
  fabs: number;
  fabCapex: number;
  waferCost: number;
}

const HOURS_PER_YEAR = 8766;

/** What `units` accelerators a year take from the supply chain. */
export function supplyNeeds(
  units: number,
  pkg: PackageSpec,
  process: ProcessSpec,
  euv: LithographySpec,
  packagingYield: number,
  /** Area of a packaging carrier over a 300 mm wafer's: panels carry more interposers each. */
  carrierArea = 1,
): SupplyNeeds {
  const gross = grossDiesPerWafer(pkg.computeDieArea);
  const yieldShare = dieYield(pkg.computeDieArea, process.defectDensity);
  const good = gross * yieldShare;
  const logicWafers = (units * pkg.computeDies) / good / packagingYield;
  const packagesPerCowosWafer = grossDiesPerWafer(pkg.interposerArea) * packagingYield * carrierArea;
  const cowosWafers = units / packagesPerCowosWafer;
  const euvExposures = logicWafers * process.euvLayers;
  const exposuresPerTool = euv.wafersPerHour * HOURS_PER_YEAR * euv.availability;
  const fabs = logicWafers / (process.fabWaferStarts * 12);
  return {
    grossDiesPerWafer: gross,
    dieYield: yieldShare,
    goodDiesPerWafer: good,
    logicWafers,
    packagesPerCowosWafer,
    cowosWafers,
    hbmStacks: (units * pkg.hbmStacks) / packagingYield,
    euvExposures,
    euvTools: euvExposures / exposuresPerTool,
    fabs,
    fabCapex: fabs * process.fabCost,
    waferCost: logicWafers * process.waferPrice,
  };
}

/** Accelerators a year that `fabs` leading-edge fabs can make the logic for. */
export function unitsFromFabs(
  fabs: number,
  pkg: PackageSpec,
  process: ProcessSpec,
  packagingYield: number,
): number {
  const good = grossDiesPerWafer(pkg.computeDieArea) * dieYield(pkg.computeDieArea, process.defectDensity);
  return (fabs * process.fabWaferStarts * 12 * good * packagingYield) / pkg.computeDies;
}

export interface CapacityCosts {
  /** Capital to add one CoWoS wafer per month of capacity. */
  cowosCapexPerWaferMonth: number;
  /** Capital to add capacity for one HBM stack per year. */
  hbmCapexPerStackYear: number;
}

/**
 * Capital to add the capacity for one more accelerator a year, split into logic fabs,
 * advanced packaging and HBM: the three bottlenecks a "$7T for chips" plan must buy.
 */
export function capexPerUnitYear(
  pkg: PackageSpec,
  process: ProcessSpec,
  costs: CapacityCosts,
  packagingYield: number,
): { logic: number; packaging: number; memory: number; total: number } {
  const one = supplyNeeds(
    1,
    pkg,
    process,
    { toolPrice: 0, wafersPerHour: 1, availability: 1 },
    packagingYield,
  );
  const logic = one.fabs * process.fabCost;
  const packaging = (one.cowosWafers / 12) * costs.cowosCapexPerWaferMonth;
  const memory = one.hbmStacks * costs.hbmCapexPerStackYear;
  return { logic, packaging, memory, total: logic + packaging + memory };
}

/** Accelerators a year that `capital` of new capacity makes, at a capital cost per accelerator-year of capacity. */
export function unitsForCapital(capital: number, capexPerUnitYearTotal: number): number {
  return capital / capexPerUnitYearTotal;
}

/** The shares of a year's CoWoS wafers and HBM stacks that some needs take. */
export function supplyShares(
  needs: Pick<SupplyNeeds, 'cowosWafers' | 'hbmStacks'>,
  capacity: { cowosWafersPerMonth: number; hbmStacksPerYear: number },
): { cowos: number; hbm: number } {
  return {
    cowos: needs.cowosWafers / (capacity.cowosWafersPerMonth * 12),
    hbm: needs.hbmStacks / capacity.hbmStacksPerYear,
  };
}

/** CoWoS wafers and HBM stacks one accelerator of a package takes (before packaging yield). */
export function perUnitInputs(pkg: Pick<PackageSpec, 'interposerArea' | 'hbmStacks'>): {
  cowosWafers: number;
  hbmStacks: number;
} {
  return { cowosWafers: 1 / grossDiesPerWafer(pkg.interposerArea), hbmStacks: pkg.hbmStacks };
}

/**
 * A vendor line's output relative to a base period, when it keeps its share of CoWoS and
 * HBM capacity: each capacity's growth since then, times how many more of this package than
 * of the base mix that capacity makes. The lesser of the two binds.
 */
export function lineOutputIndex(
  growth: { cowos: number; hbm: number },
  base: { cowosWafers: number; hbmStacks: number },
  now: { cowosWafers: number; hbmStacks: number },
): number {
  return Math.min(
    (growth.cowos * base.cowosWafers) / now.cowosWafers,
    (growth.hbm * base.hbmStacks) / now.hbmStacks,
  );
}
