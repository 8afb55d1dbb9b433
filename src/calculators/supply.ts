import { seriesAt } from '../catalog/series.js';
import type { Figure } from '../catalog/types.js';
import { acceleratorSupply, capacityCosts, lithography, packageSpec } from '../model/from-catalog.js';
import { facilityPower, itPower } from '../model/power.js';
import {
  capexPerUnitYear,
  type ProcessSpec,
  supplyNeeds,
  supplyShares,
  unitsForCapital,
} from '../model/supply.js';
import { formatQuantity } from '../units/format.js';
import { catalogNumber, resolveAccelerator } from './fleet.js';
import type { Calculator, InputSpec } from './types.js';

const fromCatalog = (text: string) => `the catalog's ${text} (data/supply.yaml)`;

const SUPPLY_INPUTS: readonly InputSpec[] = [
  {
    name: 'accelerator',
    type: 'accelerator',
    default: 'b200',
    description: 'accelerator with packaging data in data/supply.yaml',
  },
  {
    name: 'units',
    type: 'quantity',
    dimension: 'count',
    example: '5M',
    bounds: { min: 1 },
    description: 'accelerators to make per year',
  },
  {
    name: 'capital',
    type: 'quantity',
    dimension: 'money',
    example: '$500B',
    bounds: { min: 0, exclusiveMin: true },
    description:
      'capital for new fabs, packaging and HBM capacity; solves for the accelerators per year it enables',
  },
  {
    name: 'year',
    type: 'quantity',
    dimension: 'year',
    example: '2026',
    bounds: { min: 2020, max: 2040, integer: true },
    defaultText: '2026',
    description: 'year whose global CoWoS and HBM capacity the needs are compared with',
  },
  {
    name: 'wafer_price',
    type: 'quantity',
    dimension: 'money',
    example: '$20k',
    bounds: { min: 0, exclusiveMin: true },
    defaultText: fromCatalog('wafer price of the process'),
    description: 'price of a logic wafer',
  },
  {
    name: 'defect_density',
    type: 'quantity',
    dimension: 'ratio',
    example: '0.1',
    bounds: { min: 0 },
    defaultText: fromCatalog('D0 of the process'),
    description: 'defects per cm² (D0)',
  },
  {
    name: 'fab_cost',
    type: 'quantity',
    dimension: 'money',
    example: '$20B',
    bounds: { min: 0, exclusiveMin: true },
    defaultText: fromCatalog('fab cost of the process'),
    description: 'cost of one leading-edge fab',
  },
  {
    name: 'fab_wafer_starts',
    type: 'quantity',
    dimension: 'count',
    example: '100k',
    bounds: { min: 1 },
    defaultText: fromCatalog('wafer starts of that fab'),
    description: 'wafer starts per month of one fab',
  },
  {
    name: 'packaging_yield',
    type: 'quantity',
    dimension: 'fraction',
    example: '95%',
    bounds: { min: 0, exclusiveMin: true, max: 1 },
    defaultText: fromCatalog('CoWoS packaging yield'),
    description: 'good packages per assembled package',
  },
  {
    name: 'carrier_area',
    type: 'quantity',
    dimension: 'ratio',
    example: '3',
    bounds: { min: 0.1, max: 10 },
    defaultText: '1 (a 300 mm wafer)',
    description:
      "area of a packaging carrier over a 300 mm wafer's: TSMC's panels are 1.36 (310 mm square) to 3.7 (510 x 515 mm)",
  },
  {
    name: 'it_power',
    type: 'quantity',
    dimension: 'power',
    example: '1.4 kW',
    bounds: { min: 0, exclusiveMin: true },
    defaultText: "the accelerator's catalog all-in IT power",
    description: 'all-in IT power per accelerator',
  },
  {
    name: 'pue',
    type: 'quantity',
    dimension: 'ratio',
    example: '1.2',
    bounds: { min: 1, max: 3 },
    assumption: 'pue',
    description: 'facility power / IT power',
  },
];

