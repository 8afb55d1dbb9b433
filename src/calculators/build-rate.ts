import type { Precision } from '../catalog/types.js';
import { clusterEconomics } from '../model/cluster.js';
import { powerOption } from '../model/from-catalog.js';
import { fastestMix } from '../model/power-supply.js';
import { SECONDS_PER_DAY } from '../units/dimensions.js';
import { formatQuantity } from '../units/format.js';
import { COSTING_INPUTS, clusterSpecOf, peakPerAccelerator, resolveAccelerator } from './fleet.js';
import { POWER_SHARE_INPUT } from './power.js';
import type { Calculator } from './types.js';

/** One GW a week: the rate the claims of a build-out "factory" are held against. */
const GW_PER_WEEK = 1e9 / (7 * SECONDS_PER_DAY);

export const buildRate: Calculator = {
  name: 'build-rate',
  example: { accelerator: 'h100', count: '100k', time: '19 days' },
  title: 'Build rate: installing a cluster against bringing its power online',
  description:
    'How fast a cluster installed in a given time goes in (accelerators a day, MW a week, against 1 GW a week), and how long bringing its power online from nothing would take (the fastest mix of the catalog’s power sources).',
  inputs: [
    ...COSTING_INPUTS,
    {
      name: 'count',
      type: 'quantity',
      dimension: 'count',
      example: '100k',
      bounds: { min: 1 },
      description: 'accelerators installed',
    },
    {
      name: 'time',
      type: 'quantity',
      dimension: 'time',
      example: '19 days',
      bounds: { min: 3600 },
      description: 'time taken to install them',
    },
    POWER_SHARE_INPUT,
  ],
  outputs: [
    {
      name: 'accelerators_per_day',
      dimension: 'count',
      label: 'Accelerators a day',
      description: 'installed',
    },
    {
      name: 'facility_power',
      dimension: 'power',
      label: 'Facility power',
      description: 'of the cluster, at the meter',
    },
    {
      name: 'power_per_week',
      dimension: 'power',
      label: 'Power installed a week',
      description: 'facility power / time, a week',
    },
    {
      name: 'over_gw_per_week',
      dimension: 'ratio',
      label: 'Of 1 GW a week',
      description: 'power installed a week / 1 GW',
    },
    {
      name: 'power_online_time',
      dimension: 'time',
      label: 'Power online from nothing',
      description: 'fastest mix of power sources for that load',
    },
  ],
  compute(ctx) {
    const accelerator = resolveAccelerator(ctx);
    const count = ctx.number('count');
    const time = ctx.number('time');
    const peak = peakPerAccelerator(ctx, accelerator, ctx.text('precision') as Precision);
    const fleet = clusterEconomics(clusterSpecOf(ctx, accelerator, count, peak));
    const share = ctx.number('share');
    const mix = fastestMix(
      fleet.facilityPower,
      ctx.catalog.power.powerSources.map((s) => powerOption(s, share)),
    );
    const perWeek = (fleet.facilityPower / time) * 7 * SECONDS_PER_DAY;
    const online = Number.isFinite(mix.time) ? mix.time : undefined;
    ctx.note(
      `${formatQuantity(count / (time / SECONDS_PER_DAY), 'count')} ${accelerator.id} a day is ${formatQuantity(perWeek, 'power')} a week, ${formatQuantity(perWeek / 1e9, 'fraction')} of 1 GW a week`,
    );
    if (online !== undefined)
      ctx.note(
        `bringing ${formatQuantity(fleet.facilityPower, 'power')} online from nothing takes ${formatQuantity(online, 'time')} (fastest mix: ${mix.parts.map((p) => p.id).join(', ')}); an install this fast needs a building and power already there`,
      );
    return {
      accelerators_per_day: count / (time / SECONDS_PER_DAY),
      facility_power: fleet.facilityPower,
      power_per_week: perWeek,
      over_gw_per_week: fleet.facilityPower / time / GW_PER_WEEK,
      ...(online === undefined ? {} : { power_online_time: online }),
    };
  },
};
