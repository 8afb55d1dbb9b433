import type { EdgeDevice, Precision } from '../catalog/types.js';
import { PRECISIONS } from '../catalog/types.js';
import { withContext } from '../errors.js';
import { clusterEconomics } from '../model/cluster.js';
import { annualizedCapex } from '../model/finance.js';
import { acceleratorHardware } from '../model/from-catalog.js';
import { maxBatch, serveBatch, weightBytes } from '../model/inference.js';
import { MAX_TP, type ReplicaHardware, replicaSpec } from '../model/serving.js';
import {
  capexPerThroughput,
  edgeBreakevenUtilization,
  edgeCostPerToken,
  edgeFleet,
  perToken,
  replicasFor,
  tokensPerYear,
} from '../model/tokens.js';
import { formatQuantity } from '../units/format.js';
import {
  COSTING_INPUTS,
  catalogNumber,
  clusterSpecOf,
  peakPerAccelerator,
  resolveAccelerator,
} from './fleet.js';
import {
  requestShape,
  resolveModel,
  SERVING_INPUTS,
  serveReplica,
  servingEfficiency,
  servingShape,
} from './serving.js';
import type { Calculator, CalculatorContext, InputSpec } from './types.js';

/** The power of an edge device's AI hardware while it generates: the catalog's, or given. */
export const DEVICE_POWER_INPUT: InputSpec = {
  name: 'device_power',
  type: 'quantity',
  dimension: 'power',
  example: '100 W',
  bounds: { min: 0, exclusiveMin: true },
  defaultText: "the device's catalog power while running inference",
  description: "power of a device's AI hardware while generating",
};

const EDGE_INPUTS: readonly InputSpec[] = [
  {
    name: 'devices',
    type: 'quantity',
    dimension: 'count',
    example: '1B',
    bounds: { min: 1, integer: true },
    description: 'edge devices in the fleet',
  },
  {
    name: 'device',
    type: 'device',
    description: 'edge device id from the catalog (see `gigawatt catalog devices`)',
  },
  {
    name: 'device_price',
    type: 'quantity',
    dimension: 'money',
    example: '$500',
    bounds: { min: 0 },
    defaultText: "the device's catalog price for its AI hardware",
    description: "price of a device's AI hardware",
  },
  DEVICE_POWER_INPUT,
  {
    name: 'utilization',
    type: 'quantity',
    dimension: 'fraction',
    example: '5%',
    bounds: { min: 0, exclusiveMin: true, max: 1 },
    assumption: 'edge_utilization',
    description: 'share of hours each edge device spends generating tokens',
  },
  {
    name: 'device_lifetime',
    type: 'quantity',
    dimension: 'time',
    example: '4 years',
    bounds: { min: 0, exclusiveMin: true },
    assumption: 'edge_device_lifetime',
    description: "years over which a device's AI hardware is paid off",
  },
  {
    name: 'edge_electricity_price',
    type: 'quantity',
    dimension: 'energy_price',
    example: '$0.15/kWh',
    bounds: { min: 0 },
    assumption: 'residential_electricity_price',
    description: 'electricity price where edge devices charge',
  },
  {
    name: 'central_accelerator',
    type: 'accelerator',
    default: 'gb200',
    description: 'accelerator of the central token factory',
  },
  {
    name: 'central_utilization',
    type: 'quantity',
    dimension: 'fraction',
    example: '60%',
    bounds: { min: 0, exclusiveMin: true, max: 1 },
    assumption: 'serving_utilization',
    description: 'share of hours the central fleet serves at full throughput',
  },
  {
    name: 'tp',
    type: 'quantity',
    dimension: 'count',
    example: '8',
    bounds: { min: 1, max: MAX_TP, integer: true },
    defaultText: 'the smallest power of two that holds the model',
    description: 'tensor-parallel width of a central replica',
  },
];

/** The precision the edge side runs at; edge NPUs quote 8-bit (int8) peaks. */
function edgePeak(ctx: CalculatorContext, device: EdgeDevice, precision: Precision): number {
  if (precision === 'bf16') {
    if (!device.peak16bit)
      return ctx.fail('precision', `bf16: ${device.id} publishes no 16-bit peak; use fp8`);
    return device.peak16bit.value;
  }
  // 4-bit weights halve memory traffic; NPUs rarely double their 8-bit rate for them, so keep it.
  return device.peak8bit.value;
}

