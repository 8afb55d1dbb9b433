import { SECONDS_PER_HOUR } from '../units/dimensions.js';

/**
 * Training compute by the standard dense-transformer approximation C = 6·N·D (Kaplan et
 * al. 2020): 2 FLOP per parameter per token forward, 4 backward. For mixture-of-experts
 * models N is the active parameter count. Attention FLOP are left out, as in most
 * published figures.
 */
export function trainingFlop(activeParams: number, tokens: number): number {
  return 6 * activeParams * tokens;
}

/**
 * Effective training throughput of a cluster (FLOP/s): peak times model FLOP utilization
 * (MFU, while running) times goodput (share of wall-clock time spent making progress,
 * after failures, restarts and checkpoints).
 */
export function effectiveThroughput(
  count: number,
  peakFlopsPerAccelerator: number,
  mfu: number,
  goodput: number,
): number {
  return fleetTrainingThroughput(count * peakFlopsPerAccelerator, mfu, goodput);
}

/** The same for a fleet whose peak FLOP/s are already summed (mixed generations at one site). */
export function fleetTrainingThroughput(peakFlops: number, mfu: number, goodput: number): number {
  return peakFlops * mfu * goodput;
}

/** Wall-clock seconds to do `flop` of training on a cluster. */
export function trainingDuration(flop: number, throughputFlops: number): number {
  return flop / throughputFlops;
}

/** Training FLOP a cluster does in `seconds` of wall-clock time. */
export function trainingCompute(seconds: number, throughputFlops: number): number {
  return seconds * throughputFlops;
}

/** Accelerators needed to do `flop` of training within `seconds` (whole accelerators). */
export function acceleratorsForTraining(
  flop: number,
  seconds: number,
  perAcceleratorThroughput: number,
): number {
  return Math.ceil(flop / (seconds * perAcceleratorThroughput));
}

/**
 * Compute-optimal split of a compute budget (Hoffmann et al. 2022, "Chinchilla"): with
 * D = r·N tokens per parameter and C = 6·N·D, N = sqrt(C / 6r) and D = r·N.
 */
export function chinchillaOptimal(flop: number, tokensPerParam: number): { params: number; tokens: number } {
  const params = Math.sqrt(flop / (6 * tokensPerParam));
  return { params, tokens: params * tokensPerParam };
}

/**
 * The compute-optimal run a token budget supports: the inverse of `chinchillaOptimal`. With
 * D tokens and D = r·N, N = D / r and C = 6·N·D = 6·D² / r.
 */
export function computeOptimalFlop(tokens: number, tokensPerParam: number): number {
  return (6 * tokens * tokens) / tokensPerParam;
}

/** A training run: its compute, its accelerators and its wall-clock length. */
export interface TrainingRun {
  flop: number;
  count: number;
  duration: number;
}

/** Effective FLOP/s per accelerator, after MFU and goodput, as a function of the run's size. */
export type PerAcceleratorThroughput = (count: number) => number;

/**
 * Any two of a run's compute, accelerator count and duration give the third, at a
 * throughput per accelerator that may fall with the run's size. Given compute and
 * duration, the count is the least whole number that does it; undefined when no count
 * can (past some size, adding accelerators loses more to interruptions than it adds).
 */
export function solveTrainingRun(
  given:
    | { flop: number; count: number }
    | { flop: number; duration: number }
    | { count: number; duration: number },
  perAccelerator: PerAcceleratorThroughput,
): TrainingRun | undefined {
  if ('flop' in given && 'count' in given)
    return { ...given, duration: trainingDuration(given.flop, given.count * perAccelerator(given.count)) };
  if ('flop' in given) {
    const count = acceleratorsAtScale(given.flop, given.duration, perAccelerator);
    return count === undefined ? undefined : { ...given, count };
  }
  return { ...given, flop: trainingCompute(given.duration, given.count * perAccelerator(given.count)) };
}

/**
 * The least count whose throughput does `flop` in `seconds`. Throughput per accelerator
 * only falls with size, so iterating count ← flop / (seconds · perAccelerator(count))
 * from below rises to the fixed point, or passes the size past which the total falls.
 */
function acceleratorsAtScale(
  flop: number,
  seconds: number,
  perAccelerator: PerAcceleratorThroughput,
): number | undefined {
  let count = acceleratorsForTraining(flop, seconds, perAccelerator(1));
  for (let i = 0; i < 200; i++) {
    const next = acceleratorsForTraining(flop, seconds, perAccelerator(count));
    if (next <= count) return count;
    // More accelerators now give less in total: no count is enough.
    if (next * perAccelerator(next) <= count * perAccelerator(count)) return undefined;
    count = next;
  }
  return undefined;
}

/** A run's accelerator-hours and its cost at an ownership cost per accelerator-hour. */
export function runCost(run: Pick<TrainingRun, 'count' | 'duration'>, costPerAcceleratorHour: number) {
  const acceleratorHours = (run.count * run.duration) / SECONDS_PER_HOUR;
  return { acceleratorHours, cost: acceleratorHours * costPerAcceleratorHour };
}
