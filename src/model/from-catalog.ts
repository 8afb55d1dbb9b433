import type { Accelerator, LanguageModel } from '../catalog/types.js';
import type { ModelShape, ReplicaHardware } from './serving.js';

/**
 * Catalog records as the model's specs: which catalog figure feeds which field, written
 * once for the calculators and the scenario timeline alike. Values only; the calculators
 * record where each came from.
 */

/** What a catalog model lacks for serving, named as messages name it. */
export type MissingDimension = 'layers' | 'KV heads' | 'attentionHeads' | 'headDim';

/** A catalog model's serving dimensions, or the first one it does not publish. */
export function modelShape(model: LanguageModel): ModelShape | { missing: MissingDimension } {
  const { layers, kvHeads, kvLatentDim, attentionHeads, headDim } = model;
  if (!layers) return { missing: 'layers' };
  if (!kvLatentDim && kvHeads && !headDim) return { missing: 'headDim' };
  if (!kvLatentDim && !kvHeads) return { missing: 'KV heads' };
  if (!attentionHeads) return { missing: 'attentionHeads' };
  if (!headDim) return { missing: 'headDim' };
  return {
    totalParams: model.params.value,
    activeParams: model.activeParams.value,
    layers: layers.value,
    attentionHeads: attentionHeads.value,
    headDim: headDim.value,
    kv: kvLatentDim ? { latentDim: kvLatentDim.value } : { heads: (kvHeads as { value: number }).value },
  };
}

/** One accelerator as a replica's unit: its peak at the precision served, HBM bandwidth and capacity. */
export function acceleratorHardware(accelerator: Accelerator, peakFlops: number): ReplicaHardware {
  return {
    id: accelerator.id,
    peakFlops,
    bandwidth: accelerator.hbmBandwidth.value,
    memory: accelerator.hbmCapacity.value,
  };
}
