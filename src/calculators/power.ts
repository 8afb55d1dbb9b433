import type { PowerSource } from '../catalog/power.js';
import { withContext } from '../errors.js';
import { powerOption } from '../model/from-catalog.js';
import { annualEnergy } from '../model/power.js';
import {
  deliverableBy,
  fastestMix,
  HORIZON,
  nameplateFor,
  type PowerOption,
  powerCapex,
  timeToDeliver,
} from '../model/power-supply.js';
import { formatQuantity } from '../units/format.js';
import { LOAD_FACTOR_INPUT } from './fleet.js';
import type { Calculator, CalculatorContext, InputSpec, OutputSpec } from './types.js';

/** How much of the world's yearly build of power equipment one buyer can get. */
export const POWER_SHARE_INPUT: InputSpec = {
  name: 'share',
  type: 'quantity',
  dimension: 'fraction',
  example: '30%',
  bounds: { min: 0, exclusiveMin: true, max: 1 },
  assumption: 'power_build_share',
  description: "share of the world's yearly build of each kind of power equipment this buyer can get",
};

/** What one power source would take to bring the whole load online alone, one row per source. */
const BREAKDOWN_COLUMNS: readonly OutputSpec[] = [
  { name: 'lead_time', dimension: 'time', label: 'Lead time', description: 'decision to first power' },
  {
    name: 'capacity_factor',
    dimension: 'fraction',
    label: 'Capacity factor',
    description: 'share of nameplate that serves a flat load',
  },
  { name: 'nameplate', dimension: 'power', label: 'Equipment', description: 'nameplate for the whole load' },
  {
    name: 'world_output_share',
    dimension: 'fraction',
    label: "Of world's yearly build",
    description: "that nameplate as a share of the world's yearly build of it",
  },
  { name: 'capex', dimension: 'money', label: 'Capex', description: 'overnight cost of that nameplate' },
  { name: 'years', dimension: 'time', label: 'Time alone', description: 'to deliver the whole load alone' },
  {
    name: 'in_fastest_mix',
    dimension: 'power',
    label: 'In fastest mix',
    description: 'its part of the load in the fastest mix',
  },
];

const OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'years',
    dimension: 'time',
    label: 'Time to bring online',
    description: 'decision to the whole load',
  },
  { name: 'nameplate', dimension: 'power', label: 'Equipment', description: 'nameplate built for the load' },
  {
    name: 'capex',
    dimension: 'money',
    label: 'Power capex',
    description: 'overnight cost of that equipment',
  },
  {
    name: 'world_output_share',
    dimension: 'fraction',
    label: "Of world's yearly build",
    description: "most of any one kind of equipment, as a share of the world's yearly build of it",
  },
  {
    name: 'annual_energy',
    dimension: 'energy',
    label: 'Annual energy',
    description: 'the load drawn all year at the average load factor',
  },
];

/** The catalog's power sources as the model's options, at the buyer's share of the world's build. */
function optionsOf(ctx: CalculatorContext): Array<{ source: PowerSource; option: PowerOption }> {
  const share = ctx.number('share');
  return ctx.catalog.power.powerSources.map((source) => ({ source, option: powerOption(source, share) }));
}

/** Nameplate as a share of the world's yearly build of that equipment (undefined where none is published). */
function worldShare(source: PowerSource, nameplate: number): number | undefined {
  const rate = source.worldBuildPerYear?.value;
  return rate ? nameplate / rate : undefined;
}

