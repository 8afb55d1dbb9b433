import type { Catalog } from '../catalog/catalog.js';
import { nameplateFor } from '../model/power-supply.js';
import { type Distribution, median } from '../uncertainty/distributions.js';
import type { ParsedScenario } from './inputs.js';
import { monthIndex } from './months.js';
import { shareOfSource } from './site-power.js';

/** One source's part of a request at its steepest, against the world's yearly build of it. */
export interface SourceNeed {
  source: string;
  /** Share of the site's power from this source. */
  mix: number;
  /** Firm watts a year the request asks of it. */
  firmPerYear: number;
  /** Nameplate watts a year behind them. */
  nameplatePerYear: number;
  /** The world's yearly build of it (watts of nameplate), where one is published. */
  worldBuild?: number | undefined;
  /** Share of the world's yearly build the request needs, and the share the site can get. */
  shareNeeded?: number | undefined;
  shareAvailable: number;
}

export interface PowerNeeds {
  site: string;
  /** The request's steepest pace (watts a year) and the month it starts. */
  pace: number;
  from: number;
  sources: SourceNeed[];
}

/**
 * What each site's request takes at its steepest: each source's part of that pace in firm
 * and nameplate watts a year, as a share of the world's yearly build of it, beside the
 * share the site can get. Taken at the file's medians; build growth is left out, so it says
 * what the request asks of today's factories and grid.
 */
export function powerNeeds(parsed: ParsedScenario, catalog: Catalog): PowerNeeds[] {
  const fallback = catalog.assumptions.power_build_share.value;
  return parsed.scenario.sites.flatMap((site, i) => {
    const { request, power } = site;
    const mix = power?.mix;
    if (!request || !power || !mix) return [];
    let pace = 0;
    let from = monthIndex(request[0]?.at ?? parsed.scenario.span.start);
    for (let j = 1; j < request.length; j++) {
      const a = request[j - 1] as (typeof request)[number];
      const b = request[j] as (typeof request)[number];
      const years = (monthIndex(b.at) - monthIndex(a.at)) / 12;
      const slope = (median(b.power) - median(a.power)) / years;
      if (slope > pace) {
        pace = slope;
        from = monthIndex(a.at);
      }
    }
    const sources = (parsed.powerSources[i] ?? []).map((source): SourceNeed => {
      const part = median(mix[source.id] as Distribution);
      const firmPerYear = part * pace;
      const nameplatePerYear = nameplateFor(firmPerYear, source.capacityFactor.value);
      const worldBuild = source.worldBuildPerYear?.value;
      return {
        source: source.id,
        mix: part,
        firmPerYear,
        nameplatePerYear,
        worldBuild,
        shareNeeded: worldBuild ? nameplatePerYear / worldBuild : undefined,
        shareAvailable: shareOfSource(power, source.id, median, fallback),
      };
    });
    return [{ site: site.name, pace, from, sources }];
  });
}
