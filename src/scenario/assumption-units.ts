import type { AssumptionKey } from '../catalog/assumptions.js';
import { type Dimension, SECONDS_PER_YEAR } from '../units/dimensions.js';
import type { TimelineAssumptions } from './inputs.js';

/**
 * The scenario assumptions the explorer puts on sliders, with the units people think in:
 * a slider moves a number in these units and writes it back as text the scenario parses
 * ("$0.07/kWh", "5 years", "40%").
 */
export interface ControlSpec {
  key: string;
  /** The timeline assumption it sets. */
  field: keyof Omit<TimelineAssumptions, 'scale' | 'hardwareLifetimeMonths'>;
  label: string;
  dimension: Dimension;
  /** The catalog default when the scenario does not set it. */
  catalog?: AssumptionKey;
  fallback?: number;
  /** Display value = SI value × scale. */
  scale: number;
  prefix: string;
  suffix: string;
  /** What applies when the scenario leaves it unset, when the model works it out (goodput). */
  unsetMeans?: string;
  /** Limits of the display value, whatever the catalog range says. */
  floor?: number;
  ceiling?: number;
}

const percent = {
  dimension: 'fraction' as const,
  scale: 100,
  prefix: '',
  suffix: '%',
  floor: 0,
  ceiling: 100,
};

export const CONTROL_SPECS: readonly ControlSpec[] = [
  {
    key: 'pue',
    field: 'pue',
    label: 'PUE',
    dimension: 'ratio',
    catalog: 'pue',
    scale: 1,
    prefix: '',
    suffix: '',
    floor: 1,
  },
  {
    key: 'electricity_price',
    field: 'electricityPrice',
    label: 'Electricity price',
    dimension: 'energy_price',
    catalog: 'electricity_price',
    scale: 3.6e6,
    prefix: '$',
    suffix: '/kWh',
    floor: 0,
  },
  {
    key: 'facility_capex',
    field: 'facilityCapexPerItWatt',
    label: 'Facility capex per IT watt',
    dimension: 'capex_per_power',
    catalog: 'facility_capex_per_it_power',
    scale: 1,
    prefix: '$',
    suffix: '/W',
    floor: 0,
  },
  {
    key: 'hardware_lifetime',
    field: 'hardwareLifetime',
    label: 'Accelerator lifetime',
    dimension: 'time',
    catalog: 'hardware_lifetime',
    scale: 1 / SECONDS_PER_YEAR,
    prefix: '',
    suffix: ' years',
    floor: 1,
  },
  {
    key: 'facility_lifetime',
    field: 'facilityLifetime',
    label: 'Facility lifetime',
    dimension: 'time',
    catalog: 'facility_lifetime',
    scale: 1 / SECONDS_PER_YEAR,
    prefix: '',
    suffix: ' years',
    floor: 1,
  },
  {
    key: 'cost_of_capital',
    field: 'costOfCapital',
    label: 'Cost of capital',
    catalog: 'cost_of_capital',
    ...percent,
  },
  { key: 'upkeep', field: 'upkeep', label: 'Upkeep per year', catalog: 'upkeep_rate', ...percent },
  { key: 'load_factor', field: 'loadFactor', label: 'Load factor', catalog: 'load_factor', ...percent },
  { key: 'mfu', field: 'mfu', label: 'Training MFU (BF16)', catalog: 'mfu_bf16', ...percent },
  {
    key: 'goodput',
    field: 'goodput',
    label: 'Training goodput',
    catalog: 'goodput',
    unsetMeans: "from the run's size",
    ...percent,
  },
  {
    key: 'training_run',
    field: 'trainingRun',
    label: 'Training run length',
    dimension: 'time',
    fallback: 100 * 86_400,
    scale: 1 / 86_400,
    prefix: '',
    suffix: ' days',
    floor: 1,
  },
  {
    key: 'serving_utilization',
    field: 'servingUtilization',
    label: 'Serving utilization',
    catalog: 'serving_utilization',
    ...percent,
  },
];
