import { computeOptimalFlop, fleetTrainingThroughput, trainingCompute } from './training.js';

/**
 * The largest training run a year allows, bounded separately by power, chips, data and
 * the latency wall (after Sevilla et al., "Can AI Scaling Continue Through 2030?", Epoch
 * AI 2024, and Erdil and Schneider-Joseph, "Data movement limits to frontier model
 * training", 2024). Each bound is the FLOP of one run of a given length; the least binds.
 */

export const FRONTIER_CONSTRAINTS = [
  'power_campus',
  'power_distributed',
  'chips',
  'data',
  'latency',
] as const;

export type FrontierConstraint = (typeof FRONTIER_CONSTRAINTS)[number];

/** A run on a pool of accelerators: its FLOP, and the count and utilization it ran at. */
export interface FleetRun {
  flop: number;
  count: number;
  mfu: number;
  goodput: number;
}

/** MFU and goodput of a run of `count` accelerators over `sites` sites (model/training-scale.ts, or fixed). */
export type UtilizationAt = (count: number, sites: number) => { mfu: number; goodput: number };

/**
 * The FLOP a pool of dense peak FLOP/s does over `duration`, spread over `sites`, at the
 * utilization its accelerator count allows.
 */
export function runOnPool(
  pool: { peakFlops: number; flopsPerAccelerator: number; sites: number },
  utilization: UtilizationAt,
  duration: number,
): FleetRun {
  const count = pool.peakFlops / pool.flopsPerAccelerator;
  const { mfu, goodput } = utilization(count, pool.sites);
  const flop = trainingCompute(duration, fleetTrainingThroughput(pool.peakFlops, mfu, goodput));
  return { flop, count, mfu, goodput };
}

/** The training data a year offers, each part a count of tokens. */
export interface TokenStock {
  /** Public text (deduplicated) at the base year. */
  text: number;
  /** Yearly growth of the public text stock. */
  textGrowth: number;
  /** Years since the base year. */
  years: number;
  /** Images, video and audio, counted as the text tokens they are worth. */
  multimodal: number;
  /** Share of the natural data worth training on. */
  quality: number;
  /** How many times the data can be seen before repetition stops paying (effective epochs). */
  epochs: number;
  /** Synthetic tokens worth training on. */
  synthetic: number;
}

/**
 * Effective training tokens (Epoch's method): the natural stock grown to the year, filtered
 * for quality and repeated, plus synthetic tokens.
 */
export function effectiveTokens(stock: TokenStock): number {
  const text = stock.text * (1 + stock.textGrowth) ** stock.years;
  return (text + stock.multimodal) * stock.quality * stock.epochs + stock.synthetic;
}

/** The largest compute-optimal run the data allows. */
export function dataBoundRun(tokens: number, tokensPerParam: number): number {
  return computeOptimalFlop(tokens, tokensPerParam);
}

/**
 * Layers of a compute-optimal dense model of N parameters: L = 0.088 · N^0.27, Erdil and
 * Schneider-Joseph's fit to Hoffmann et al.'s models, as Epoch uses it (Llama 3.1 405B:
 * 119 by the fit, 126 built).
 */
export const DEPTH = { coefficient: 0.088, exponent: 0.27 } as const;

/** What the latency wall depends on. */
export interface LatencyWall {
  /** Wall-clock length of the run (s). */
  duration: number;
  /** The least time one layer's forward and backward pass takes in an optimizer step (s). */
  layerLatency: number;
  /** Tokens per optimizer step past which larger batches stop saving steps. */
  criticalBatch: number;
  tokensPerParam: number;
}

/**
 * The most FLOP a compute-optimal run of fixed length can use when every optimizer step
 * takes at least layers × per-layer latency (Epoch 2024, appendix on the latency wall):
 * T ≥ latency · L(N) · D / B with D = r·N and L = c·N^a gives
 * N = (T · B / (r · latency · c))^(1 / (1 + a)), and C = 6·N·D.
 */
export function latencyBoundRun(w: LatencyWall): {
  flop: number;
  params: number;
  tokens: number;
  layers: number;
  steps: number;
} {
  const params =
    ((w.duration * w.criticalBatch) / (w.tokensPerParam * w.layerLatency * DEPTH.coefficient)) **
    (1 / (1 + DEPTH.exponent));
  const tokens = w.tokensPerParam * params;
  return {
    flop: 6 * params * tokens,
    params,
    tokens,
    layers: DEPTH.coefficient * params ** DEPTH.exponent,
    steps: tokens / w.criticalBatch,
  };
}

/** The constraint whose bound is least (the first of equals, in FRONTIER_CONSTRAINTS order). */
export function bindingConstraint(bounds: Readonly<Record<FrontierConstraint, number>>): FrontierConstraint {
  let least: FrontierConstraint = FRONTIER_CONSTRAINTS[0];
  for (const c of FRONTIER_CONSTRAINTS) if (bounds[c] < bounds[least]) least = c;
  return least;
}
