import type { Command } from 'commander';
import { InputError, unknownId } from '../errors.js';
import { defaultWorkers, maxWorkers } from '../io/threads.js';
import { grouped, quote } from '../text.js';
import type { CorrelationSpec } from '../uncertainty/correlation.js';
import { parseQuantity } from '../units/parse.js';

/**
 * Flags the Monte Carlo runs of `calc` and `run` share, and their parsers. Declaring them
 * costs nothing at start-up; the run itself (uncertain.ts) loads only when one is asked for.
 */

export interface MonteCarloFlagValues {
  samples?: string;
  seed?: string;
  quantiles?: string;
  workers?: string;
}

/** The Monte Carlo flags of `calc`. */
export interface UncertaintyOptions extends MonteCarloFlagValues {
  json?: boolean;
  outputs?: string;
  sensitivity?: string;
  correlate?: string[];
  chart?: string;
}

/** Samples a calculator's Monte Carlo run draws unless told. */
export const DEFAULT_SAMPLES = 10_000;

/**
 * The most samples one run may ask for: a calculator does about two million a second per
 * thread, so this is under a minute; a scenario sample costs a thousand times more.
 */
export const MAX_SAMPLES = { calculator: 100_000_000, scenario: 1_000_000 } as const;

export const workersHelp = () =>
  `threads sharing a large Monte Carlo run, this one included (default ${defaultWorkers()}: one per core, up to 8; at most ${maxWorkers()}); the figures do not depend on it`;

export function addUncertaintyOptions(command: Command): void {
  command
    .option(
      '--samples <n>',
      `Monte Carlo samples (default ${grouped(DEFAULT_SAMPLES)} when an input is a distribution; at most ${grouped(MAX_SAMPLES.calculator)})`,
    )
    .option('--seed <n>', 'random seed; the same seed gives the same figures (default 1)')
    .option('--quantiles <list>', 'percentiles to report, e.g. "5,50,95" (the default)')
    .option(
      '--sensitivity <output>',
      'rank the uncertain inputs by the swing each causes in this output (a tornado)',
    )
    .option(
      '--correlate <a,b=rho>',
      'rank-correlate two uncertain inputs, e.g. "pue,it_power=0.5" (repeatable)',
      (v: string, all: string[] = []) => [...all, v],
    )
    .option('--chart <file>', 'with --sensitivity: draw the tornado to an .svg or .png file')
    .option('--workers <n>', workersHelp());
}

/** --outputs: names from `known`, in the calculator's order; an unknown one is named with the nearest. */
export function parseOutputs(text: string, known: readonly string[]): string[] {
  const wanted = text
    .split(',')
    .map((name) => name.trim().replaceAll('-', '_'))
    .filter(Boolean);
  if (wanted.length === 0)
    throw new InputError(`--outputs: expected output names separated by commas, got ${quote(text)}`);
  for (const name of wanted)
    if (!known.includes(name)) throw new InputError(`--outputs: ${unknownId('output', name, known)}`);
  return known.filter((name) => wanted.includes(name));
}

/** A whole-number flag, written as counts are anywhere ("10000", "10_000", "1.5k", "2M"). */
export function wholeNumber(flag: string, text: string, min: number, max = Number.POSITIVE_INFINITY): number {
  let value = Number.NaN;
  try {
    value = parseQuantity(text.replaceAll('_', ''), 'count');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
  }
  const range = Number.isFinite(max) ? `from ${grouped(min)} to ${grouped(max)}` : `of at least ${min}`;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new InputError(`${flag}: expected a whole number ${range}, got ${quote(text)}`);
  return value;
}

/** --samples, --seed, --quantiles and --workers, checked and bounded. */
export function monteCarloFlags(
  options: MonteCarloFlagValues,
  defaultSamples: number,
  maxSamples: number,
  defaultQuantiles: readonly number[] = [0.05, 0.5, 0.95],
) {
  return {
    samples:
      options.samples === undefined
        ? defaultSamples
        : wholeNumber('--samples', options.samples, 1, maxSamples),
    seed: options.seed === undefined ? 1 : wholeNumber('--seed', options.seed, 0, 2 ** 32 - 1),
    quantiles: options.quantiles === undefined ? [...defaultQuantiles] : parseQuantiles(options.quantiles),
    workers:
      options.workers === undefined
        ? defaultWorkers()
        : wholeNumber('--workers', options.workers, 1, maxWorkers()),
  };
}

export function parseQuantiles(text: string): number[] {
  const parts = text.split(',');
  const values = parts.map((part) => (/^\s*\d+(\.\d+)?\s*$/.test(part) ? Number(part) : Number.NaN));
  if (parts.length > 99 || values.some((v) => !(v > 0 && v < 100))) {
    throw new InputError(
      `--quantiles: expected percentiles between 0 and 100 separated by commas, e.g. "5,50,95", got ${quote(text)}`,
    );
  }
  return values.map((v) => v / 100);
}

/** "pue,it_power=0.5": two inputs and a rank correlation strictly between -1 and 1. */
export function parseCorrelation(text: string): CorrelationSpec {
  const match = /^\s*([a-z_-]+)\s*,\s*([a-z_-]+)\s*=\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*$/i.exec(text);
  const rho = Number(match?.[3]);
  if (!match || !(rho > -1 && rho < 1))
    throw new InputError(
      `--correlate: expected "input,input=rho" with rho strictly between -1 and 1, e.g. "pue,it_power=0.5", got ${quote(text)}`,
    );
  const name = (s: string) => s.replaceAll('-', '_');
  return { a: name(match[1] as string), b: name(match[2] as string), spearman: rho };
}

/** The flags of `run`. */
export interface RunOptions {
  csv?: string | boolean;
  set?: string[];
  yearlyCsv?: string;
  xlsx?: string;
  json?: string | boolean;
  chart?: string;
  compare?: boolean;
  year?: string;
  samples?: string;
  seed?: string;
  quantiles?: string;
  sensitivity?: string;
  workers?: string;
}

/** Samples a scenario's Monte Carlo run draws unless told. */
export const DEFAULT_SCENARIO_SAMPLES = 1000;
