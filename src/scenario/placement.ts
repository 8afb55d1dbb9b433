import type { Generation } from './inputs.js';
import type { TimelineRun } from './timeline-run.js';

/** Install `installs` of this month's purchase on the sites with the most spare power first; count what it cost and drew. */
export function place(run: TimelineRun, installs: number): void {
  const p = run.purchase;
  if (run.siteSpare.length > 1) placeAcrossSites(run, installs);
  else placeAtOneSite(run, installs);
  run.installedByGeneration[p.generation] = (run.installedByGeneration[p.generation] ?? 0) + installs;
  const gen = run.inputs.generations[p.generation] as Generation;
  const capex = installs * (p.price + p.facilityCapex);
  run.capex += capex;
  run.spent += capex;
  run.h100eAdded += installs * gen.h100e * p.performance;
  const power = installs * gen.itPower * run.a.pue;
  run.deployedPowerEver += power;
  run.powerInstalled += power;
}

/**
 * One site (or none: no power limit): everything goes there, rounding leftovers too. Kept
 * apart from the many-site case so this common one is small enough to inline.
 */
function placeAtOneSite(run: TimelineRun, installs: number): void {
  const p = run.purchase;
  let left = installs;
  const here =
    run.siteSpare.length === 0
      ? left
      : Math.min(left, Math.floor((run.siteSpare[0] as number) / p.powerEach));
  if (here > 0) {
    run.fleet.add(p, 0, here);
    left -= here;
  }
  if (left > 0) run.fleet.add(p, 0, left);
}

function placeAcrossSites(run: TimelineRun, installs: number): void {
  const { siteSpare, order, purchase: p } = run;
  let left = installs;
  // Most spare first; the sort is stable, so ties keep site order.
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((x, y) => (siteSpare[y] as number) - (siteSpare[x] as number));
  const roomiest = order[0] ?? 0;
  for (const site of order) {
    if (left <= 0) break;
    const here = Math.min(left, Math.floor((siteSpare[site] as number) / p.powerEach));
    if (here <= 0) continue;
    run.fleet.add(p, site, here);
    left -= here;
  }
  // Rounding across sites can leave a few over; they go to the roomiest site.
  if (left > 0) run.fleet.add(p, roomiest, left);
}
