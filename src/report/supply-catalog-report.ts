import type { Catalog } from '../catalog/catalog.js';
import type { PowerCatalog } from '../catalog/power.js';
import type { Figure } from '../catalog/types.js';
import type { Dimension } from '../units/dimensions.js';
import { formatQuantity } from '../units/format.js';
import { renderTable } from './table.js';

const show = (figure: Figure | undefined, dimension: Dimension) =>
  figure ? `${formatQuantity(figure.value, dimension)}${figure.estimate ? '*' : ''}` : '—';

/** The ways to bring power online (data/power.yaml), one row each, then the world and grid figures. */
export function renderPowerTable(power: PowerCatalog): string {
  const right = { align: 'right' as const };
  const sources = renderTable(
    [
      { header: 'id' },
      { header: 'name' },
      { header: 'grid' },
      { header: 'cost/kW', ...right },
      { header: 'lead time', ...right },
      { header: 'capacity factor', ...right },
      { header: 'world builds/yr', ...right },
      { header: 'backlog', ...right },
    ],
    power.powerSources.map((s) => [
      s.id,
      s.name,
      s.grid ? 'yes' : 'no',
      s.overnightCost
        ? `${formatQuantity(s.overnightCost.value * 1000, 'money')}${s.overnightCost.estimate ? '*' : ''}`
        : '—',
      show(s.leadTime, 'time'),
      show(s.capacityFactor, 'fraction'),
      s.available ? `${show(s.available, 'power')} once` : show(s.worldBuildPerYear, 'power'),
      show(s.backlog, 'power'),
    ]),
  );
  const w = power.world;
  const ic = power.interconnection;
  const lines = [
    `World electricity ${show(w.electricityGeneration, 'energy')} a year, growing ${show(w.electricityGrowth, 'fraction')}; all data centres ${show(w.datacenterShare2030, 'fraction')} of it in 2030 (IEA base case).`,
    `Capacity added in a year: world ${show(w.generatingCapacityAdded, 'power')}, US ${show(w.usCapacityAdded, 'power')}. US interconnection queue ${show(ic.usQueue, 'power')}, median wait ${show(ic.usMedianWait, 'time')}; a large load waits ${show(ic.largeLoadWait, 'time')}.`,
  ];
  return `${sources}\n\n${lines.join('\n')}\n\n* estimate. Nameplate needed = load / capacity factor. Sources and notes: gigawatt catalog power --json\n`;
}

/** AI accelerators shipped each year (data/shipments.yaml), by vendor and type, with the year's total. */
export function renderShipmentsTable(catalog: Catalog): string {
  const rows = catalog.shipments.years.flatMap((y) => {
    const total = y.rows.reduce((sum, r) => sum + r.units.value, 0);
    return [
      ...y.rows.map((r, i) => [
        i === 0 ? String(y.year) : '',
        catalog.accelerator(r.accelerator).vendor,
        r.accelerator,
        show(r.units, 'count'),
      ]),
      ['', '', 'total', formatQuantity(total, 'count')],
    ];
  });
  return `${renderTable(
    [
      { header: 'year' },
      { header: 'vendor' },
      { header: 'accelerator' },
      { header: 'units', align: 'right' },
    ],
    rows,
  )}\n\n* estimate. Units are packages shipped in the year. Sources and notes: gigawatt catalog shipments --json\n`;
}