function resolveDevice(ctx: CalculatorContext): EdgeDevice {
  if (!ctx.has('device'))
    return ctx.fail('device', 'is required: an edge device id (see `gigawatt catalog devices`)');
  const device = withContext(ctx.label('device'), () => ctx.catalog.device(ctx.text('device')));
  ctx.provenance('device', { value: device.id, origin: 'given' });
  return device;
}

export const edgeVsCentral: Calculator = {
  name: 'edge-vs-central',
  example: {
    model: 'llama-3.1-8b',
    devices: '1B',
    device: 'tesla-hw4',
    utilization: '5%',
    central_accelerator: 'gb200',
  },
  title: 'Edge fleet vs central token factory',
  description:
    'Serve the same tokens from a fleet of edge devices (one user each, batch 1) or from a central token factory (batched): tokens per year, energy per token, capex per unit of throughput, cost per million tokens, and the edge utilization at which the fleet breaks even.',
  inputs: [
    ...SERVING_INPUTS.filter((i) => i.name !== 'batch' && i.name !== 'max_tpot'),
    ...EDGE_INPUTS,
    ...COSTING_INPUTS.filter((i) => i.name !== 'accelerator').map((i) =>
      i.name === 'precision'
        ? { ...i, default: 'fp8', description: 'weight precision on both sides (fp8: 8-bit)' }
        : i,
    ),
  ],
  outputs: [
    {
      name: 'edge_tokens_per_year',
      dimension: 'tokens',
      label: 'Edge: tokens per year',
      description: 'whole fleet',
    },
    {
      name: 'central_tokens_per_year',
      dimension: 'tokens',
      label: 'Central: tokens per year',
      description: 'sized to match',
    },
    {
      name: 'edge_throughput_per_device',
      dimension: 'token_rate',
      label: 'Edge: tokens/s per device',
      description: 'batch 1, while active',
    },
    {
      name: 'central_accelerators',
      dimension: 'count',
      label: 'Central: accelerators',
      description: 'to serve the same tokens',
    },
    {
      name: 'edge_energy_per_token',
      dimension: 'energy',
      label: 'Edge: energy per token',
      description: 'device power while active',
    },
    {
      name: 'central_energy_per_token',
      dimension: 'energy',
      label: 'Central: energy per token',
      description: 'facility energy, idle included',
    },
    { name: 'energy_ratio', dimension: 'ratio', label: 'Energy per token, edge ÷ central', description: '' },
    {
      name: 'edge_capex',
      dimension: 'money',
      label: 'Edge: capex',
      description: 'AI hardware of all devices',
    },
    {
      name: 'central_capex',
      dimension: 'money',
      label: 'Central: capex',
      description: 'accelerators plus facility',
    },
    {
      name: 'edge_capex_per_throughput',
      dimension: 'capex_per_token_rate',
      label: 'Edge: capex per token/s',
      description: '',
    },
    {
      name: 'central_capex_per_throughput',
      dimension: 'capex_per_token_rate',
      label: 'Central: capex per token/s',
      description: '',
    },
    {
      name: 'edge_cost_per_million_tokens',
      dimension: 'money',
      label: 'Edge: cost per million tokens',
      description: 'capex annualized plus energy',
    },
    {
      name: 'central_cost_per_million_tokens',
      dimension: 'money',
      label: 'Central: cost per million tokens',
      description: 'capex annualized plus opex',
    },
    {
      name: 'edge_average_power',
      dimension: 'power',
      label: 'Edge: average power',
      description: 'whole fleet',
    },
    { name: 'central_facility_power', dimension: 'power', label: 'Central: facility power', description: '' },
    {
      name: 'breakeven_utilization',
      dimension: 'fraction',
      label: 'Edge break-even utilization',
      description: 'where edge cost per token equals central',
    },
    {
      name: 'device_annual_value',
      dimension: 'money',
      label: "A device's tokens at the central price",
      description: 'per device per year',
    },
  ],
  comparison: {
    columns: ['Edge fleet', 'Central factory'],
    rows: [
      ['tokens per year', 'edge_tokens_per_year', 'central_tokens_per_year'],
      ['energy per token', 'edge_energy_per_token', 'central_energy_per_token'],
      ['capex', 'edge_capex', 'central_capex'],
      ['capex per token/s', 'edge_capex_per_throughput', 'central_capex_per_throughput'],
      ['cost per million tokens', 'edge_cost_per_million_tokens', 'central_cost_per_million_tokens'],
      ['power', 'edge_average_power', 'central_facility_power'],
    ],
  },
  compute(ctx) {
    const model = resolveModel(ctx);
    const device = resolveDevice(ctx);
    const precision = ctx.text('precision') as Precision;
    const shape = requestShape(ctx, model);

    // Edge: one user per device, so batch 1 on the device's own memory.
    const edgeHardware: ReplicaHardware = {
      id: device.id,
      peakFlops: edgePeak(ctx, device, precision),
      bandwidth: device.memoryBandwidth.value,
      memory: device.memoryCapacity.value,
    };
    const edgeSpec = replicaSpec(
      servingShape(ctx, model),
      edgeHardware,
      precision,
      1,
      servingEfficiency(ctx),
    );
    if (maxBatch(edgeSpec, shape.inputTokens + shape.outputTokens) < 1) {
      const smaller = PRECISIONS.filter((p) => p !== precision).join(' or ');
      return ctx.fail(
        'device',
        `${device.id}: ${model.id} at ${precision} needs ${formatQuantity(weightBytes(edgeSpec), 'bytes')} of weights, more than its usable ${formatQuantity(edgeSpec.memoryPerAccelerator * edgeSpec.memoryUsable, 'bytes')}; try a smaller model or ${ctx.label('precision')} ${smaller}`,
      );
    }
    const edgeRate = serveBatch(edgeSpec, 1, shape.inputTokens, shape.outputTokens).outputThroughput;
    const edge = edgeFleet({
      devices: ctx.number('devices'),
      rate: edgeRate,
      utilization: ctx.number('utilization'),
      power: catalogNumber(ctx, 'device_power', device.id, device.power),
      electricityPrice: ctx.number('edge_electricity_price'),
      price: catalogNumber(ctx, 'device_price', device.id, device.price),
    });
    const deviceAnnualCapex = annualizedCapex(
      catalogNumber(ctx, 'device_price', device.id, device.price),
      ctx.number('cost_of_capital'),
      ctx.number('device_lifetime'),
    );
    const edgeCost = edgeCostPerToken(deviceAnnualCapex, edge.tokensPerDevice, edge.energyCostPerToken);

    // Central: a batched token factory sized to serve the same tokens per year.
    const accelerator = resolveAccelerator(ctx, 'central_accelerator');
    const peak = peakPerAccelerator(ctx, accelerator, precision);
    const { spec: centralSpec, served } = serveReplica(
      ctx,
      model,
      acceleratorHardware(accelerator, peak),
      precision,
      shape,
    );

    const perReplicaYear = tokensPerYear(served.outputThroughput, ctx.number('central_utilization'));
    const replicas = replicasFor(edge.tokens, perReplicaYear);
    const economics = clusterEconomics(clusterSpecOf(ctx, accelerator, replicas * centralSpec.tp, peak));
    const centralTokens = replicas * perReplicaYear;
    const central = perToken(economics, centralTokens);

    const outputs: Record<string, number> = {
      edge_tokens_per_year: edge.tokens,
      central_tokens_per_year: centralTokens,
      edge_throughput_per_device: edgeRate,
      central_accelerators: economics.count,
      edge_energy_per_token: edge.energyPerToken,
      central_energy_per_token: central.energy,
      energy_ratio: edge.energyPerToken / central.energy,
      edge_capex: edge.capex,
      central_capex: economics.totalCapex,
      edge_capex_per_throughput: edge.capexPerThroughput,
      central_capex_per_throughput: capexPerThroughput(
        economics.totalCapex,
        replicas * served.outputThroughput,
      ),
      edge_cost_per_million_tokens: edgeCost * 1e6,
      central_cost_per_million_tokens: central.cost * 1e6,
      edge_average_power: edge.averagePower,
      central_facility_power: economics.facilityPower,
      device_annual_value: edge.tokensPerDevice * central.cost,
    };
    const breakeven = edgeBreakevenUtilization(
      deviceAnnualCapex,
      edge.tokensPerDevice / ctx.number('utilization'),
      central.cost,
      edge.energyCostPerToken,
    );
    if (breakeven === undefined) {
      ctx.note(
        'the edge fleet never breaks even: its electricity alone costs more per token than the central factory',
      );
    } else {
      outputs.breakeven_utilization = breakeven;
      if (breakeven > 1)
        ctx.note('the edge fleet does not break even even when every device generates tokens all day');
    }
    return outputs;
  },
};
