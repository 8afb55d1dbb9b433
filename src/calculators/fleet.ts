import type { Accelerator, Figure, Precision, Sparsity } from '../catalog/types.js';
import { PRECISIONS } from '../catalog/types.js';
import { withContext } from '../errors.js';
import type { ClusterSpec } from '../model/cluster.js';
import { h100eOf } from '../model/from-catalog.js';
import { H100E_REFERENCE } from '../model/h100e.js';
import type { CalculatorContext, InputSpec } from './types.js';

/** Inputs every fleet-costing calculator shares: the hardware and how it is housed and paid for. */
/** The number format a fleet is counted in unless told otherwise. */
export const DEFAULT_PRECISION: Precision = 'bf16';

/** Average load over peak, for a year's energy: fleets and power loads alike take it. */
export const LOAD_FACTOR_INPUT: InputSpec = {
  name: 'load_factor',
  type: 'quantity',
  dimension: 'fraction',
  example: '75%',
  bounds: { min: 0, exclusiveMin: true, max: 1 },
  assumption: 'load_factor',
  description: 'average IT power as a share of peak IT power, for annual energy',
};

export const COSTING_INPUTS: readonly InputSpec[] = [
  {
    name: 'accelerator',
    type: 'accelerator',
    default: 'h100-sxm',
    description: 'accelerator id or alias from the catalog (see `gigawatt catalog accelerators`)',
  },
  {
    name: 'precision',
    type: 'choice',
    choices: PRECISIONS,
    default: DEFAULT_PRECISION,
    description: 'number format whose peak FLOP/s counts',
  },
  {
    name: 'pue',
    type: 'quantity',
    dimension: 'ratio',
    example: '1.2',
    bounds: { min: 1, max: 3 },
    assumption: 'pue',
    description: 'power usage effectiveness: facility power / IT power',
  },
  {
    name: 'it_power',
    type: 'quantity',
    dimension: 'power',
    example: '1.4 kW',
    bounds: { min: 0, exclusiveMin: true },
    defaultText: "the accelerator's catalog all-in IT power",
    description: 'all-in IT power per accelerator (server, CPU, network share), before PUE',
  },
  {
    name: 'price',
    type: 'quantity',
    dimension: 'money',
    example: '$30k',
    bounds: { min: 0, exclusiveMin: true },
    defaultText: "the accelerator's catalog price",
    description: 'price per accelerator including its server and rack share',
  },
  {
    name: 'electricity_price',
    type: 'quantity',
    dimension: 'energy_price',
    example: '$0.08/kWh',
    bounds: { min: 0 },
    assumption: 'electricity_price',
    description: 'price of electricity at the meter',
  },
  {
    name: 'facility_capex',
    type: 'quantity',
    dimension: 'capex_per_power',
    example: '$11M/MW',
    bounds: { min: 0 },
    assumption: 'facility_capex_per_it_power',
    description: 'building, power and cooling capex per unit of IT power (servers excluded)',
  },
  {
    name: 'lifetime',
    type: 'quantity',
    dimension: 'time',
    example: '5 years',
    bounds: { min: 0, exclusiveMin: true },
    assumption: 'hardware_lifetime',
    description: 'years over which the accelerators are paid off',
  },
  {
    name: 'facility_lifetime',
    type: 'quantity',
    dimension: 'time',
    example: '15 years',
    bounds: { min: 0, exclusiveMin: true },
    assumption: 'facility_lifetime',
    description: 'years over which the building is paid off',
  },
  {
    name: 'cost_of_capital',
    type: 'quantity',
    dimension: 'fraction',
    example: '10%',
    bounds: { min: 0, max: 1 },
    assumption: 'cost_of_capital',
    description: 'annual cost of capital used to annualize capex',
  },
  {
    name: 'upkeep',
    type: 'quantity',
    dimension: 'fraction',
    example: '3%',
    bounds: { min: 0, max: 1 },
    assumption: 'upkeep_rate',
    description: 'annual maintenance and operations as a share of capex',
  },
  LOAD_FACTOR_INPUT,
];

export function resolveAccelerator(ctx: CalculatorContext, input = 'accelerator'): Accelerator {
  const name = ctx.text(input);
  const accelerator = withContext(ctx.label(input), () => ctx.catalog.accelerator(name));
  ctx.provenance(input, { value: accelerator.id, origin: ctx.has(input) ? 'given' : 'default' });
  return accelerator;
}

/** Take a number from the catalog unless the user overrode it. */
export function catalogNumber(ctx: CalculatorContext, name: string, owner: string, figure: Figure): number {
  return ctx.number(name, () => ({
    value: figure.value,
    origin: 'catalog',
    via: owner,
    source: figure.source.title,
    estimate: figure.estimate,
  }));
}

/** Peak FLOP/s per accelerator at a precision; sparse only where a face asks for it. */
export function peakPerAccelerator(
  ctx: CalculatorContext,
  accelerator: Accelerator,
  precision: Precision,
  sparsity: Sparsity = 'dense',
): number {
  const figure = accelerator[sparsity][precision];
  if (!figure) {
    const supported = PRECISIONS.filter((p) => accelerator[sparsity][p]);
    const what = sparsity === 'sparse' ? 'structured-sparsity' : 'hardware';
    return ctx.fail(
      'precision',
      `${precision}: ${accelerator.id} has no ${what} support for ${precision}; it supports ${supported.join(', ') || 'none'}`,
    );
  }
  return figure.value;
}

/** The fleet's costing inputs for `count` accelerators, with catalog and assumption defaults. */
export function clusterSpecOf(
  ctx: CalculatorContext,
  accelerator: Accelerator,
  count: number,
  peakFlopsPerAccelerator: number,
  /** 'catalog': take price and power from the catalog as they are (one of several generations, no --price flag). */
  hardware: 'inputs' | 'catalog' = 'inputs',
): ClusterSpec {
  const fromCatalog = hardware === 'catalog';
  return {
    count,
    peakFlopsPerAccelerator,
    h100ePerAccelerator: h100eOf(accelerator, ctx.catalog.accelerator(H100E_REFERENCE)),
    itPowerPerAccelerator: fromCatalog
      ? accelerator.itPower.value
      : catalogNumber(ctx, 'it_power', accelerator.id, accelerator.itPower),
    pricePerAccelerator: fromCatalog
      ? accelerator.price.value
      : catalogNumber(ctx, 'price', accelerator.id, accelerator.price),
    pue: ctx.number('pue'),
    facilityCapexPerItWatt: ctx.number('facility_capex'),
    electricityPrice: ctx.number('electricity_price'),
    loadFactor: ctx.number('load_factor'),
    upkeepRate: ctx.number('upkeep'),
    hardwareLifetime: ctx.number('lifetime'),
    facilityLifetime: ctx.number('facility_lifetime'),
    costOfCapital: ctx.number('cost_of_capital'),
  };
}
