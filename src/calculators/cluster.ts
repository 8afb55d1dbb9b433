import type { Precision, Sparsity } from '../catalog/types.js';
import { SPARSITIES } from '../catalog/types.js';
import type { ClusterSpec } from '../model/cluster.js';
import { acceleratorsForBudget, capexPerAccelerator, clusterEconomics } from '../model/cluster.js';
import { acceleratorsForPower, facilityPower } from '../model/power.js';
import { formatQuantity } from '../units/format.js';
import { ClusterKernel, ECONOMICS_COLUMNS, economicsRow } from './cluster-kernel.js';
import { COSTING_INPUTS, clusterSpecOf, peakPerAccelerator, resolveAccelerator } from './fleet.js';
import type { Calculator, CalculatorContext, InputSpec, OutputSpec } from './types.js';

/** How big a fleet is: give exactly one. */
export const CLUSTER_SIZE_INPUTS: readonly InputSpec[] = [
  {
    name: 'count',
    type: 'quantity',
    dimension: 'count',
    example: '100k',
    bounds: { min: 1, integer: true },
    description: 'number of accelerators',
  },
  {
    name: 'facility_power',
    type: 'quantity',
    dimension: 'power',
    example: '1 GW',
    bounds: { min: 0, exclusiveMin: true },
    description: 'facility power at the meter; solves for the count',
  },
  {
    name: 'budget',
    type: 'quantity',
    dimension: 'money',
    example: '$50B',
    bounds: { min: 0, exclusiveMin: true },
    description: 'capital for accelerators and building; solves for the count',
  },
];

export const CLUSTER_OUTPUTS: readonly OutputSpec[] = [
  { name: 'count', dimension: 'count', label: 'Accelerators', description: 'accelerators in the cluster' },
  {
    name: 'peak_flops',
    dimension: 'flops',
    label: 'Peak compute',
    description: 'peak FLOP/s at the precision',
  },
  {
    name: 'h100e',
    dimension: 'count',
    label: 'H100-equivalents',
    description: 'dense BF16 peak in H100 SXMs (whatever the precision)',
  },
  { name: 'it_power', dimension: 'power', label: 'IT power', description: 'all-in IT power of the fleet' },
  { name: 'facility_power', dimension: 'power', label: 'Facility power', description: 'IT power times PUE' },
  {
    name: 'annual_energy',
    dimension: 'energy',
    label: 'Annual energy',
    description: 'facility energy at the average load factor',
  },
  {
    name: 'accelerator_capex',
    dimension: 'money',
    label: 'Accelerator capex',
    description: 'accelerators with their server and rack share',
  },
  {
    name: 'facility_capex',
    dimension: 'money',
    label: 'Facility capex',
    description: 'building, power, cooling',
  },
  {
    name: 'total_capex',
    dimension: 'money',
    label: 'Total capex',
    description: 'accelerators plus facility',
  },
  {
    name: 'annual_energy_cost',
    dimension: 'money',
    label: 'Annual energy cost',
    description: 'energy × price',
  },
  {
    name: 'annual_upkeep',
    dimension: 'money',
    label: 'Annual upkeep',
    description: 'share of capex per year',
  },
  { name: 'annual_opex', dimension: 'money', label: 'Annual opex', description: 'energy plus upkeep' },
  {
    name: 'annualized_capex',
    dimension: 'money',
    label: 'Annualized capex',
    description: 'capex repaid over its lifetime at the cost of capital',
  },
  {
    name: 'cost_per_accelerator_hour',
    dimension: 'money_per_hour',
    label: 'Cost per accelerator-hour',
    description: '(annualized capex + opex) / accelerator-hours per year',
  },
];

/** The accelerator, its peak at the precision, and a one-accelerator cluster spec with every default. */
function resolveFleet(ctx: CalculatorContext) {
  const accelerator = resolveAccelerator(ctx);
  const precision = ctx.text('precision') as Precision;
  const sparsity = ctx.text('sparsity') as Sparsity;
  const peak = peakPerAccelerator(ctx, accelerator, precision, sparsity);
  return { accelerator, one: clusterSpecOf(ctx, accelerator, 1, peak) };
}

/** The accelerator count from --count, or solved from --facility-power or --budget (recorded as solved). */
export function solveCount(ctx: CalculatorContext, one: ClusterSpec): number {
  if (ctx.has('count')) return ctx.number('count');
  const count = countFromPowerOrBudget(ctx, one);
  ctx.provenance('count', { value: count, dimension: 'count', origin: 'solved' });
  return count;
}

/** The count a facility power feeds or a budget buys, from a one-accelerator spec. */
function countFromPowerOrBudget(ctx: CalculatorContext, one: ClusterSpec): number {
  if (ctx.has('facility_power')) {
    const power = ctx.number('facility_power');
    const count = acceleratorsForPower(power, one.itPowerPerAccelerator, one.pue);
    if (count < 1) {
      const need = formatQuantity(facilityPower(one.itPowerPerAccelerator, one.pue), 'power');
      return ctx.fail('facility_power', `is too small for one accelerator (each needs ${need} at the meter)`);
    }
    ctx.note(`count solved from facility power: ${formatQuantity(power, 'power')} / (IT power × PUE)`);
    return count;
  }
  if (ctx.has('budget')) {
    const budget = ctx.number('budget');
    const count = acceleratorsForBudget(budget, one);
    if (count < 1) {
      const need = formatQuantity(capexPerAccelerator(one), 'money');
      return ctx.fail('budget', `is too small for one accelerator (each costs ${need} with its building)`);
    }
    ctx.note(
      `count solved from budget: ${formatQuantity(budget, 'money')} / (price + facility capex per accelerator)`,
    );
    return count;
  }
  return ctx.fail(
    'count',
    `is missing: give one of ${['count', 'facility_power', 'budget'].map(ctx.label).join(', ')}`,
  );
}

export const cluster: Calculator = {
  name: 'cluster',
  example: { accelerator: 'h100', count: '100k' },
  title: 'Cluster: accelerators, power, capex and opex',
  description:
    'Size and cost a cluster of one accelerator type from a count, a facility power or a budget: peak FLOP/s, IT and facility power, annual energy, capex, opex and cost per accelerator-hour.',
  inputs: [
    ...CLUSTER_SIZE_INPUTS,
    ...COSTING_INPUTS,
    {
      name: 'sparsity',
      type: 'choice',
      choices: SPARSITIES,
      default: 'dense',
      description: 'dense, or the marketed 2:4 structured-sparsity peak (for checking claims only)',
    },
  ],
  outputs: CLUSTER_OUTPUTS,
  exclusive: [['count', 'facility_power', 'budget']],
  compute(ctx) {
    const { one } = resolveFleet(ctx);
    const economics = clusterEconomics({ ...one, count: solveCount(ctx, one) });
    const row = economicsRow(economics);
    return Object.fromEntries(ECONOMICS_COLUMNS.map((name, c) => [name, row[c] as number]));
  },
  vectorize(ctx) {
    const { one } = resolveFleet(ctx);
    const mode = ctx.has('count')
      ? 'count'
      : ctx.has('facility_power')
        ? 'power'
        : ctx.has('budget')
          ? 'budget'
          : 'count';
    const fixedCount = mode === 'count' ? solveCount(ctx, one) : 0;
    const size =
      mode === 'power' ? ctx.number('facility_power') : mode === 'budget' ? ctx.number('budget') : 0;
    return new ClusterKernel(one, mode, fixedCount, size);
  },
};
