import type { Precision } from '../catalog/types.js';
import { clusterEconomics } from '../model/cluster.js';
import { acceleratorsRented } from '../model/contract.js';
import { spendPerYear } from '../model/economy.js';
import { formatQuantity } from '../units/format.js';
import {
  COSTING_INPUTS,
  catalogNumber,
  clusterSpecOf,
  peakPerAccelerator,
  resolveAccelerator,
} from './fleet.js';
import type { Calculator, OutputSpec } from './types.js';

const OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'spend_per_year',
    dimension: 'money',
    label: 'Spend per year',
    description: 'the value spread evenly over the term',
  },
  {
    name: 'count',
    dimension: 'count',
    label: 'Accelerators rented',
    description: 'kept rented all year at the rental price',
  },
  {
    name: 'h100e',
    dimension: 'count',
    label: 'H100-equivalents',
    description: 'dense BF16 peak in H100 SXMs',
  },
  {
    name: 'it_power',
    dimension: 'power',
    label: 'IT power',
    description: 'all-in IT power of the rented fleet',
  },
  { name: 'facility_power', dimension: 'power', label: 'Facility power', description: 'IT power times PUE' },
  {
    name: 'annual_energy',
    dimension: 'energy',
    label: 'Annual energy',
    description: 'facility energy at the average load factor',
  },
  {
    name: 'provider_capex',
    dimension: 'money',
    label: "Provider's capex",
    description: 'accelerators and buildings the provider must build',
  },
  {
    name: 'cost_per_accelerator_hour',
    dimension: 'money_per_hour',
    label: 'Ownership cost per hour',
    description: 'annualized capex plus opex per accelerator-hour',
  },
  {
    name: 'rental_over_cost',
    dimension: 'ratio',
    label: 'Rental over ownership cost',
    description: "rental price / ownership cost: the provider's markup",
  },
  {
    name: 'count_at_cost',
    dimension: 'count',
    label: 'Accelerators at ownership cost',
    description: 'what the same money keeps running if owned',
  },
];

export const cloudContract: Calculator = {
  name: 'cloud-contract',
  example: { value: '$300B', term: '5 years' },
  title: 'Cloud contract: what renting compute for years buys',
  description:
    'What a multi-year cloud contract buys at a rental price per accelerator-hour: accelerators, GW and TWh, the capex the provider must build, and the rental price against the cost of owning the same fleet.',
  inputs: [
    {
      name: 'value',
      type: 'quantity',
      dimension: 'money',
      example: '$300B',
      bounds: { min: 0, exclusiveMin: true },
      description: 'total value of the contract',
    },
    {
      name: 'term',
      type: 'quantity',
      dimension: 'time',
      example: '5 years',
      bounds: { min: 86_400, exclusiveMin: false },
      description: 'how long the contract runs',
    },
    ...COSTING_INPUTS.map((input) => (input.name === 'accelerator' ? { ...input, default: 'gb200' } : input)),
    {
      name: 'rental_price',
      type: 'quantity',
      dimension: 'money_per_hour',
      example: '$4.20/h',
      bounds: { min: 0, exclusiveMin: true },
      defaultText: "the catalog's rental price for the accelerator (data/yardsticks.yaml)",
      description: 'price per accelerator-hour under the contract',
    },
  ],
  outputs: OUTPUTS,
  compute(ctx) {
    const accelerator = resolveAccelerator(ctx);
    const listed = ctx.catalog.yardsticks.rental.find(
      (r) => ctx.catalog.accelerator(r.accelerator) === accelerator,
    );
    if (!listed && !ctx.has('rental_price')) {
      const priced = ctx.catalog.yardsticks.rental.map((r) => r.accelerator).join(', ');
      return ctx.fail(
        'rental_price',
        `is needed: the catalog has a rental price only for ${priced}; give one for ${accelerator.id} (e.g. $4.20/h)`,
      );
    }
    const price = listed
      ? catalogNumber(ctx, 'rental_price', accelerator.id, listed.hourlyPrice)
      : ctx.number('rental_price');
    const perYear = spendPerYear(ctx.number('value'), ctx.number('term'));
    const count = acceleratorsRented(perYear, price);
    const peak = peakPerAccelerator(ctx, accelerator, ctx.text('precision') as Precision);
    const fleet = clusterEconomics(clusterSpecOf(ctx, accelerator, count, peak));
    const markup = price / fleet.costPerAcceleratorHour;
    ctx.note(
      `${formatQuantity(perYear, 'money')} a year at ${formatQuantity(price, 'money_per_hour')} keeps ${formatQuantity(count, 'count')} ${accelerator.id} running: ${formatQuantity(fleet.facilityPower, 'power')} of datacenters the provider must build for ${formatQuantity(fleet.totalCapex, 'money')}`,
    );
    ctx.note(
      markup >= 1
        ? `renting costs ${formatQuantity(markup, 'ratio')}x owning (ownership costs ${formatQuantity(fleet.costPerAcceleratorHour, 'money_per_hour')}): owned, the same money would run ${formatQuantity(count * markup, 'count')}`
        : `the rental price is below the ownership cost (${formatQuantity(fleet.costPerAcceleratorHour, 'money_per_hour')} an hour): the provider would lose money at these assumptions`,
    );
    return {
      spend_per_year: perYear,
      count,
      h100e: fleet.h100e,
      it_power: fleet.itPower,
      facility_power: fleet.facilityPower,
      annual_energy: fleet.annualEnergy,
      provider_capex: fleet.totalCapex,
      cost_per_accelerator_hour: fleet.costPerAcceleratorHour,
      rental_over_cost: markup,
      count_at_cost: count * markup,
    };
  },
};
