import { InputError } from '../errors.js';
import { grouped, quote, shown } from '../text.js';
import { type Dimension, LIMIT_TEXT, NOUN } from '../units/dimensions.js';
import { formatQuantity } from '../units/format.js';
import { limitOf, parseQuantity } from '../units/parse.js';
import { type Distribution, interval, pert, quantile } from './distributions.js';

/**
 * Distributions as people write them, with units:
 *   "0.35 to 0.45", "30% to 45%", "$25k to $35k"  a 90% interval (lognormal if both ends
 *                                                  are positive, normal otherwise)
 *   normal(mean, sd)        lognormal(median, sigma)   (sigma of the natural log)
 *   uniform(low, high)      triangular(low, mode, high)      pert(low, mode, high)
 *   mixture(0.7: 1 to 2 GW; 0.3: normal(3 GW, 0.5 GW))       weights, then distributions
 * Anything else is read as a single quantity.
 */
export function parseDistribution(
  text: string | number,
  dimension: Dimension,
  /** A typical value of the input, for messages; and how deep in mixtures this text sits. */
  context: { example?: string | undefined; depth?: number } = {},
): Distribution {
  const { example } = context;
  if (typeof text === 'number') return { kind: 'point', value: parseQuantity(text, dimension, example) };
  if (text.length > MAX_TEXT)
    throw new InputError(
      `a distribution is written in at most ${grouped(MAX_TEXT)} characters; got ${grouped(text.length)}`,
    );
  const t = text.trim();
  const call = /^([a-z]+)\s*\((.*)\)$/is.exec(t);
  if (call) return parseCall((call[1] as string).toLowerCase(), call[2] as string, dimension, t, context);
  const range = rangeEnds(t);
  if (range) {
    const high = range[1];
    const low = shareUnit(range[0], high);
    const a = parseQuantity(low, dimension, example);
    const b = parseQuantity(high, dimension, example);
    if (a >= b)
      throw new InputError(
        `in ${quote(t)} the low end (${shown(low.trim())}) must be below the high end (${shown(high.trim())})`,
      );
    return interval(a, b);
  }
  return { kind: 'point', value: parseQuantity(t, dimension, example) };
}

/**
 * The two ends of a range written "a to b", "a-b", "a – b" or "a — b"; undefined for
 * anything else. A hyphen counts only between a number (or its unit) and the next number,
 * so "-5%" and "1e-3" stay single values.
 */
export function rangeEnds(text: string): [string, string] | undefined {
  const to = /^(.+?)\s+to\s+(.+)$/i.exec(text);
  if (to) return [to[1] as string, to[2] as string];
  const dash = /^(.*?[\d%a-zA-Zµ$)])\s*(?:[–—]|\s-\s|-(?=[$.\d]))\s*([$.\d].*)$/.exec(text);
  if (!dash || /\d[eE]$/.test(dash[1] as string)) return undefined;
  return [dash[1] as string, dash[2] as string];
}

/** Longer than any distribution a person writes: refused before any pattern looks at it. */
const MAX_TEXT = 1000;
/** Mixtures inside mixtures, at most this deep. */
const MAX_DEPTH = 3;
/** Parts of one mixture, at most. */
const MAX_PARTS = 20;

const BARE_NUMBER = /^[+-]?\d[\d,]*(\.\d+)?([eE][+-]?\d+)?$/;

/** "30 to 45%" means "30% to 45%", "1 to 2 GW" means "1 GW to 2 GW", "25k to $35k" means "$25k". */
function shareUnit(low: string, high: string): string {
  const l = low.trim();
  const h = high.trim();
  const dollar = h.startsWith('$') && !l.startsWith('$') ? '$' : '';
  const unit = h.replace(/^\$?\s*[+-]?\d[\d,]*(\.\d+)?([eE][+-]?\d+)?/, '');
  if (BARE_NUMBER.test(l)) return `${dollar}${l}${unit}`;
  return `${dollar}${l}`;
}

function splitArguments(body: string, separator: ',' | ';'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  // A comma followed by three digits is a thousands separator ("16,384"), not a new argument.
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === '(') depth++;
    if (c === ')') depth--;
    // Only the next four characters and the last one are looked at, so long input stays linear.
    const thousands =
      separator === ',' &&
      c === ',' &&
      /^\d{3}(?!\d)/.test(body.slice(i + 1, i + 5)) &&
      /\d/.test(current[current.length - 1] ?? '');
    if (c === separator && depth === 0 && !thousands) {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  parts.push(current.trim());
  return parts.filter((p) => p !== '');
}

const ARITY: Record<string, number> = { normal: 2, lognormal: 2, uniform: 2, triangular: 3, pert: 3 };

