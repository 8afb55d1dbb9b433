/**
 * The H100-equivalent (H100e), the common currency of compute stocks: an accelerator's
 * dense 16-bit peak FLOP/s divided by the H100 SXM's. Dense BF16 because it is the format
 * every accelerator since 2020 publishes and frontier training runs in; an 8-bit (FP8)
 * basis would leave out chips without FP8 (A100, TPU v4, Ascend) and flatter those with
 * FP4, and the TPP export-control metric weighs by bit length in a way no workload does.
 * Epoch AI counts H100e the same way; SemiAnalysis often uses FP8, which gives the same
 * ratio for any chip whose FP8 is twice its BF16 (H100, B200, MI300X, TPU v7).
 */

/** The catalog accelerator whose dense BF16 peak is one H100e. */
export const H100E_REFERENCE = 'h100-sxm';

/** H100-equivalents of `denseBf16` FLOP/s, given the H100 SXM's dense BF16 peak. */
export function h100Equivalents(denseBf16: number, h100DenseBf16: number): number {
  return denseBf16 / h100DenseBf16;
}
