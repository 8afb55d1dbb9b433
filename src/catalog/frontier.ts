import type { Figure, Precision, Source } from './types.js';

/** The largest single campus in service at a year's end: a 90% interval and a median (facility W). */
export interface CampusYear {
  year: number;
  low: Figure;
  median: Figure;
  high: Figure;
}

/** A training run actually done, with its compute. */
export interface KnownRun {
  id: string;
  name: string;
  developer: string;
  /** "YYYY-MM". */
  date: string;
  year: number;
  compute: Figure;
  hardware?: string | undefined;
  /** Structured hardware, where published: the chips, their type or peak, and the wall-clock length. */
  chips?: Figure | undefined;
  /** Catalog accelerator id, when the catalog has the chip. */
  accelerator?: string | undefined;
  /** Dense peak FLOP/s per chip at the run's precision, for chips the accelerator catalog lacks. */
  chipPeak?: Figure | undefined;
  /** The number format the run trained in (16-bit unless said). */
  precision: Precision;
  /** Wall-clock length of the run (s). */
  duration?: Figure | undefined;
}

export interface FrontierCatalog {
  campus: CampusYear[];
  runs: KnownRun[];
  sources: Source[];
}

/**
 * The largest campus in a year: each of low, median and high interpolated geometrically
 * between the listed years; undefined outside them.
 */
export function campusInYear(
  frontier: FrontierCatalog,
  year: number,
): { low: number; median: number; high: number; sources: Source[] } | undefined {
  const { campus } = frontier;
  const after = campus.findIndex((c) => c.year >= year);
  if (after < 0 || (after === 0 && (campus[0] as CampusYear).year !== year)) return undefined;
  const next = campus[after] as CampusYear;
  const sources = (c: CampusYear) => [c.low.source, c.median.source, c.high.source];
  if (next.year === year)
    return { low: next.low.value, median: next.median.value, high: next.high.value, sources: sources(next) };
  const prev = campus[after - 1] as CampusYear;
  const t = (year - prev.year) / (next.year - prev.year);
  const between = (a: Figure, b: Figure) => a.value * (b.value / a.value) ** t;
  return {
    low: between(prev.low, next.low),
    median: between(prev.median, next.median),
    high: between(prev.high, next.high),
    sources: [...sources(prev), ...sources(next)],
  };
}

/** The largest known run of each year (by compute). */
export function largestRunsByYear(frontier: FrontierCatalog): KnownRun[] {
  const best = new Map<number, KnownRun>();
  for (const run of frontier.runs) {
    const held = best.get(run.year);
    if (!held || run.compute.value > held.compute.value) best.set(run.year, run);
  }
  return [...best.values()].sort((a, b) => a.year - b.year);
}

/** The largest run done by the end of a year (of those `where` accepts), if any. */
export function largestRunBy(
  frontier: FrontierCatalog,
  year: number,
  where: (run: KnownRun) => boolean = () => true,
): KnownRun | undefined {
  return largestRunBefore({ ...frontier, runs: frontier.runs.filter(where) }, year + 1);
}

/** The largest run done before a year, if any. */
export function largestRunBefore(frontier: FrontierCatalog, year: number): KnownRun | undefined {
  let best: KnownRun | undefined;
  for (const run of frontier.runs)
    if (run.year < year && (!best || run.compute.value > best.compute.value)) best = run;
  return best;
}
