import type { Figure } from './types.js';

/** A quantity over time: linear between dated points. */
export interface DatedSeries {
  points: Array<{ month: number; value: number; figure: Figure }>;
}

/**
 * A dated series at a month: linear between points, and past the last point growing at
 * `growth` a year (by default the growth of the last interval) — so a scenario can say how
 * it believes the trend continues.
 */
export function seriesAt(series: DatedSeries, month: number, growth?: number): number {
  const pts = series.points;
  const first = pts[0];
  if (!first) return 0;
  if (month <= first.month) return first.value;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as (typeof pts)[number];
    const b = pts[i] as (typeof pts)[number];
    if (month <= b.month) return a.value + ((b.value - a.value) * (month - a.month)) / (b.month - a.month);
  }
  const last = pts[pts.length - 1] as (typeof pts)[number];
  const before = pts[pts.length - 2];
  const yearly =
    growth ?? (before ? (last.value / before.value) ** (12 / (last.month - before.month)) - 1 : 0);
  return last.value * (1 + yearly) ** ((month - last.month) / 12);
}
