import { parseInput, parseInputs } from '../calculators/inputs.js';
import { evaluate, nonFiniteError, nonFiniteOutput, prepareKernel } from '../calculators/run.js';
import type { Calculator, Kernel, ParsedInputs, QuantityInput } from '../calculators/types.js';
import type { Catalog } from '../catalog/catalog.js';
import { InputError, unknownId, withContext } from '../errors.js';
import { BASE_UNIT } from '../units/dimensions.js';
import { type BlockClaim, blockRange } from './blocks.js';
import { type CorrelationSpec, copulaFactor } from './correlation.js';
import { isUncertain, median, quantile } from './distributions.js';
import { checkRange, drawRange, parseDistribution } from './parse.js';
import { floatColumns, Sampler, type UncertainInput } from './sampler.js';
import { addBlock, emptySketch, mergeInto, type SketchData, sketchQuantile } from './sketch.js';

/**
 * Samples are drawn and summed in blocks of this size; the block order fixes the sums.
 * Small enough that a 10k-sample run splits evenly across two threads, large enough that
 * per-block set-up is lost in the sampling.
 */
export const BLOCK = 1024;

export interface MonteCarloOptions {
  samples: number;
  seed: number;
  /** Cumulative probabilities to report, e.g. [0.05, 0.5, 0.95]. */
  quantiles: readonly number[];
  correlations?: readonly CorrelationSpec[];
  /** Wall-clock time (ms since the epoch) after which the run stops with an input error. */
  deadline?: number;
  /** Summarize only these outputs (default: all); the rest are not computed where avoidable. */
  outputs?: readonly string[];
  label?: (name: string) => string;
  onProgress?: (done: number, total: number) => void;
}

export interface OutputSummary {
  unit: string;
  mean: number;
  /** Keyed "p5", "p50", "p95", ... */
  quantiles: Record<string, number>;
}

export interface MonteCarloResult {
  calculator: string;
  samples: number;
  seed: number;
  uncertain: Array<{ name: string; written: string; unit: string; quantiles: Record<string, number> }>;
  outputs: Record<string, OutputSummary>;
  /** Samples whose drawn inputs the calculator rejected (e.g. a site too small for one accelerator). */
  rejected: number;
}

export const quantileKey = (q: number) => `p${Number((q * 100).toPrecision(6))}`;

export interface SplitInputs {
  fixed: Record<string, unknown>;
  uncertain: UncertainInput[];
  written: Record<string, string>;
}

