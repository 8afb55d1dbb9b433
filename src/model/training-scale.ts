/**
 * Training utilization that falls as a run spreads over more accelerators and sites.
 *
 * Two effects, each measured on published runs:
 * - MFU while running falls with the number of accelerators (more communication per step,
 *   more stragglers): Llama 3 405B ran at 43% BF16 MFU on 8,192 H100 and 38-41% on 16,384;
 *   MegaScale fell from 65% on 256 GPUs to 55% on 12,288. Both fit a power law in the
 *   count with an exponent of about 0.04-0.07. Below the reference count (where the
 *   catalog's MFU was measured) MFU is not raised: small runs have their own overheads.
 *   A run over several sites loses a further factor per doubling of sites (the cross-site
 *   gradient exchange); that factor is an estimate, no run has published it.
 * - Goodput (share of wall-clock time making progress) falls because interruptions come
 *   in proportion to the accelerators: with a mean time between failures per accelerator
 *   (MTBF) and the time each interruption costs (restart plus the work redone since the
 *   last checkpoint), goodput = 1 / (1 + count · lost / MTBF). Llama 3 saw 466
 *   interruptions in 54 days on 16,384 H100 (an MTBF per GPU of about 5 years) and kept
 *   over 90% effective training time, so each cost about 18 minutes.
 *   Past some size a run cannot stop whole for every failure (a million accelerators
 *   would be interrupted every few minutes), so an interruption stalls at most a failure
 *   domain: the interruptions that matter are those of the domain's accelerators.
 */

export interface ScaleModel {
  /** MFU at the reference count, at the run's precision. */
  baseMfu: number;
  /** Accelerators at which the base MFU was measured. */
  referenceCount: number;
  /** Power-law exponent of MFU in the accelerator count past the reference. */
  exponent: number;
  /** MFU kept per doubling of the number of sites a run spans. */
  siteEfficiency: number;
  /** Mean time between interruptions of one accelerator (s). */
  mtbf: number;
  /** Wall-clock time one interruption costs the accelerators it stalls (s). */
  recoveryTime: number;
  /** The most accelerators one interruption stalls (the whole run, up to this size). */
  failureDomain: number;
}

/** Accelerators at which Llama 3's 38-43% BF16 MFU and >90% goodput were measured. */
export const REFERENCE_COUNT = 16_384;

/** MFU of a run of `count` accelerators over `sites` sites. */
export function mfuAtScale(model: ScaleModel, count: number, sites = 1): number {
  const spread = count > model.referenceCount ? (count / model.referenceCount) ** -model.exponent : 1;
  const acrossSites = sites > 1 ? model.siteEfficiency ** Math.log2(sites) : 1;
  return model.baseMfu * spread * acrossSites;
}

/** Share of wall-clock time a run of `count` accelerators makes progress, after interruptions. */
export function goodputAtScale(
  model: Pick<ScaleModel, 'mtbf' | 'recoveryTime' | 'failureDomain'>,
  count: number,
): number {
  return 1 / (1 + (Math.min(count, model.failureDomain) * model.recoveryTime) / model.mtbf);
}