export const supply: Calculator = {
  name: 'supply',
  example: { accelerator: 'b200', units: '5M' },
  title: 'Supply chain: wafers, packaging, HBM, EUV tools and fabs',
  description:
    'What making accelerators takes: dies per wafer (negative-binomial yield), logic wafers, CoWoS wafers, HBM stacks, EUV tools, fabs and fab capex per year for --units; or, for --capital, the fabs, wafers, accelerators and GW of datacenters that capital enables each year.',
  inputs: SUPPLY_INPUTS,
  exclusive: [['units', 'capital']],
  outputs: [
    {
      name: 'units',
      dimension: 'count',
      label: 'Accelerators per year',
      description: 'given, or what the capital enables',
    },
    {
      name: 'gross_dies_per_wafer',
      dimension: 'count',
      label: 'Gross dies per wafer',
      description: '300 mm wafer, edge loss',
    },
    { name: 'die_yield', dimension: 'fraction', label: 'Die yield', description: 'negative binomial, α = 3' },
    {
      name: 'good_dies_per_wafer',
      dimension: 'count',
      label: 'Good dies per wafer',
      description: 'gross × yield',
    },
    { name: 'logic_wafers', dimension: 'count', label: 'Logic wafers per year', description: 'compute dies' },
    { name: 'cowos_wafers', dimension: 'count', label: 'CoWoS wafers per year', description: 'interposers' },
    {
      name: 'cowos_share',
      dimension: 'fraction',
      label: 'Share of CoWoS capacity',
      description: 'of TSMC capacity in the year',
    },
    {
      name: 'hbm_stacks',
      dimension: 'count',
      label: 'HBM stacks per year',
      description: 'stacks per package ÷ yield',
    },
    {
      name: 'hbm_share',
      dimension: 'fraction',
      label: 'Share of HBM output',
      description: 'of global output in the year',
    },
    { name: 'euv_tools', dimension: 'count', label: 'EUV tools', description: 'at the effective throughput' },
    {
      name: 'euv_tools_per_fab',
      dimension: 'count',
      label: 'EUV tools per fab',
      description: 'a fab of the catalog size',
    },
    {
      name: 'euv_tool_price',
      dimension: 'money',
      label: 'EUV tool price',
      description: 'a low-NA tool, as the model counts',
    },
    {
      name: 'high_na_tool_price',
      dimension: 'money',
      label: 'High-NA tool price',
      description: 'for comparison (catalog)',
    },
    {
      name: 'fab_cost',
      dimension: 'money',
      label: 'Fab cost',
      description: 'one leading-edge fab of the process',
    },
    { name: 'fabs', dimension: 'count', label: 'Leading-edge fabs', description: 'of the catalog size' },
    { name: 'fab_capex', dimension: 'money', label: 'Fab capex', description: 'to build those fabs' },
    {
      name: 'packaging_capex',
      dimension: 'money',
      label: 'Packaging capex',
      description: 'CoWoS capacity for the units',
    },
    {
      name: 'hbm_capex',
      dimension: 'money',
      label: 'HBM capex',
      description: 'memory capacity for the units',
    },
    {
      name: 'wafer_cost',
      dimension: 'money',
      label: 'Logic wafer spend per year',
      description: 'wafers × price',
    },
    {
      name: 'datacenter_power',
      dimension: 'power',
      label: 'Datacenter power filled per year',
      description: 'units × IT power × PUE',
    },
  ],
  compute(ctx) {
    const accelerator = resolveAccelerator(ctx);
    const s = ctx.catalog.supply;
    const found = acceleratorSupply(s, accelerator);
    if ('missing' in found)
      return found.missing === 'packaging'
        ? ctx.fail(
            'accelerator',
            `: ${accelerator.id} has no packaging data in data/supply.yaml; known: ${Object.keys(s.packaging).join(', ')}`,
          )
        : ctx.fail('accelerator', `: process '${found.process}' is missing from data/supply.yaml`);
    const { node } = found;
    const via = `${accelerator.id} on ${node.id}`;
    const needed = (name: string, figure: Figure | undefined, what: string) =>
      figure || ctx.has(name)
        ? ctx.has(name)
          ? ctx.number(name)
          : catalogNumber(ctx, name, via, figure as Figure)
        : ctx.fail(name, `is needed: the catalog has no ${what} for ${node.name}`);
    const process: ProcessSpec = {
      waferPrice: catalogNumber(ctx, 'wafer_price', via, node.waferPrice),
      // The catalog keeps D0 per m²; people write it per cm².
      defectDensity:
        catalogNumber(ctx, 'defect_density', via, {
          ...node.defectDensity,
          value: node.defectDensity.value / 1e4,
        }) * 1e4,
      fabCost: needed('fab_cost', node.fabCost, 'fab cost'),
      fabWaferStarts: needed('fab_wafer_starts', node.fabWaferStarts, 'fab size'),
      euvLayers: node.euvLayers.value,
    };
    const pkg = packageSpec(found.pkg);
    const packagingYield = catalogNumber(ctx, 'packaging_yield', 'CoWoS', s.cowos.packagingYield);
    const perUnit = capexPerUnitYear(pkg, process, capacityCosts(s), packagingYield);
    let units: number;
    if (ctx.has('units')) units = ctx.number('units');
    else if (ctx.has('capital')) {
      units = unitsForCapital(ctx.number('capital'), perUnit.total);
      ctx.provenance('units', { value: units, dimension: 'count', origin: 'solved' });
      ctx.note(
        `each accelerator a year of capacity costs ${formatQuantity(perUnit.total, 'money')}: ${formatQuantity(perUnit.logic, 'money')} of fab, ${formatQuantity(perUnit.packaging, 'money')} of packaging, ${formatQuantity(perUnit.memory, 'money')} of HBM capacity`,
      );
    } else return ctx.fail('units', `is missing: give ${ctx.label('units')} or ${ctx.label('capital')}`);
    const carrierArea = ctx.number('carrier_area', () => ({ value: 1, origin: 'default' }));
    const needs = supplyNeeds(units, pkg, process, lithography(s), packagingYield, carrierArea);
    const year = ctx.number('year', () => ({ value: 2026, origin: 'default' }));
    const endOfYear = year * 12 + 11;
    const shares = supplyShares(needs, {
      cowosWafersPerMonth: seriesAt(s.cowos.capacity, endOfYear),
      hbmStacksPerYear: seriesAt(s.hbm.capacity, endOfYear),
    });
    const itPowerEach = catalogNumber(ctx, 'it_power', accelerator.id, accelerator.itPower);
    return {
      units,
      gross_dies_per_wafer: needs.grossDiesPerWafer,
      die_yield: needs.dieYield,
      good_dies_per_wafer: needs.goodDiesPerWafer,
      logic_wafers: needs.logicWafers,
      cowos_wafers: needs.cowosWafers,
      cowos_share: shares.cowos,
      hbm_stacks: needs.hbmStacks,
      hbm_share: shares.hbm,
      euv_tools: needs.euvTools,
      euv_tools_per_fab: needs.euvTools / needs.fabs,
      euv_tool_price: s.euv.toolPrice.value,
      high_na_tool_price: s.euv.highNaToolPrice.value,
      fab_cost: process.fabCost,
      fabs: needs.fabs,
      fab_capex: needs.fabCapex,
      packaging_capex: units * perUnit.packaging,
      hbm_capex: units * perUnit.memory,
      wafer_cost: needs.waferCost,
      datacenter_power: facilityPower(itPower(units, itPowerEach), ctx.number('pue')),
    };
  },
};
