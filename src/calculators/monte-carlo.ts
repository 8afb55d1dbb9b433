import type { Catalog } from '../catalog/catalog.js';
import { InputError, unknownId, withContext } from '../errors.js';
import { blockRange } from '../uncertainty/blocks.js';
import { type CorrelationSpec, copulaFactor } from '../uncertainty/correlation.js';
import { isUncertain, median, quantile } from '../uncertainty/distributions.js';
import {
  type BlockModel,
  blockCount,
  mergeTallies,
  quantileKey,
  type RunOptions,
  type Summary,
  sampleBlocks,
  summarize,
  type Tally,
} from '../uncertainty/driver.js';
import { checkRange, drawRange, parseDistribution, rangeEnds } from '../uncertainty/parse.js';
import { Sampler, type UncertainInput } from '../uncertainty/sampler.js';
import { type SensitivityRow, tornado } from '../uncertainty/tornado.js';
import { BASE_UNIT } from '../units/dimensions.js';
import { parseInput, parseInputs } from './inputs.js';
import { evaluate, nonFiniteError, nonFiniteOutput, prepareKernel } from './run.js';
import type { Calculator, ParsedInputs, QuantityInput } from './types.js';

/**
 * A calculator under uncertainty: inputs written as distributions are drawn, the
 * calculator runs per sample (or per block, through its kernel), and each output is
 * summarized. The sampling, blocks and tallies are the one driver's (uncertainty/driver.ts).
 */

/**
 * Samples per block. Small enough that a 10k-sample run splits evenly across two threads,
 * large enough that per-block set-up is lost in the sampling.
 */
export const BLOCK = 1024;

export interface MonteCarloOptions extends RunOptions {
  correlations?: readonly CorrelationSpec[];
  /** Summarize only these outputs (default: all); the rest are not computed where avoidable. */
  outputs?: readonly string[];
  label?: (name: string) => string;
}

export interface OutputSummary extends Summary {
  unit: string;
}

export interface MonteCarloResult {
  calculator: string;
  samples: number;
  seed: number;
  uncertain: Array<{ name: string; written: string; unit: string; quantiles: Record<string, number> }>;
  outputs: Record<string, OutputSummary>;
  /** Samples whose drawn inputs the calculator rejected (e.g. a site too small for one accelerator). */
  rejected: number;
  /** For a calculator of several bounds: the one least in most samples, and each one's share. */
  binding?: Binding | undefined;
}

export interface Binding {
  /** The name of the bound least in most samples. */
  constraint: string;
  /** Share of samples in which each bound is the least, by name. */
  shares: Record<string, number>;
}

/** The binding summary of a Monte Carlo run: the means of the calculator's indicator outputs. */
export function bindingOf(calc: Calculator, outputs: Record<string, { mean: number }>): Binding | undefined {
  if (!calc.binding) return undefined;
  const shares: Record<string, number> = {};
  for (const { output, name } of calc.binding) {
    const mean = outputs[output]?.mean;
    if (mean !== undefined) shares[name] = mean;
  }
  const ranked = Object.entries(shares).sort((a, b) => b[1] - a[1]);
  return ranked[0] ? { constraint: ranked[0][0], shares } : undefined;
}

export interface SplitInputs {
  fixed: Record<string, unknown>;
  uncertain: UncertainInput[];
  written: Record<string, string>;
}

/** "a to b" or "name(...)": anything else is a plain quantity, validated as one. */
function looksLikeDistribution(text: string): boolean {
  return rangeEnds(text.trim()) !== undefined || /^\s*[a-z]+\s*\(/i.test(text);
}

/** Separate the inputs written as distributions from the plain ones. */
export function splitInputs(
  calc: Calculator,
  raw: Record<string, unknown>,
  label: (n: string) => string,
): SplitInputs {
  const fixed: Record<string, unknown> = {};
  const uncertain: UncertainInput[] = [];
  const written: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const spec = calc.inputs.find((s) => s.name === name);
    if (spec?.type !== 'quantity' || typeof value !== 'string' || !looksLikeDistribution(value)) {
      fixed[name] = value;
      continue;
    }
    const q = spec as QuantityInput;
    const distribution = withContext(label(name), () =>
      parseDistribution(value, q.dimension, { example: q.example }),
    );
    if (!isUncertain(distribution)) {
      fixed[name] = value;
      continue;
    }
    withContext(label(name), () => checkRange(distribution, q.dimension, q.bounds ?? {}));
    uncertain.push({
      name,
      distribution,
      ...drawRange(q.dimension, q.bounds ?? {}),
      integer: q.bounds?.integer,
    });
    written[name] = String(value);
  }
  return { fixed, uncertain, written };
}

