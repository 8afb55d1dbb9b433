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

/** A training run: its compute, its accelerators and its wall-clock length. */
export interface TrainingRun {
  flop: number;
  count: number;
  duration: number;
}

/**
 * Any two of a run's compute, accelerator count and duration give the third, at a
 * throughput per accelerator (FLOP/s, after MFU and goodput). Given compute and duration,
 * the count is rounded up to whole accelerators.
 */
export function solveTrainingRun(
  given:
    | { flop: number; count: number }
    | { flop: number; duration: number }
    | { count: number; duration: number },
  perAcceleratorThroughput: number,
): TrainingRun {
  if ('flop' in given && 'count' in given)
    return { ...given, duration: trainingDuration(given.flop, given.count * perAcceleratorThroughput) };
  if ('flop' in given)
    return { ...given, count: acceleratorsForTraining(given.flop, given.duration, perAcceleratorThroughput) };
  return { ...given, flop: trainingCompute(given.duration, given.count * perAcceleratorThroughput) };
}

/** A run's accelerator-hours and its cost at an ownership cost per accelerator-hour. */
export function runCost(run: Pick<TrainingRun, 'count' | 'duration'>, costPerAcceleratorHour: number) {
  const acceleratorHours = (run.count * run.duration) / SECONDS_PER_HOUR;
  return { acceleratorHours, cost: acceleratorHours * costPerAcceleratorHour };
}
