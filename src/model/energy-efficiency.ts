/**
 * Energy per operation, and what an efficiency claim implies against physical limits.
 * Plain SI numbers: J, FLOP/s, J/FLOP; no IO.
 */

/** Energy a chip spends per FLOP when running at `flops` FLOP/s while drawing `power` W (J/FLOP). */
export function chipEnergyPerFlop(power: number, flops: number): number {
  return power / flops;
}

/** What a chip `improvement` times more efficient than the baseline would spend per FLOP (J/FLOP). */
export function improvedEnergyPerFlop(baseline: number, improvement: number): number {
  return baseline / improvement;
}

export interface EfficiencyLimits {
  /** Epoch's estimate of the least energy per operation CMOS logic can reach (J/FLOP). */
  cmosLimit: number;
  /** Landauer's bound: the least energy erasing one bit costs at room temperature (J). */
  landauerPerBit: number;
}

export interface EfficiencyClaim {
  /** The claimed energy per FLOP (J/FLOP). */
  claimed: number;
  /** How many times more efficient CMOS can get than the baseline at most. */
  headroomToCmosLimit: number;
  /** How far the claim goes past the CMOS limit; above 1 it asks for more than CMOS allows. */
  claimOverCmosLimit: number;
  /** Bit erasures the claimed energy per FLOP pays for at Landauer's bound. */
  landauerBits: number;
}

/** A claim of `improvement` times the baseline's efficiency, held against CMOS and Landauer. */
export function judgeEfficiencyClaim(
  baseline: number,
  improvement: number,
  limits: EfficiencyLimits,
): EfficiencyClaim {
  const claimed = improvedEnergyPerFlop(baseline, improvement);
  return {
    claimed,
    headroomToCmosLimit: baseline / limits.cmosLimit,
    claimOverCmosLimit: limits.cmosLimit / claimed,
    landauerBits: claimed / limits.landauerPerBit,
  };
}
