import type { WorldShare } from '../scenario/world-share.js';
import { formatQuantity } from '../units/format.js';

/** Shares too small to read are said to be small, not printed to eight places. */
const percent = (v: number | undefined) =>
  v === undefined ? '–' : v > 0 && v < 0.001 ? '<0.1%' : formatQuantity(v, 'fraction');

/** A program's share of the world, year by year, as the terminal and the explorer show it. */
export function worldShareTable(world: WorldShare): { header: string[]; rows: string[][]; caption: string } {
  return {
    header: ['Year', 'Accelerators added', 'H100e added', 'Power added', 'Capex', 'Electricity'],
    rows: world.years.map((y) => [
      String(y.year),
      percent(y.accelerators_added),
      percent(y.h100e_added),
      percent(y.power_added),
      percent(y.capex),
      percent(y.electricity),
    ]),
    caption: `Shares of what the world adds each year in ${world.baseline} at its medians; electricity: of all the world's.`,
  };
}
