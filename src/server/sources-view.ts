import type { Catalog } from '../catalog/catalog.js';
import { catalogFigures } from '../catalog/figure-list.js';
import type { Dimension } from '../units/dimensions.js';
import { formatQuantity } from '../units/format.js';

/**
 * The explorer's sources page: every catalog figure with its value, whether it is an
 * estimate, and the source it comes from, data file by data file; then the assumptions
 * with their ranges and sources.
 */

export interface SourceRow {
  entry: string;
  figure: string;
  value: string;
  estimate: boolean;
  source: { title: string; url?: string | undefined };
  note?: string | undefined;
}

export interface SourcesView {
  /** One section per data file, in catalog order. */
  sections: Array<{ file: string; rows: SourceRow[] }>;
  assumptions: Array<{
    key: string;
    value: string;
    range?: string | undefined;
    estimate: boolean;
    description: string;
    sources: Array<{ title: string; url?: string | undefined }>;
  }>;
}

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

function display(path: string, value: number | string): string {
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

export function sourcesView(catalog: Catalog): SourcesView {
  const sections: SourcesView['sections'] = [];
  for (const f of catalogFigures(catalog)) {
    let section = sections.find((s) => s.file === f.part);
    if (!section) {
      section = { file: f.part, rows: [] };
      sections.push(section);
    }
    section.rows.push({
      entry: f.entry,
      figure: f.path,
      value: display(f.path, f.value),
      estimate: f.estimate,
      source: { title: f.source.title, url: f.source.url },
      note: f.note,
    });
  }
  const assumptions = Object.values(catalog.assumptions).map((a) => ({
    key: a.key,
    value: a.written,
    range: a.range,
    estimate: a.estimate,
    description: a.description,
    sources: a.sources.map((s) => ({ title: s.title, url: s.url })),
  }));
  return { sections, assumptions };
}