/** "a to b" or "name(...)": anything else is a plain quantity, validated as one. */
function looksLikeDistribution(text: string): boolean {
  return /\sto\s/i.test(text) || /^\s*[a-z]+\s*\(/i.test(text);
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
  sampler: Sampler;
  fast?: Kernel | undefined;
  deadline?: number | undefined;
  /** The outputs summarized, in the calculator's order. */
  outputNames: string[];
  label: (name: string) => string;
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
  return {
    calc,
    catalog,
    base,
    uncertain,
    written,
    sampler: new Sampler(uncertain, options.seed, factor),
    fast,
    outputNames: chosenOutputs(calc, options.outputs, label),
    deadline: options.deadline,
    label,
  };
}

/** What the blocks one thread ran contribute: bin counts, each block's sums, rejects. */
export interface BlockTally {
  sketches: SketchData[];
  /** The blocks run, in the order they were claimed. */
  blocks: number[];
  /** blockSums[o][k]: output o summed over block blocks[k], in sample order. */
  blockSums: number[][];
  rejected: number;
  seen: boolean[];
}

/**
 * Each output's block sums added in block order, whichever thread ran each block: the same
 * total for any number of threads.
 */
function sumsInBlockOrder(tallies: readonly BlockTally[], outputs: number, blocks: number): number[] {
  const byBlock = Array.from({ length: outputs }, () => new Float64Array(blocks));
  for (const t of tallies)
    t.blocks.forEach((block, k) => {
      for (let o = 0; o < outputs; o++)
        (byBlock[o] as Float64Array)[block] = (t.blockSums[o] as number[])[k] as number;
    });
  return byBlock.map((sums) => {
    let total = 0;
    for (const sum of sums) total += sum;
    return total;
  });
}

/** Draw and evaluate the blocks `claim` hands out, of a run of `samples`. */
export function sampleBlocks(
  p: PreparedRun,
  claim: BlockClaim,
  samples: number,
  onBlock?: () => void,
): BlockTally {
  const { calc, catalog, base, uncertain, sampler, fast, label, outputNames } = p;
  const draws = floatColumns(uncertain.length, BLOCK);
  const columns = floatColumns(outputNames.length, BLOCK);
  const sketches = outputNames.map(() => emptySketch());
  const blockSums = outputNames.map(() => [] as number[]);
  const seen = outputNames.map(() => false);
  let rejected = 0;
  const blocks: number[] = [];
  const total = blockCount(samples);
  for (let block = claim(); block < total; block = claim()) {
    blocks.push(block);
    const start = block * BLOCK;
    const length = Math.min(BLOCK, samples - start);
    sampler.draw(start, length, draws);
    let kept = 0;
    if (fast) {
      const byName = Object.fromEntries(uncertain.map((u, k) => [u.name, draws[k] as Float64Array]));
      const out = Object.fromEntries(outputNames.map((name, o) => [name, columns[o] as Float64Array]));
      kept = fast.evaluate(byName, length, out);
      rejected += length - kept;
      if (kept > 0) seen.fill(true);
    }
    for (let j = 0; !fast && j < length; j++) {
      const given: ParsedInputs = { ...base };
      for (let k = 0; k < uncertain.length; k++)
        given[(uncertain[k] as UncertainInput).name] = (draws[k] as Float64Array)[j];
      let values: Record<string, number>;
      try {
        values = evaluate(calc, catalog, given, label).values;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        rejected++;
        continue;
      }
      for (let o = 0; o < outputNames.length; o++) {
        const v = values[outputNames[o] as string];
        if (v === undefined) continue;
        if (!Number.isFinite(v)) throw nonFiniteDraws(p, given, outputNames[o] as string);
        seen[o] = true;
        (columns[o] as Float64Array)[kept] = v;
      }
      kept++;
    }
    for (let o = 0; o < outputNames.length; o++) {
      const column = columns[o] as Float64Array;
      addBlock(sketches[o] as SketchData, column, kept);
      let sum = 0;
      for (let j = 0; j < kept; j++) sum += column[j] as number;
      // A non-finite sum is the only sign the fast path gives of a sample out of range.
      if (!Number.isFinite(sum)) throw nonFiniteBlock(p, draws, length, outputNames[o] as string);
      (blockSums[o] as number[]).push(sum);
    }
    onBlock?.();
    checkDeadline(p.deadline, samples);
  }
  return { sketches, blocks, blockSums, rejected, seen };
}

/** The error for a sample whose results left the finite range: the input to blame, named. */
function nonFiniteDraws(p: PreparedRun, given: ParsedInputs, output: string): InputError {
  const medians = new Map(p.uncertain.map((u) => [u.name, median(u.distribution)]));
  return nonFiniteError(
    p.calc,
    p.catalog,
    given,
    output,
    p.label,
    (spec) => medians.get(spec.name) ?? (parseInput(spec, spec.example) as number),
    new Set(medians.keys()),
  );
}

/** A block whose sum of `output` left the finite range: find a sample that did it, and blame an input. */
function nonFiniteBlock(p: PreparedRun, draws: Float64Array[], length: number, output: string): InputError {
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

/** Give up once past the deadline: one request must not hold the machine. */
export function checkDeadline(deadline: number | undefined, samples: number): void {
  if (deadline !== undefined && Date.now() > deadline)
    throw new InputError(`${samples} samples took longer than the time limit; ask for fewer samples`);
}

export const blockCount = (samples: number) => Math.ceil(samples / BLOCK);

/** Merge the threads' tallies into the run's summary, block sums in block order. */
export function finishMonteCarlo(
  p: PreparedRun,
  options: MonteCarloOptions,
  tallies: readonly BlockTally[],
): MonteCarloResult {
  const { calc, uncertain, written, outputNames } = p;
  const rejected = tallies.reduce((n, t) => n + t.rejected, 0);
  if (rejected * 2 > options.samples) {
    throw new InputError(
      `${rejected} of ${options.samples} samples were impossible for ${calc.name}; narrow the distributions`,
    );
  }
  const outputs: Record<string, OutputSummary> = {};
  const sums = sumsInBlockOrder(tallies, outputNames.length, blockCount(options.samples));
  outputNames.forEach((name, o) => {
    const sketch = emptySketch();
    for (const t of tallies) mergeInto(sketch, t.sketches[o] as SketchData);
    if (!tallies.some((t) => t.seen[o]) || sketch.count === 0) return;
    const sum = sums[o] as number;
    const spec = calc.outputs.find((s) => s.name === name) as Calculator['outputs'][number];
    outputs[name] = {
      unit: BASE_UNIT[spec.dimension],
      mean: sum / sketch.count,
      quantiles: Object.fromEntries(
        options.quantiles.map((q) => [quantileKey(q), sketchQuantile(sketch, q)]),
      ),
    };
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
    rejected,
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
  const blocks = blockCount(options.samples);
  const { onProgress } = options;
  let done = 0;
  const tally = sampleBlocks(
    p,
    blockRange(0, blocks),
    options.samples,
    // No callback without a listener: a fresh closure per run would unsettle optimized code.
    onProgress && (() => onProgress(Math.min(options.samples, ++done * BLOCK), options.samples)),
  );
  return finishMonteCarlo(p, options, [tally]);
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

export interface SensitivityRow {
  input: string;
  low: number;
  high: number;
  swing: number;
}

/**
 * A tornado: each uncertain input moved from its 5th to its 95th percentile with the rest
 * at their medians, ranked by how far it swings the output.
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
  const at = (moved: UncertainInput | undefined, q: number) => {
    const given = withValues(base, uncertain, (u) =>
      u === moved ? quantile(u.distribution, q) : median(u.distribution),
    );
    const v = evaluate(calc, catalog, given, label).values[output];
    if (v === undefined) throw new InputError(`${calc.name} gives no ${output} for these inputs`);
    return v;
  };
  const rows = uncertain
    .map((u) => {
      const low = at(u, 0.05);
      const high = at(u, 0.95);
      return { input: u.name, low, high, swing: Math.abs(high - low) };
    })
    .sort((a, b) => b.swing - a.swing);
  return { base: at(undefined, 0.5), rows, unit: BASE_UNIT[spec.dimension] };
}
