import { describeClaim, describeDifference, describeTolerance, parseTolerance, within } from './tolerance.js';

/** Unless a figure says otherwise, it is held to within 10%: press figures are round. */
export const DEFAULT_TOLERANCE = '10%';

/** A published fact the model should reproduce, a claim the model tests, or someone's forecast. */
export type FigureKind = 'published' | 'claims' | 'forecasts';

export interface Verdict {
  holds: boolean;
  /** How the figure compares with the model (claims) or the model with the figure (published). */
  difference: string;
  tolerance: string;
  verdict: string;
}

/**
 * The first of a run's years whose value reaches a figure (or comes within its tolerance
 * below it), and the claim's verdict on it: by the year it was claimed for, or not.
 */
export function judgeFirstReached(
  figure: number,
  years: ReadonlyArray<{ year: number; value: number }>,
  byYear: number,
  toleranceText: string = DEFAULT_TOLERANCE,
): { holds: boolean; year: number | undefined; verdict: string } {
  const tolerance = parseTolerance(toleranceText);
  const first = years.find((y) => y.value >= figure || within(y.value, figure, tolerance));
  if (!first) {
    const last = years[years.length - 1];
    return { holds: false, year: undefined, verdict: `not reached by ${last?.year ?? byYear}` };
  }
  const holds = first.year <= byYear;
  const span = (n: number) => (n === 1 ? '1 year' : `${n} years`);
  const when =
    first.year === byYear
      ? 'on time'
      : holds
        ? `${span(byYear - first.year)} early`
        : `${span(first.year - byYear)} late`;
  return { holds, year: first.year, verdict: `first reached in ${first.year} (${when})` };
}

/**
 * How far below a bound a figure lies, and what that says of the bound: "1/4.4× of the
 * bound", "... : tight" within a factor of 3, "... : loose" past a factor of 30.
 */
export function describeBoundGap(figure: number, bound: number): { ratio: number; text: string } {
  const ratio = figure / bound;
  const gap =
    ratio > 1
      ? `${Number(ratio.toPrecision(2))}×`
      : ratio >= 0.5
        ? `${Math.round(ratio * 100)}%`
        : `1/${Number((1 / ratio).toPrecision(2))}`;
  if (ratio > 1) return { ratio, text: `${gap} the bound: above it` };
  if (ratio >= 1 / 3) return { ratio, text: `${gap} of the bound: tight` };
  if (ratio >= 1 / 30) return { ratio, text: `${gap} of the bound` };
  return { ratio, text: `${gap} of the bound: loose` };
}

/** A figure the model bounds from above: it holds at or below the model's value. */
export function judgeUnderBound(figure: number, bound: number): Verdict {
  const { ratio, text } = describeBoundGap(figure, bound);
  return {
    holds: ratio <= 1,
    difference: describeDifference(figure, bound),
    tolerance: 'at most the model',
    verdict: ratio <= 1 ? `below the bound (${text})` : `above the bound (${text})`,
  };
}

/**
 * Hold a figure against the model: the one judgement checks and scenario claims share. A
 * figure inside the model's 90% interval (when its inputs are uncertain) holds whatever
 * the tolerance. A published fact says how far off the model is ("off by +12% (±5%)"); a
 * claim says how it compares with the model ("claim is 25% above the model").
 */
export function judge(
  kind: FigureKind,
  figure: number,
  model: number,
  toleranceText: string = DEFAULT_TOLERANCE,
  interval?: readonly [number, number],
): Verdict {
  const tolerance = parseTolerance(toleranceText);
  const shown = describeTolerance(tolerance);
  const difference =
    kind === 'published' ? describeDifference(model, figure) : describeDifference(figure, model);
  if (interval && figure >= interval[0] && figure <= interval[1])
    return { holds: true, difference, tolerance: shown, verdict: 'inside the 90% interval' };
  const holds = within(model, figure, tolerance);
  if (kind === 'published')
    return {
      holds,
      difference,
      tolerance: shown,
      verdict: holds ? `holds (${shown})` : `off by ${difference} (${shown})`,
    };
  return {
    holds,
    difference,
    tolerance: shown,
    verdict: holds
      ? `consistent (${shown})`
      : model === 0
        ? 'the model never gets there'
        : `${kind === 'forecasts' ? 'forecast' : 'claim'} is ${describeClaim(figure, model)}`,
  };
}
