/**
 * A yearly rate of change as a factor since a month, for the prices and FLOP/s of a
 * generation as the timeline buys it month after month.
 */
const yearsSince = (month: number, from: number) => Math.max(0, month - from) / 12;

/**
 * (1 + rate) ** years since `from`, remembered per rate: a power costs ~70 ns and a run
 * needs two a month, while most rates are the same fixed number in every sample. The
 * cached value is the same expression, so results do not change. Rates drawn afresh per
 * sample fill the cache up to its cap and are then computed directly.
 */
const trendCache = new Map<number, Float64Array>();
const TREND_RATES = 256;
const TREND_MONTHS = 1200;

export function trend(rate: number, month: number, from: number): number {
  // Small enough for the engine to inline into the month loop; the table lookup is not.
  return rate === 0 ? 1 : rememberedTrend(rate, month, from);
}

function rememberedTrend(rate: number, month: number, from: number): number {
  const offset = Math.max(0, month - from);
  if (offset >= TREND_MONTHS) return (1 + rate) ** yearsSince(month, from);
  let table = trendCache.get(rate);
  if (!table) {
    if (trendCache.size >= TREND_RATES) return (1 + rate) ** yearsSince(month, from);
    table = new Float64Array(TREND_MONTHS).fill(Number.NaN);
    trendCache.set(rate, table);
  }
  let factor = table[offset] as number;
  if (Number.isNaN(factor)) {
    factor = (1 + rate) ** yearsSince(month, from);
    table[offset] = factor;
  }
  return factor;
}
