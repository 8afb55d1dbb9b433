import { clusterEconomics } from '../model/cluster.js';
import { revenueNeeded } from '../model/finance.js';
import { replicasIn } from '../model/serving.js';
import { perToken, tokensPerPersonPerDay, tokensPerYear } from '../model/tokens.js';
import { CLUSTER_SIZE_INPUTS, solveCount } from './cluster.js';
import { COSTING_INPUTS, clusterSpecOf } from './fleet.js';
import { TP_INPUT, UTILIZATION_INPUT } from './inference.js';
import { SERVING_INPUTS, servingSetup } from './serving.js';
import type { Calculator } from './types.js';

export const tokenFactory: Calculator = {
  name: 'token-factory',
  example: { facility_power: '1 GW', accelerator: 'gb200', model: 'llama-3.3-70b' },
  title: 'Token factory: tokens a site serves, and the price that pays it back',
  description:
    'A datacenter serving one model: output tokens per year, energy per token, the price per million tokens that repays capex (at the cost of capital, over the lifetimes) and opex, and tokens per person per day for a population.',
  inputs: [
    ...CLUSTER_SIZE_INPUTS,
    ...SERVING_INPUTS,
    TP_INPUT,
    ...COSTING_INPUTS,
    UTILIZATION_INPUT,
    {
      name: 'population',
      type: 'quantity',
      dimension: 'count',
      example: '8B',
      bounds: { min: 1 },
      assumption: 'world_population',
      description: 'people to share the tokens among',
    },
  ],
  outputs: [
    { name: 'count', dimension: 'count', label: 'Accelerators', description: 'in the site' },
    { name: 'replicas', dimension: 'count', label: 'Model replicas', description: 'count ÷ tp' },
    {
      name: 'facility_power',
      dimension: 'power',
      label: 'Facility power',
      description: 'IT power times PUE',
    },
    {
      name: 'output_throughput',
      dimension: 'token_rate',
      label: 'Output throughput',
      description: 'whole site, while serving',
    },
    {
      name: 'tokens_per_year',
      dimension: 'tokens',
      label: 'Output tokens per year',
      description: 'at the utilization',
    },
    {
      name: 'energy_per_token',
      dimension: 'energy',
      label: 'Energy per output token',
      description: 'facility energy',
    },
    {
      name: 'total_capex',
      dimension: 'money',
      label: 'Total capex',
      description: 'accelerators plus facility',
    },
    { name: 'annual_opex', dimension: 'money', label: 'Annual opex', description: 'energy plus upkeep' },
    {
      name: 'annual_revenue_needed',
      dimension: 'money',
      label: 'Revenue needed per year',
      description: 'annualized capex plus opex',
    },
    {
      name: 'breakeven_price_per_million_tokens',
      dimension: 'money',
      label: 'Break-even price per million tokens',
      description: 'repays capex and opex over the lifetimes',
    },
    {
      name: 'tokens_per_person_per_day',
      dimension: 'tokens',
      label: 'Tokens per person per day',
      description: 'tokens per year ÷ population ÷ 365.25',
    },
  ],
  exclusive: [['count', 'facility_power', 'budget']],
  compute(ctx) {
    const { accelerator, peak, spec, served } = servingSetup(ctx);

    const one = clusterSpecOf(ctx, accelerator, 1, peak);
    const count = solveCount(ctx, one);
    const replicas = replicasIn(count, spec.tp);
    if (replicas < 1) return ctx.fail('count', `is smaller than one replica (${spec.tp} accelerators)`);
    const economics = clusterEconomics({ ...one, count });
    const throughput = replicas * served.outputThroughput;
    const tokens = tokensPerYear(throughput, ctx.number('utilization'));
    const perOutputToken = perToken(economics, tokens);
    return {
      count,
      replicas,
      facility_power: economics.facilityPower,
      output_throughput: throughput,
      tokens_per_year: tokens,
      energy_per_token: perOutputToken.energy,
      total_capex: economics.totalCapex,
      annual_opex: economics.annualOpex,
      annual_revenue_needed: revenueNeeded(economics.annualizedCapex, economics.annualOpex),
      breakeven_price_per_million_tokens: perOutputToken.cost * 1e6,
      tokens_per_person_per_day: tokensPerPersonPerDay(tokens, ctx.number('population')),
    };
  },
};
