import { annualEnergy } from '../model/power.js';
import { worldElectricity } from '../scenario/world-share.js';
import { formatQuantity } from '../units/format.js';
import { LOAD_FACTOR_INPUT } from './fleet.js';
import type { Calculator, CalculatorContext, OutputSpec } from './types.js';

const GRID_COLUMNS: readonly OutputSpec[] = [
  {
    name: 'electricity',
    dimension: 'energy',
    label: 'Electricity a year',
    description: 'national demand, 2024',
  },
  {
    name: 'load_over_grid',
    dimension: 'ratio',
    label: 'Load over it',
    description: 'the load’s energy a year over the grid’s',
  },
];

/** The load's facility power: given, or the world's AI datacenters in a year (scenarios/world.yaml at its medians). */
function facilityPowerOf(ctx: CalculatorContext): { power: number; year?: number } {
  if (ctx.has('facility_power')) return { power: ctx.number('facility_power') };
  if (!ctx.has('year'))
    return ctx.fail(
      'facility_power',
      `is missing: give ${ctx.label('facility_power')} or ${ctx.label('year')}`,
    );
  const world = ctx.catalog.worldBaseline();
  const year = ctx.number('year');
  const found = world.years.find((y) => y.year === year);
  if (!found) {
    const years = world.years.map((y) => y.year);
    return ctx.fail('year', `${year} is outside the world baseline's years (${years[0]}-${years.at(-1)})`);
  }
  ctx.provenance('facility_power', {
    value: found.facility_power,
    dimension: 'power',
    origin: 'catalog',
    via: `${world.file} ${year}`,
    source: `the world's AI datacenters at the medians of ${world.file}`,
    estimate: true,
  });
  return { power: found.facility_power, year };
}

export const gridScale: Calculator = {
  name: 'grid-scale',
  example: { year: '2030' },
  title: 'Grid scale: which national grids a load is the size of',
  description:
    "A datacenter load (or the world's AI datacenters in a year) in TWh a year, against national grids, the United States and the world's electricity.",
  inputs: [
    {
      name: 'facility_power',
      type: 'quantity',
      dimension: 'power',
      example: '50 GW',
      bounds: { min: 0, exclusiveMin: true },
      description: 'the load, at the meter',
    },
    {
      name: 'year',
      type: 'quantity',
      dimension: 'year',
      example: '2030',
      bounds: { min: 2024, max: 2040, integer: true },
      description:
        "the world's AI datacenters that year (scenarios/world.yaml at its medians), and the world's electricity then",
    },
    LOAD_FACTOR_INPUT,
  ],
  exclusive: [['facility_power', 'year']],
  outputs: [
    { name: 'facility_power', dimension: 'power', label: 'Facility power', description: 'the load' },
    {
      name: 'annual_energy',
      dimension: 'energy',
      label: 'Energy a year',
      description: 'at the average load factor',
    },
    {
      name: 'over_nearest_grid',
      dimension: 'ratio',
      label: 'Over the nearest grid',
      description: 'the load over the national grid closest in size',
    },
    {
      name: 'grids_smaller',
      dimension: 'count',
      label: 'Grids it outgrows',
      description: 'how many of the listed national grids use less',
    },
    {
      name: 'us_share',
      dimension: 'fraction',
      label: 'Share of US electricity',
      description: 'of US generation in 2024',
    },
    {
      name: 'world_share',
      dimension: 'fraction',
      label: 'Share of world electricity',
      description: "of the world's electricity that year (2024 grown at the catalog's rate)",
    },
  ],
  breakdown: { title: 'National grids', label: 'Grid', columns: GRID_COLUMNS },
  compute(ctx) {
    const { power, year } = facilityPowerOf(ctx);
    const energy = annualEnergy(power, ctx.number('load_factor'));
    const us = ctx.catalog.power.world.usElectricityGeneration;
    const grids = [
      ...ctx.catalog.yardsticks.grids.map((g) => ({ name: g.name, electricity: g.electricity.value })),
      { name: 'United States', electricity: us.value },
    ].sort((a, b) => b.electricity - a.electricity);
    for (const grid of grids)
      ctx.row(grid.name, { electricity: grid.electricity, load_over_grid: energy / grid.electricity });
    const nearest = grids.reduce((a, b) =>
      Math.abs(Math.log(energy / b.electricity)) < Math.abs(Math.log(energy / a.electricity)) ? b : a,
    );
    const smaller = grids.filter((g) => g.electricity < energy).length;
    const world = worldElectricity(ctx.catalog, year ?? 2024);
    ctx.note(
      `${formatQuantity(energy, 'energy')} a year is ${formatQuantity(energy / nearest.electricity, 'ratio')}x ${nearest.name}'s grid; more than ${smaller} of the ${grids.length} grids listed; ${formatQuantity(energy / world, 'fraction')} of the world's electricity${year ? ` in ${year}` : ''}`,
    );
    return {
      facility_power: power,
      annual_energy: energy,
      over_nearest_grid: energy / nearest.electricity,
      grids_smaller: smaller,
      us_share: energy / us.value,
      world_share: energy / world,
    };
  },
};
