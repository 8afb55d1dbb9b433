import type { Figure, Source } from './types.js';

/**
 * data/yardsticks.yaml: what claims are held against. The economy and past programs (for
 * "as a share of GDP"), national grids and homes (for "national-grid scale", "10 kW of solar
 * a home"), limits of energy per operation, rental prices, and the deals the claims are about.
 */

export interface GdpYear {
  year: number;
  value: Figure;
}

export interface Program {
  id: string;
  name: string;
  start: number;
  end: number;
  /** Then-year dollars. */
  cost: Figure;
  peakYear: number;
  peakShare: Figure;
}

export interface Deal {
  id: string;
  name: string;
  value?: Figure | undefined;
  years?: Figure | undefined;
  start?: Figure | undefined;
  power?: Figure | undefined;
  buildTime?: Figure | undefined;
  installTime?: Figure | undefined;
}

export interface Grid {
  id: string;
  name: string;
  /** A year's electricity, J. */
  electricity: Figure;
}

export interface Yardsticks {
  gdp: GdpYear[];
  programs: Program[];
  deals: Deal[];
  rental: { accelerator: string; hourlyPrice: Figure }[];
  efficiency: {
    landauer: Figure;
    cmosLimit: Figure;
    green500Best: Figure;
    neuromorphicBest: Figure;
    rainComputeClaim: Figure;
    rainEfficiencyClaim: Figure;
  };
  grids: Grid[];
  homes: { solarYieldUs: Figure; solarYieldGermany: Figure; householdUse: Figure };
  sources: Source[];
}

/** The latest year of GDP the catalog has. */
export function latestGdp(yardsticks: Yardsticks): GdpYear {
  return yardsticks.gdp.at(-1) as GdpYear;
}