function parseCall(
  name: string,
  body: string,
  dimension: Dimension,
  whole: string,
  context: { example?: string | undefined; depth?: number },
): Distribution {
  if (name === 'mixture' || name === 'mx') return parseMixture(body, dimension, whole, context);
  const arity = ARITY[name];
  if (arity === undefined) {
    throw new InputError(
      `unknown distribution ${quote(name, "'")} in ${quote(whole)}; use normal, lognormal, uniform, triangular, pert, mixture or "a to b"`,
    );
  }
  const args = splitArguments(body, ',');
  if (args.length !== arity)
    throw new InputError(`${name}() takes ${arity} arguments, got ${args.length} in ${quote(whole)}`);
  const q = (i: number, dim: Dimension = dimension) =>
    parseQuantity(args[i] as string, dim, dim === dimension ? context.example : undefined);
  // Every argument is read before any is judged, so a word that is no number is named as such.
  for (let i = 0; i < args.length; i++) q(i, name === 'lognormal' && i === 1 ? 'ratio' : dimension);
  const fail = (why: string): never => {
    throw new InputError(`${shown(whole)}: ${why}`);
  };
  switch (name) {
    case 'normal': {
      const sd = q(1);
      if (!(sd > 0)) fail(`the standard deviation must be positive, got ${shown(args[1] as string)}`);
      return { kind: 'normal', mean: q(0), sd };
    }
    case 'lognormal': {
      const median = q(0);
      const sigma = q(1, 'ratio');
      if (!(median > 0)) fail(`the median must be positive, got ${shown(args[0] as string)}`);
      if (!(sigma > 0)) fail(`sigma must be positive, got ${shown(args[1] as string)}`);
      return { kind: 'lognormal', mu: Math.log(median), sigma };
    }
    case 'uniform': {
      const [low, high] = [q(0), q(1)];
      if (!(low < high))
        fail(
          `the low end (${shown(args[0] as string)}) must be below the high end (${shown(args[1] as string)})`,
        );
      return { kind: 'uniform', low, high };
    }
    default: {
      const [low, mode, high] = [q(0), q(1), q(2)];
      if (!(low < high))
        fail(
          `the low end (${shown(args[0] as string)}) must be below the high end (${shown(args[2] as string)})`,
        );
      if (mode < low || mode > high)
        fail(
          `the mode (${shown(args[1] as string)}) must lie between ${shown(args[0] as string)} and ${shown(args[2] as string)}`,
        );
      return name === 'pert' ? pert(low, mode, high) : { kind: 'triangular', low, mode, high };
    }
  }
}

function parseMixture(
  body: string,
  dimension: Dimension,
  whole: string,
  context: { example?: string | undefined; depth?: number },
): Distribution {
  const depth = context.depth ?? 0;
  if (depth >= MAX_DEPTH) throw new InputError(`mixtures nest at most ${MAX_DEPTH} deep in ${quote(whole)}`);
  const parts = splitArguments(body, ';');
  if (parts.length > MAX_PARTS)
    throw new InputError(`a mixture has at most ${MAX_PARTS} parts, got ${parts.length} in ${quote(whole)}`);
  if (parts.length < 2)
    throw new InputError(
      `mixture() needs two or more "weight: distribution" parts separated by ";" in ${quote(whole)}`,
    );
  const weights: number[] = [];
  const components: Distribution[] = [];
  for (const part of parts) {
    const match = /^([^:]+):(.+)$/s.exec(part);
    if (!match)
      throw new InputError(
        `mixture part ${quote(part)} should read "weight: distribution", e.g. "0.3: 1 to 2"`,
      );
    const weight = parseQuantity((match[1] as string).trim(), 'fraction');
    if (!(weight > 0))
      throw new InputError(`mixture weights must be positive, got "${(match[1] as string).trim()}"`);
    weights.push(weight);
    components.push(
      parseDistribution((match[2] as string).trim(), dimension, { ...context, depth: depth + 1 }),
    );
  }
  const total = weights.reduce((a, b) => a + b, 0);
  return { kind: 'mixture', weights: weights.map((w) => w / total), components };
}

/** Reject a distribution whose 90% interval leaves the input's allowed range. */
export function checkRange(
  d: Distribution,
  dimension: Dimension,
  bounds: { min?: number; max?: number; exclusiveMin?: boolean },
): void {
  const p5 = quantile(d, 0.05);
  const p95 = quantile(d, 0.95);
  const limit = limitOf(dimension);
  const show = (v: number) => formatQuantity(v, dimension);
  // Checked first, so no percentile past the finite range is ever formatted.
  for (const [name, v] of [
    ['5th', p5],
    ['95th', p95],
  ] as const)
    if (!(Math.abs(v) <= limit))
      throw new InputError(
        `its ${name} percentile is past the largest ${NOUN[dimension].replace(/^an? /, '')} gigawatt takes (${v < 0 ? '-' : ''}${LIMIT_TEXT[dimension]}); narrow the distribution`,
      );
  const { min, max, exclusiveMin } = bounds;
  if (min !== undefined && (exclusiveMin ? p5 <= min : p5 < min)) {
    throw new InputError(
      `its 5th percentile (${show(p5)}) is ${exclusiveMin ? 'at or ' : ''}below the smallest allowed value (${show(min)})`,
    );
  }
  if (max !== undefined && p95 > max) {
    throw new InputError(
      `its 95th percentile (${show(p95)}) is above the largest allowed value (${show(max)})`,
    );
  }
}

/**
 * The range draws of an input are kept in: its own bounds, and never past the limit of
 * its kind, so a far tail cannot carry a sample out of the finite range.
 */
export function drawRange(
  dimension: Dimension,
  bounds: { min?: number | undefined; max?: number | undefined },
): { min: number; max: number } {
  const limit = limitOf(dimension);
  return { min: Math.max(bounds.min ?? -limit, -limit), max: Math.min(bounds.max ?? limit, limit) };
}
