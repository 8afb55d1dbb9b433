import type { PowerSource } from '../catalog/power.js';
import type { Packaging, ProcessNode, SupplyCatalog } from '../catalog/supply.js';
import type { Accelerator, LanguageModel } from '../catalog/types.js';
import { h100Equivalents } from './h100e.js';
import type { PowerOption } from './power-supply.js';
import type { ModelShape, ReplicaHardware } from './serving.js';
import type { CapacityCosts, LithographySpec, PackageSpec, ProcessSpec } from './supply.js';

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

/** An accelerator's package and the process node of its compute dies, or what the catalog lacks. */
export function acceleratorSupply(
  supply: SupplyCatalog,
  accelerator: Accelerator,
):
  | { pkg: Packaging; node: ProcessNode }
  | { missing: 'packaging' }
  | { missing: 'process'; process: string } {
  const pkg = supply.packaging[accelerator.id];
  if (!pkg) return { missing: 'packaging' };
  const node = supply.processes[pkg.process];
  if (!node) return { missing: 'process', process: pkg.process };
  return { pkg, node };
}

export function packageSpec(pkg: Packaging): PackageSpec {
  return {
    computeDies: pkg.computeDies.value,
    computeDieArea: pkg.computeDieArea.value,
    interposerArea: pkg.interposerArea.value,
    hbmStacks: pkg.hbmStacks.value,
  };
}

/** A node's figures as a process spec, or undefined when the catalog gives no fab size or cost for it. */
export function processSpec(node: ProcessNode): ProcessSpec | undefined {
  if (!node.fabCost || !node.fabWaferStarts) return undefined;
  return {
    waferPrice: node.waferPrice.value,
    defectDensity: node.defectDensity.value,
    fabCost: node.fabCost.value,
    fabWaferStarts: node.fabWaferStarts.value,
    euvLayers: node.euvLayers.value,
  };
}

/** What adding packaging and memory capacity costs. */
export function capacityCosts(supply: SupplyCatalog): CapacityCosts {
  return {
    cowosCapexPerWaferMonth: supply.cowos.capexPerWaferMonth.value,
    hbmCapexPerStackYear: supply.hbm.capexPerStackYear.value,
  };
}

export function lithography(supply: SupplyCatalog): LithographySpec {
  return {
    toolPrice: supply.euv.toolPrice.value,
    wafersPerHour: supply.euv.wafersPerHour.value,
    availability: supply.euv.availability.value,
  };
}

/**
 * A catalog power source as the model's option, for a buyer who can get `share` of the
 * world's yearly build of it (a one-off stock is shared the same way).
 */
export function powerOption(source: PowerSource, share: number): PowerOption {
  return {
    id: source.id,
    leadTime: source.leadTime.value,
    capacityFactor: source.capacityFactor.value,
    costPerWatt: source.overnightCost.value,
    buildPerYear: source.worldBuildPerYear
      ? share * source.worldBuildPerYear.value
      : Number.POSITIVE_INFINITY,
    stock: source.available ? share * source.available.value : Number.POSITIVE_INFINITY,
    grid: source.grid,
  };
}

/** H100-equivalents of one accelerator, given the catalog's H100 SXM (model/h100e.ts says why dense BF16). */
export function h100eOf(accelerator: Accelerator, h100: Accelerator): number {
  const reference = h100.dense.bf16?.value;
  if (!reference) throw new Error(`${h100.id} has no dense BF16 peak to count H100-equivalents by`);
  return h100Equivalents(accelerator.dense.bf16?.value ?? 0, reference);
}
