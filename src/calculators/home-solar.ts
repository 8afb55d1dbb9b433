import type { EdgeDevice } from '../catalog/types.js';
import { withContext } from '../errors.js';
import { averagePower, deviceEnergyPerDay, perDay, solarEnergyPerDay } from '../model/home-solar.js';
import { SECONDS_PER_DAY } from '../units/dimensions.js';
import { formatQuantity, significant } from '../units/format.js';
import { DEVICE_POWER_INPUT } from './edge-vs-central.js';
import { catalogNumber } from './fleet.js';
import type { Calculator, CalculatorContext, OutputSpec } from './types.js';

const OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'solar_energy_per_day',
    dimension: 'energy',
    label: 'Solar energy a day',
    description: "one home's panels on an average day of the year",
  },
  {
    name: 'device_energy_per_day',
    dimension: 'energy',
    label: 'Device energy a day',
    description: "the device's power times the hours it runs a day",
  },
  {
    name: 'device_share_of_solar',
    dimension: 'fraction',
    label: 'Device share of solar',
    description: "the device's energy as a share of the home's solar",
  },
  {
    name: 'household_use_per_day',
    dimension: 'energy',
    label: 'Household use a day',
    description: 'what the average US home uses a day (EIA)',
  },
  {
    name: 'solar_left_for_home',
    dimension: 'energy',
    label: 'Solar left for the home',
    description: 'solar energy a day after the device (negative: the device takes more than the panels give)',
  },
  { name: 'total_solar', dimension: 'power', label: 'Total solar', description: 'homes × panels per home' },
  {
    name: 'fleet_average_power',
    dimension: 'power',
    label: 'Fleet average power',
    description: "the devices' daily energy over all homes, as a round-the-clock power",
  },
];

/** The edge device from the catalog (a car's or home's AI computer), recorded with its origin. */
function resolveDevice(ctx: CalculatorContext): EdgeDevice {
  const device = withContext(ctx.label('device'), () => ctx.catalog.device(ctx.text('device')));
  ctx.provenance('device', { value: device.id, origin: ctx.has('device') ? 'given' : 'default' });
  return device;
}

/** Whether what the panels leave covers the home's own use, in plain words. */
function homeFits(left: number, household: number): string {
  const use = `the average US home's ${formatQuantity(household, 'energy')} a day`;
  if (left <= 0) return 'the panels do not even cover the device, so nothing is left for the home itself';
  if (left >= household)
    return `the ${formatQuantity(left, 'energy')} left covers ${use} (on average over the year; nights and winter need storage or the grid)`;
  return `the ${formatQuantity(left, 'energy')} left falls ${formatQuantity(household - left, 'energy')} short of ${use}`;
}

export const homeSolar: Calculator = {
  name: 'home-solar',
  example: { solar: '10 kW', homes: '1B' },
  title: 'Home solar: can rooftop panels run an AI chip in every home?',
  description:
    "Check the claim of a billion AI chips in cars and homes, each home with about 10 kW of solar, serving inference: a home's solar energy a day against what its device draws and what the home itself uses, and the fleet's panels and average power.",
  inputs: [
    {
      name: 'solar',
      type: 'quantity',
      dimension: 'power',
      example: '10 kW',
      bounds: { min: 0, exclusiveMin: true },
      description: 'rated power of the panels on each home',
    },
    {
      name: 'yield',
      type: 'quantity',
      dimension: 'energy',
      example: '1,300 kWh',
      bounds: { min: 0, exclusiveMin: true },
      defaultText: "the catalog's US rooftop yield (NREL)",
      description: 'energy one kW of panels gives in a year (990 kWh in Germany)',
    },
    {
      name: 'device',
      type: 'device',
      default: 'tesla-hw4',
      description: 'edge device id from the catalog (see `gigawatt catalog devices`)',
    },
    DEVICE_POWER_INPUT,
    {
      name: 'hours',
      type: 'quantity',
      dimension: 'time',
      example: '24 h',
      bounds: { min: 0, exclusiveMin: true },
      defaultText: '24 h: around the clock, the most a chip can serve',
      description: 'time a day the device runs inference',
    },
    {
      name: 'homes',
      type: 'quantity',
      dimension: 'count',
      example: '1B',
      bounds: { min: 1, integer: true },
      defaultText: 'one home',
      description: 'homes, each with the panels and one device',
    },
  ],
  outputs: OUTPUTS,
  compute(ctx) {
    const panels = ctx.number('solar');
    const { homes: yardsticks } = ctx.catalog.yardsticks;
    const yieldPerKw = catalogNumber(ctx, 'yield', 'solar_yield_us', yardsticks.solarYieldUs);
    const device = resolveDevice(ctx);
    const power = catalogNumber(ctx, 'device_power', device.id, device.power);
    // The claim's fleet serves inference whenever the car is parked, most of the day, so
    // round the clock is the default: the share of the panels it gives is an upper bound.
    const hours = ctx.number('hours', () => ({
      value: SECONDS_PER_DAY,
      origin: 'default',
      via: 'around the clock',
    }));
    if (hours > SECONDS_PER_DAY) return ctx.fail('hours', 'cannot exceed 24 h: it is time per day');
    const homes = ctx.number('homes', () => ({ value: 1, origin: 'default', via: 'one home' }));

    const solar = solarEnergyPerDay(panels, yieldPerKw);
    const drawn = deviceEnergyPerDay(power, hours);
    const household = perDay(yardsticks.householdUse.value);
    const left = solar - drawn;
    const share = drawn / solar;
    ctx.note(
      `${device.id} at ${formatQuantity(power, 'power')} for ${formatQuantity(hours, 'time')} a day uses ${formatQuantity(drawn, 'energy')}, ${significant(share * 100, 2)}% of the ${formatQuantity(solar, 'energy')} that ${formatQuantity(panels, 'power')} of panels give on an average day; ${homeFits(left, household)}`,
    );
    if (homes > 1)
      ctx.note(
        `${formatQuantity(homes, 'count')} homes: ${formatQuantity(panels * homes, 'power')} of panels, and the devices draw ${formatQuantity(averagePower(drawn, homes), 'power')} around the clock`,
      );
    return {
      solar_energy_per_day: solar,
      device_energy_per_day: drawn,
      device_share_of_solar: share,
      household_use_per_day: household,
      solar_left_for_home: left,
      total_solar: panels * homes,
      fleet_average_power: averagePower(drawn, homes),
    };
  },
};
