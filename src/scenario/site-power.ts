import { type Distribution, isDistribution } from '../uncertainty/distributions.js';
import type { ValueOf } from './inputs.js';
import type { Scenario } from './schema.js';

/** How a site brings its power online, as its file writes it. */
export type SitePower = NonNullable<Scenario['sites'][number]['power']>;

/** The shares a site gives source by source; undefined when it gives one for all, or none. */
export function sharesBySource(power: SitePower): Record<string, Distribution> | undefined {
  const share = power.share;
  return share === undefined || isDistribution(share) ? undefined : share;
}

/**
 * The share of the world's yearly build of a source a site can get: its own, the site's
 * one for all, or `fallback` (the assumption power_build_share); each number taken by `pick`.
 */
export function shareOfSource(power: SitePower, id: string, pick: ValueOf, fallback: number): number {
  const share = power.share;
  if (share === undefined) return fallback;
  if (isDistribution(share)) return pick(share);
  const own = share[id];
  return own ? pick(own) : fallback;
}
