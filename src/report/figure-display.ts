import type { ListedFigure } from '../catalog/figure-list.js';
import type { Dimension } from '../units/dimensions.js';
import { formatQuantity } from '../units/format.js';
import { renderTable } from './table.js';

/** How a listed catalog figure (catalog/figure-list.ts) reads: the sources page and `gigawatt catalog yardsticks` show it so. */

/** The kind of quantity a figure is, by the name it goes by in its record. */
const DIMENSION_OF: Record<string, Dimension> = {
  bf16: 'flops',
  fp8: 'flops',
  fp4: 'flops',
  peak8bit: 'flops',
  peak16bit: 'flops',
  hbmCapacity: 'bytes',
  memoryCapacity: 'bytes',
  hbmBandwidth: 'bandwidth',
  memoryBandwidth: 'bandwidth',
  tdp: 'power',
  itPower: 'power',
  power: 'power',
  price: 'money',
  waferPrice: 'money',
  fabCost: 'money',
  toolPrice: 'money',
  highNaToolPrice: 'money',
  // data/yardsticks.yaml
  value: 'money',
  cost: 'money',
  peakShare: 'fraction',
  years: 'time',
  start: 'year',
  buildTime: 'time',
  installTime: 'time',
  hourlyPrice: 'money_per_hour',
  electricity: 'energy',
  landauer: 'energy',
  cmosLimit: 'energy_per_flop',
  green500Best: 'energy_per_flop',
  neuromorphicBest: 'energy_per_flop',
  solarYieldUs: 'energy',
  solarYieldGermany: 'energy',
  householdUse: 'energy',
  stackPrice: 'money',
  capexPerWaferMonth: 'money',
  capexPerStackYear: 'money',
  dieArea: 'area',
  computeDieArea: 'area',
  interposerArea: 'area',
  params: 'count',
  activeParams: 'count',
  trainingTokens: 'tokens',
  trainingCompute: 'flop',
  compute: 'flop',
  trainingAcceleratorHours: 'hours',
  units: 'count',
  overnightCost: 'capex_per_power',
  leadTime: 'time',
  capacityFactor: 'fraction',
  worldBuildPerYear: 'power',
  backlog: 'power',
  available: 'power',
  electricityGeneration: 'energy',
  usElectricityGeneration: 'energy',
  electricityGrowth: 'fraction',
  datacenterShare2030: 'fraction',
  generatingCapacityAdded: 'power',
  usCapacityAdded: 'power',
  usQueue: 'power',
  usMedianWait: 'time',
  largeLoadWait: 'time',
  low: 'power',
  median: 'power',
  high: 'power',
  packagingYield: 'fraction',
};

/** A catalog figure's value for a reader, in the unit its name says (a ratio where the name is unknown). */
export function displayFigure(path: string, value: number | string): string {
  if (typeof value === 'string') return value;
  const name =
    path
      .replace(/\[\d+\]/g, '')
      .split('.')
      .pop() ?? '';
  const dimension = DIMENSION_OF[name];
  if (!dimension) return formatQuantity(value, 'ratio');
  // Overnight costs are per watt of nameplate in the catalog; people read them per kW.
  if (dimension === 'capex_per_power') return `${formatQuantity(value * 1000, 'money')}/kW`;
  return formatQuantity(value, dimension);
}

/** Catalog figures as a table: record, figure, value (* an estimate) and source. */
export function renderFigureTable(figures: readonly ListedFigure[]): string {
  const rows = figures.map((f) => [
    f.entry,
    f.path,
    `${displayFigure(f.path, f.value)}${f.estimate ? '*' : ''}`,
    f.source.title.length > 70 ? `${f.source.title.slice(0, 69)}…` : f.source.title,
  ]);
  return `${renderTable(
    [{ header: 'entry' }, { header: 'figure' }, { header: 'value', align: 'right' }, { header: 'source' }],
    rows,
  )}\n\n* estimate. Notes and source links: --json\n`;
}
