import { SECONDS_PER_YEAR } from '../units/dimensions.js';

/**
 * Bringing power online: how much firm power a way of generating or buying it can deliver,
 * how soon, at what cost. A datacenter draws a flat load, so a source's nameplate is the
 * load divided by its capacity factor (the share of nameplate that serves that load on
 * average); orders wait a lead time, then arrive at the rate the buyer's share of the
 * world's yearly build of that equipment allows, or all at once where nothing limits it.
 */

/** One way to bring power online as the model sees it, in SI units. */
export interface PowerOption {
  id: string;
  /** Seconds from decision to first power. */
  leadTime: number;
  capacityFactor: number;
  /** USD per watt of nameplate. */
  costPerWatt: number;
  /** Watts of nameplate a year this buyer can get (its share of the world's build); Infinity when not equipment-bound. */
  buildPerYear: number;
  /** Watts of nameplate that exist once (reactors that can restart); Infinity for a built-to-order source. */
  stock: number;
  /** Comes through the grid (its lead time is an interconnection wait). */
  grid: boolean;
}

/** Nameplate watts needed to serve a flat load of `load` watts. */
export function nameplateFor(load: number, capacityFactor: number): number {
  return load / capacityFactor;
}

/** Capital to build the nameplate that serves `load` watts (USD). */
export function powerCapex(
  load: number,
  option: Pick<PowerOption, 'capacityFactor' | 'costPerWatt'>,
): number {
  return nameplateFor(load, option.capacityFactor) * option.costPerWatt;
}

/** Firm watts an option has delivered `t` seconds after the decision to build it. */
export function deliverableBy(option: PowerOption, t: number): number {
  if (t < option.leadTime) return 0;
  const rateBound =
    option.buildPerYear === Number.POSITIVE_INFINITY
      ? Number.POSITIVE_INFINITY
      : (option.buildPerYear * (t - option.leadTime)) / SECONDS_PER_YEAR;
  return Math.min(option.stock, rateBound) * option.capacityFactor;
}

/** The longest wait the model looks for an answer within (seconds). */
export const HORIZON = 100 * SECONDS_PER_YEAR;

/** Seconds until `options` together can deliver `load` watts, or Infinity beyond the horizon. */
export function timeToDeliver(load: number, options: readonly PowerOption[]): number {
  const total = (t: number) => options.reduce((sum, o) => sum + deliverableBy(o, t), 0);
  if (load <= 0) return 0;
  if (total(HORIZON) < load) return Number.POSITIVE_INFINITY;
  // Deliverable power never falls as time passes: bisect to within an hour.
  let low = 0;
  let high = HORIZON;
  while (high - low > 3600) {
    const mid = (low + high) / 2;
    if (total(mid) >= load) high = mid;
    else low = mid;
  }
  return high;
}

/** What one option contributes to a mix: firm watts, the nameplate behind them, and its cost. */
export interface MixPart {
  id: string;
  load: number;
  nameplate: number;
  capex: number;
}

/**
 * The fastest way to bring `load` watts online from `options`: the soonest time they can
 * deliver it together, and each one's part at that time (the shortest lead times first, as
 * much as each has delivered by then). Empty parts and an infinite time when it cannot be
 * done within the horizon.
 */
export function fastestMix(
  load: number,
  options: readonly PowerOption[],
): { time: number; parts: MixPart[] } {
  const time = timeToDeliver(load, options);
  if (!Number.isFinite(time)) return { time, parts: [] };
  const parts: MixPart[] = [];
  let left = load;
  for (const option of [...options].sort((a, b) => a.leadTime - b.leadTime)) {
    if (left <= 0) break;
    const take = Math.min(left, deliverableBy(option, time));
    if (take <= 0) continue;
    parts.push({
      id: option.id,
      load: take,
      nameplate: nameplateFor(take, option.capacityFactor),
      capex: powerCapex(take, option),
    });
    left -= take;
  }
  return { time, parts };
}

/**
 * Power one source delivers by a month: what was asked of it a lead time ago, within what
 * was delivered the month before plus what a month of its build allows.
 */
export function deliveredNow(
  dueFromRequest: number,
  deliveredBefore: number,
  buildThisMonth: number,
): number {
  return Math.max(deliveredBefore, Math.min(dueFromRequest, deliveredBefore + buildThisMonth));
}
