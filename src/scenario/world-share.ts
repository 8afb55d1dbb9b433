import type { Catalog } from '../catalog/catalog.js';
import { shareOfWorld, type WorldBaseline } from '../catalog/world.js';
import { formatQuantity } from '../units/format.js';
import type { YearRow } from './outputs.js';

/** The year data/power.yaml's world electricity figure is for. */
const ELECTRICITY_YEAR = 2024;

/** A program's year as shares of the world's (each undefined where the world adds none). */
export interface WorldShareYear {
  year: number;
  accelerators_added?: number | undefined;
  h100e_added?: number | undefined;
  power_added?: number | undefined;
  capex?: number | undefined;
  /** The program's energy as a share of the world's electricity that year. */
  electricity: number;
}

export interface WorldShare {
  /** The world scenario the shares are of. */
  baseline: string;
  years: WorldShareYear[];
  /** One sentence each where the program needs more than the world makes or any plan has. */
  warnings: string[];
}

/** World electricity generation in a year (J), from the catalog's latest year and growth. */
export function worldElectricity(catalog: Catalog, year: number): number {
  const w = catalog.power.world;
  return w.electricityGeneration.value * (1 + w.electricityGrowth.value) ** (year - ELECTRICITY_YEAR);
}

/**
 * A program's yearly figures against the world baseline: its share of the accelerators,
 * H100e, power and capex the world adds each year, and of the world's electricity, with a
 * warning where it takes more than the world makes, or more electricity than all data
 * centres are expected to use.
 */
export function worldShare(rows: readonly YearRow[], world: WorldBaseline, catalog: Catalog): WorldShare {
  const years: WorldShareYear[] = [];
  const over: Record<'accelerators' | 'h100e' | 'power', WorldShareYear | undefined> = {
    accelerators: undefined,
    h100e: undefined,
    power: undefined,
  };
  let electricity: WorldShareYear | undefined;
  const datacenters = catalog.power.world.datacenterShare2030.value;
  for (const row of rows) {
    const share: WorldShareYear = {
      year: row.year,
      electricity: row.energy / worldElectricity(catalog, row.year),
    };
    for (const output of ['accelerators_added', 'h100e_added', 'power_added', 'capex'] as const)
      share[output] = shareOfWorld(world, output, row.year, row[output]);
    if ((share.accelerators_added ?? 0) > 1) over.accelerators ??= share;
    if ((share.h100e_added ?? 0) > 1) over.h100e ??= share;
    if ((share.power_added ?? 0) > 1) over.power ??= share;
    if (share.electricity > datacenters) electricity ??= share;
    years.push(share);
  }
  const pct = (v: number | undefined) => formatQuantity(v ?? 0, 'fraction');
  const warnings: string[] = [];
  if (over.accelerators)
    warnings.push(
      `it installs more accelerators than the world makes: ${pct(over.accelerators.accelerators_added)} of the world's in ${over.accelerators.year}`,
    );
  else if (over.h100e)
    warnings.push(
      `it adds more compute than the world makes: ${pct(over.h100e.h100e_added)} of the world's H100e in ${over.h100e.year}`,
    );
  if (over.power)
    warnings.push(
      `it brings more power online than the world does for all AI: ${pct(over.power.power_added)} of it in ${over.power.year}`,
    );
  if (electricity)
    warnings.push(
      `it uses ${pct(electricity.electricity)} of the world's electricity in ${electricity.year}, more than all data centres use in any published plan (${pct(datacenters)} in 2030, IEA)`,
    );
  return { baseline: world.file, years, warnings };
}
