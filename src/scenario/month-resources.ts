import { CODE } from './constraints.js';
import type { SitePlan } from './inputs.js';
import type { TimelineRun } from './timeline-run.js';

/**
 * What a month has to spend: the capital released so far and not yet spent, and each
 * site's power (delivered, requested and brought online, or following the accelerators).
 */

/**
 * Each site's power this month less its fleet's draw, into `siteSpare`; the sites' total
 * power (NaN without sites). Sites that bring their own power online get it here, paying
 * for power plants before accelerators, and say which part of power held them back.
 */
export function sparePower(run: TimelineRun, month: number): number {
  const sites = run.inputs.sites;
  run.powerPart = CODE.power;
  run.powerCapex = 0;
  run.powerRequested = 0;
  if (!sites) return Number.NaN;
  const delivery = run.delivery;
  delivery.beginMonth();
  const history = run.inputs.world ? month <= run.inputs.world.historyEnd : false;
  let total = 0;
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i] as SitePlan;
    let power: number;
    if (site.powerAt) {
      power = site.powerAt(month);
      run.powerRequested += power;
    } else {
      if (site.power?.requestAt) run.powerRequested += site.power.requestAt(month);
      const left = run.inputs.capital ? capitalLeft(run) - delivery.capex : Number.POSITIVE_INFINITY;
      const got = site.power?.requestAt
        ? delivery.requested(i, month, left)
        : delivery.available(i, month, left, history);
      power = got.power;
      if (got.part !== CODE.power) run.powerPart = got.part;
    }
    total += power;
    run.siteSpare[i] = Math.max(0, power - (run.fleet.siteUse[i] ?? 0));
  }
  run.powerCapex = delivery.capex;
  run.spent += delivery.capex;
  run.capex += delivery.capex;
  return total;
}

/** After the month's installs, sites whose power follows their accelerators build what these draw. */
export function settlePower(run: TimelineRun, month: number): void {
  const sites = run.inputs.sites ?? [];
  const delivery = run.delivery;
  const before = delivery.capex;
  let total = 0;
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i] as SitePlan;
    if (site.power) {
      delivery.settle(i, run.fleet.siteUse[i] ?? 0);
      total += delivery.deliveredAt(i);
      if (!site.power.requestAt) run.powerRequested += delivery.deliveredAt(i);
    } else total += site.powerAt?.(month) ?? 0;
  }
  const spent = delivery.capex - before;
  run.powerCapex += spent;
  run.spent += spent;
  run.capex += spent;
  run.powerAvailable = total;
}

/** Capital released and not yet spent (a world's history was paid for before its capital plan). */
export function capitalLeft(run: TimelineRun): number {
  return run.capitalAvailable - (run.spent - run.spentInHistory);
}

/** Capital released so far: commitments to date, and per GW ever deployed (up to its cap). */
export function releaseCapital(run: TimelineRun, month: number): number {
  const capital = run.inputs.capital;
  run.released += capital?.releasedByMonth(month) ?? 0;
  const perGw = capital?.perGw;
  const perGwReleased = perGw ? Math.min(perGw.upTo, (perGw.amount * run.deployedPowerEver) / 1e9) : 0;
  return run.released + perGwReleased;
}