/** Everything a Monte Carlo run needs, resolved and validated once (on each worker too). */
export interface PreparedRun {
  calc: Calculator;
  catalog: Catalog;
  base: ParsedInputs;
  uncertain: UncertainInput[];
  written: Record<string, string>;
  /** The outputs summarized, in the calculator's order. */
  outputNames: string[];
  label: (name: string) => string;
  /** The run as the driver takes it. */
  model: BlockModel;
}

/** The calculator's outputs, or the chosen ones (checked, in the calculator's order). */
function chosenOutputs(
  calc: Calculator,
  wanted: readonly string[] | undefined,
  label: (n: string) => string,
) {
  const all = calc.outputs.map((o) => o.name);
  if (!wanted) return all;
  for (const name of wanted) {
    if (!all.includes(name))
      throw new InputError(`${label('outputs')}: ${unknownId(`${calc.name} output`, name, all)}`);
  }
  return all.filter((name) => wanted.includes(name));
}

function withValues(
  base: ParsedInputs,
  uncertain: readonly UncertainInput[],
  value: (u: UncertainInput) => number,
): ParsedInputs {
  const given: ParsedInputs = { ...base };
  for (const u of uncertain) given[u.name] = value(u);
  return given;
}

/** The error for a sample whose results left the finite range: the input to blame, named. */
function nonFiniteDraws(p: Omit<PreparedRun, 'model'>, given: ParsedInputs, output: string): InputError {
  const medians = new Map(p.uncertain.map((u) => [u.name, median(u.distribution)]));
  return nonFiniteError(
    { calc: p.calc, catalog: p.catalog, given, label: p.label },
    output,
    (spec) => medians.get(spec.name) ?? (parseInput(spec, spec.example) as number),
    new Set(medians.keys()),
  );
}

export function prepareMonteCarlo(
  calc: Calculator,
  raw: Record<string, unknown>,
  catalog: Catalog,
  options: MonteCarloOptions,
): PreparedRun {
  const label = options.label ?? ((n: string) => n);
  if (!Number.isInteger(options.samples) || options.samples < 1) {
    throw new InputError(`${label('samples')}: expected a whole number of samples of at least 1`);
  }
  const { fixed, uncertain, written } = splitInputs(calc, raw, label);
  const base = parseInputs(calc.inputs, fixed, label);
  const names = uncertain.map((u) => u.name);
  const factor = withContext(label('correlate'), () => copulaFactor(names, options.correlations ?? []));
  // One run at the medians, so impossible combinations fail once with a clear message.
  const medians = withValues(base, uncertain, (u) => median(u.distribution));
  evaluate(calc, catalog, medians, label);
  const kernel = prepareKernel(calc, catalog, medians, label);
  const fast = kernel && uncertain.every((u) => kernel.inputs.includes(u.name)) ? kernel : undefined;
  const outputNames = chosenOutputs(calc, options.outputs, label);
  const run = { calc, catalog, base, uncertain, written, outputNames, label };

  /** Samples through the kernel: a block at a time, compacted past the rejected ones. */
  const throughKernel = (
    draws: readonly Float64Array[],
    length: number,
    columns: Float64Array[],
    seen: Uint8Array,
  ): number => {
    const byName = Object.fromEntries(uncertain.map((u, k) => [u.name, draws[k] as Float64Array]));
    const out = Object.fromEntries(outputNames.map((name, o) => [name, columns[o] as Float64Array]));
    const kept = (fast as NonNullable<typeof fast>).evaluate(byName, length, out);
    if (kept > 0) seen.fill(1);
    return kept;
  };
  /** Samples one at a time through the calculator; an impossible one is left out. */
  const oneByOne = (
    draws: readonly Float64Array[],
    length: number,
    columns: Float64Array[],
    seen: Uint8Array,
  ): number => {
    let kept = 0;
    for (let j = 0; j < length; j++) {
      const given: ParsedInputs = { ...base };
      for (let k = 0; k < uncertain.length; k++)
        given[(uncertain[k] as UncertainInput).name] = (draws[k] as Float64Array)[j];
      let values: Record<string, number>;
      try {
        values = evaluate(calc, catalog, given, label).values;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        continue;
      }
      for (let o = 0; o < outputNames.length; o++) {
        const v = values[outputNames[o] as string];
        if (v === undefined) continue;
        if (!Number.isFinite(v)) throw nonFiniteDraws(run, given, outputNames[o] as string);
        seen[o] = 1;
        (columns[o] as Float64Array)[kept] = v;
      }
      kept++;
    }
    return kept;
  };
  const model: BlockModel = {
    sampler: new Sampler(uncertain, options.seed, factor),
    blockSize: BLOCK,
    stats: outputNames.length,
    counters: 0,
    deadline: options.deadline,
    evaluate: (draws, length, columns, seen) =>
      fast ? throughKernel(draws, length, columns, seen) : oneByOne(draws, length, columns, seen),
    outOfRange: (stat, draws, length) => outOfRangeBlock(run, draws, length, outputNames[stat] as string),
  };
  return { ...run, model };
}