export const power: Calculator = {
  name: 'power',
  example: { power: '52 GW' },
  title: 'Power: what bringing a load online takes',
  description:
    'What bringing a facility power online takes, by source (gas turbines, engines, solar with batteries, wind, nuclear, the grid): equipment, share of the world’s yearly build of it, cost, years, and the fastest mix.',
  inputs: [
    {
      name: 'power',
      type: 'quantity',
      dimension: 'power',
      example: '52 GW',
      bounds: { min: 0, exclusiveMin: true },
      description: 'facility power to bring online, as a flat load',
    },
    {
      name: 'source',
      type: 'power-source',
      defaultText: 'the fastest mix of all of them',
      description: 'one way to bring power online (see `gigawatt catalog power`)',
    },
    POWER_SHARE_INPUT,
    LOAD_FACTOR_INPUT,
  ],
  outputs: OUTPUTS,
  breakdown: { title: 'Each source alone', label: 'Source', columns: BREAKDOWN_COLUMNS },
  compute(ctx) {
    const load = ctx.number('power');
    const options = optionsOf(ctx);
    const mix = fastestMix(
      load,
      options.map((o) => o.option),
    );
    for (const { source, option } of options) {
      const nameplate = nameplateFor(load, option.capacityFactor);
      const alone = timeToDeliver(load, [option]);
      const part = mix.parts.find((p) => p.id === source.id)?.load ?? 0;
      ctx.row(source.id, {
        lead_time: option.leadTime,
        capacity_factor: option.capacityFactor,
        nameplate,
        ...optional('world_output_share', worldShare(source, nameplate)),
        capex: powerCapex(load, option),
        ...optional('years', Number.isFinite(alone) ? alone : undefined),
        in_fastest_mix: part,
      });
    }
    const energy = annualEnergy(load, ctx.number('load_factor'));
    if (ctx.has('source')) {
      const chosen = withContext(ctx.label('source'), () => ctx.catalog.powerSource(ctx.text('source')));
      ctx.provenance('source', { value: chosen.id, origin: 'given' });
      const { option } = options.find((o) => o.source === chosen) as (typeof options)[number];
      const years = timeToDeliver(load, [option]);
      if (!Number.isFinite(years)) return ctx.fail('power', tooMuchFor(chosen, option, load));
      const nameplate = nameplateFor(load, option.capacityFactor);
      ctx.note(whyTime(chosen, option, load, years));
      return {
        years,
        nameplate,
        capex: powerCapex(load, option),
        ...optional('world_output_share', worldShare(chosen, nameplate)),
        annual_energy: energy,
      };
    }
    if (!Number.isFinite(mix.time))
      return ctx.fail(
        'power',
        'is more than all the sources together can deliver within 100 years at this share',
      );
    const shares = mix.parts
      .map((p) => {
        const source = options.find((o) => o.source.id === p.id)?.source as PowerSource;
        return worldShare(source, p.nameplate);
      })
      .filter((s): s is number => s !== undefined);
    ctx.note(
      `fastest mix: ${mix.parts.map((p) => `${p.id} ${formatQuantity(p.load, 'power')}`).join(', ')}; each source's orders wait its lead time, then arrive at this share of the world's yearly build`,
    );
    return {
      years: mix.time,
      nameplate: mix.parts.reduce((sum, p) => sum + p.nameplate, 0),
      capex: mix.parts.reduce((sum, p) => sum + p.capex, 0),
      ...optional('world_output_share', shares.length > 0 ? Math.max(...shares) : undefined),
      annual_energy: energy,
    };
  },
};

const optional = (name: string, value: number | undefined) => (value === undefined ? {} : { [name]: value });

/** Why one source takes the time it does: its lead time, then its share of the world's build. */
function whyTime(source: PowerSource, option: PowerOption, load: number, years: number): string {
  const lead = formatQuantity(option.leadTime, 'time');
  if (years <= option.leadTime + 1) return `${source.id}: all of it arrives after the ${lead} lead time`;
  const perYear = formatQuantity(deliverableBy(option, option.leadTime + 365.25 * 86400), 'power');
  return `${source.id}: first power after ${lead}, then ${perYear} a year of firm power at this share of the world's build, so ${formatQuantity(load, 'power')} takes ${formatQuantity(years, 'time')}`;
}

function tooMuchFor(source: PowerSource, option: PowerOption, load: number): string {
  const most = formatQuantity(deliverableBy(option, HORIZON), 'power');
  return `${formatQuantity(load, 'power')} is more than ${source.id} can deliver within 100 years at this share (at most ${most})`;
}
