/**
 * A training run's compute as the product of its hardware and how well it was used:
 * compute = chips × peak FLOP/s per chip × wall-clock seconds × utilization, where
 * utilization is what is left (MFU times goodput, over the whole run).
 */

export interface RunHardware {
  flop: number;
  chips: number;
  /** Dense peak FLOP/s per chip at the run's precision. */
  chipPeak: number;
  /** Wall-clock seconds. */
  duration: number;
}

/** Achieved FLOP over peak FLOP for the whole run. */
export function runUtilization(run: RunHardware): number {
  return run.flop / (run.chips * run.chipPeak * run.duration);
}

/**
 * A growth in compute split into factors whose product is the growth: the chip's peak, the
 * number of chips and the run's length from `from` to `to`, and the rest as utilization
 * (which also carries any gap between the runs compared and the `growth` they stand for).
 */
export function growthFactors(from: RunHardware, to: RunHardware, growth: number) {
  const chip = to.chipPeak / from.chipPeak;
  const count = to.chips / from.chips;
  const duration = to.duration / from.duration;
  return { chip, count, duration, utilization: growth / (chip * count * duration) };
}