/** A block whose sum of `output` left the finite range: find a sample that did it, and blame an input. */
function outOfRangeBlock(
  p: Omit<PreparedRun, 'model'>,
  draws: readonly Float64Array[],
  length: number,
  output: string,
): InputError {
  for (let j = 0; j < length; j++) {
    const given = withValues(
      p.base,
      p.uncertain,
      (u) => (draws[p.uncertain.indexOf(u)] as Float64Array)[j] as number,
    );
    try {
      const values = evaluate(p.calc, p.catalog, given, p.label).values;
      if (nonFiniteOutput(p.calc, values) !== undefined) return nonFiniteDraws(p, given, output);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  }
  return new InputError(
    `${p.uncertain.map((u) => p.label(u.name)).join(', ')}: their draws take the sum of ${output} past the range of numbers gigawatt computes with; narrow the distributions`,
  );
}

/** Merge the threads' tallies into the run's summary. */
export function finishMonteCarlo(
  p: PreparedRun,
  options: MonteCarloOptions,
  tallies: readonly Tally[],
): MonteCarloResult {
  const { calc, uncertain, written, outputNames } = p;
  const merged = mergeTallies(p.model, tallies, options.samples);
  if (merged.rejected * 2 > options.samples) {
    throw new InputError(
      `${merged.rejected} of ${options.samples} samples were impossible for ${calc.name}; narrow the distributions`,
    );
  }
  const outputs: Record<string, OutputSummary> = {};
  outputNames.forEach((name, o) => {
    if (!merged.seen[o] || (merged.sketches[o]?.count ?? 0) === 0) return;
    const spec = calc.outputs.find((s) => s.name === name) as Calculator['outputs'][number];
    outputs[name] = { unit: BASE_UNIT[spec.dimension], ...summarize(merged, o, options.quantiles) };
  });
  const dimensionOf = (name: string) => (calc.inputs.find((s) => s.name === name) as QuantityInput).dimension;
  return {
    calculator: calc.name,
    samples: options.samples,
    seed: options.seed,
    uncertain: uncertain.map((u) => ({
      name: u.name,
      written: written[u.name] as string,
      unit: BASE_UNIT[dimensionOf(u.name)],
      quantiles: Object.fromEntries(
        options.quantiles.map((q) => [quantileKey(q), quantile(u.distribution, q)]),
      ),
    })),
    outputs,
    rejected: merged.rejected,
    binding: bindingOf(calc, outputs),
  };
}

/** Run the calculator once per sample, on this thread, and summarize each output. */
export function runMonteCarlo(
  calc: Calculator,
  raw: Record<string, unknown>,
  catalog: Catalog,
  options: MonteCarloOptions,
): MonteCarloResult {
  const p = prepareMonteCarlo(calc, raw, catalog, options);
  const { onProgress } = options;
  let done = 0;
  const tally = sampleBlocks(
    p.model,
    blockRange(0, blockCount(options.samples, BLOCK)),
    options.samples,
    // No callback without a listener: a fresh closure per run would unsettle optimized code.
    onProgress && (() => onProgress(Math.min(options.samples, ++done * BLOCK), options.samples)),
  );
  return finishMonteCarlo(p, options, [tally]);
}

/**
 * A calculator's tornado: each input written as a distribution moved from its 5th to its
 * 95th percentile, the rest at their medians, ranked by the swing in one output.
 */
export function sensitivity(
  calc: Calculator,
  raw: Record<string, unknown>,
  catalog: Catalog,
  output: string,
  label: (name: string) => string = (n) => n,
): { base: number; rows: SensitivityRow[]; unit: string } {
  const spec = calc.outputs.find((o) => o.name === output);
  if (!spec)
    throw new InputError(
      `${label('sensitivity')}: ${unknownId(
        `${calc.name} output`,
        output,
        calc.outputs.map((o) => o.name),
      )}`,
    );
  const { fixed, uncertain } = splitInputs(calc, raw, label);
  if (uncertain.length === 0)
    throw new InputError(
      `${label('sensitivity')} needs at least one input written as a distribution, e.g. --pue "1.1 to 1.4"`,
    );
  const base = parseInputs(calc.inputs, fixed, label);
  const { base: at, rows } = tornado(uncertain, (value) => {
    const v = evaluate(calc, catalog, withValues(base, uncertain, value), label).values[output];
    if (v === undefined) throw new InputError(`${calc.name} gives no ${output} for these inputs`);
    return v;
  });
  return { base: at, rows, unit: BASE_UNIT[spec.dimension] };
}
