import type { Catalog } from '../catalog/catalog.js';
import { type Accelerator, type LanguageModel, PRECISIONS, type Precision } from '../catalog/types.js';
import { InputError } from '../errors.js';
import { acceleratorHardware, modelShape } from '../model/from-catalog.js';
import { MAX_AUTO_TP, replicaSpec, serveAtBestWidth } from '../model/serving.js';
import { formatQuantity } from '../units/format.js';

/** What one accelerator of a fleet entry serves of the scenario's reference model. */
export interface ReferenceServing {
  /** Output tokens per second per accelerator at full load. */
  tokensPerSecond: number;
  /** The number format served: the one asked for, or the nearest wider one the chip has. */
  precision: Precision;
}

/**
 * The reference model served on one accelerator type the way `calc inference` serves it
 * by default (catalog efficiencies and request shape, the largest batch that fits, the
 * width with the most output per accelerator). A chip without the requested format
 * serves at the nearest wider one it has (fp8 weights on an A100 run as bf16).
 */
export function referenceServing(
  catalog: Catalog,
  model: LanguageModel,
  accelerator: Accelerator,
  requested: Precision,
): ReferenceServing {
  const wider = PRECISIONS.slice(0, PRECISIONS.indexOf(requested) + 1).reverse();
  const precision = wider.find((p) => accelerator.dense[p]) ?? 'bf16';
  const peak = accelerator.dense[precision]?.value;
  if (peak === undefined) throw new InputError(`${accelerator.id} publishes no dense peak to serve with`);
  const shape = modelShape(model);
  if ('missing' in shape)
    throw new InputError(`${model.id} publishes no ${shape.missing}, which serving it needs`);
  const a = catalog.assumptions;
  const request = { inputTokens: a.request_input_tokens.value, outputTokens: a.request_output_tokens.value };
  const context = model.contextLength?.value;
  if (context !== undefined && request.inputTokens + request.outputTokens > context)
    throw new InputError(
      `the catalog's request of ${formatQuantity(request.inputTokens + request.outputTokens, 'count')} tokens is past ${model.id}'s context of ${formatQuantity(context, 'count')}`,
    );
  const spec = replicaSpec(shape, acceleratorHardware(accelerator, peak), precision, 1, {
    compute: a.inference_compute_efficiency.value,
    bandwidth: a.inference_bandwidth_efficiency.value,
    memoryUsable: a.hbm_usable_fraction.value,
  });
  const replica = serveAtBestWidth(spec, request, {});
  if ('problem' in replica)
    throw new InputError(`${model.id} at ${precision} does not fit on ${MAX_AUTO_TP} × ${accelerator.id}`);
  return { tokensPerSecond: replica.served.outputThroughput / replica.spec.tp, precision };
}
