import type { Catalog } from './catalog.js';
import type { Source } from './types.js';

/**
 * Every sourced figure of the catalog, found by walking its records: an object with a
 * `value` and a `source` (a Figure), wherever it sits. The sources page lists these, so a
 * figure added to a data file shows there without anything else written for it.
 */

export interface ListedFigure {
  /** The part of the catalog and the data file it is read from. */
  part: string;
  /** The record it belongs to (an accelerator's id, a year, a power source). */
  entry: string;
  /** Where in the record: "dense.bf16", "hbmCapacity", "campus.median". */
  path: string;
  value: number | string;
  estimate: boolean;
  source: Source;
  note?: string | undefined;
}

interface FigureLike {
  value: number | string;
  source: Source;
  estimate?: boolean;
  note?: string;
}

const isFigure = (x: unknown): x is FigureLike =>
  typeof x === 'object' &&
  x !== null &&
  'value' in x &&
  'source' in x &&
  typeof (x as { source: unknown }).source === 'object' &&
  typeof ((x as { source: { title?: unknown } }).source?.title ?? undefined) === 'string';

/** The figures in one record, with their paths inside it. */
function figuresIn(value: unknown, path: string, out: Array<[string, FigureLike]>): void {
  if (isFigure(value)) {
    out.push([path, value]);
    return;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) figuresIn(item, `${path}[${i}]`, out);
    return;
  }
  if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value)) figuresIn(inner, path ? `${path}.${key}` : key, out);
}

/** A name for a record: its id, name, year or position. */
function entryName(record: unknown, fallback: string): string {
  const r = record as { id?: unknown; name?: unknown; year?: unknown; accelerator?: unknown };
  for (const key of [r.id, r.accelerator, r.name, r.year]) if (key !== undefined) return String(key);
  return fallback;
}

function list(part: string, records: ReadonlyArray<unknown>): ListedFigure[] {
  return records.flatMap((record, i) => {
    const found: Array<[string, FigureLike]> = [];
    figuresIn(record, '', found);
    return found.map(([path, f]) => ({
      part,
      entry: entryName(record, String(i + 1)),
      path,
      value: f.value,
      estimate: f.estimate ?? false,
      source: f.source,
      note: f.note,
    }));
  });
}

/** Every sourced figure of the catalog's data files, part by part. */
export function catalogFigures(catalog: Catalog): ListedFigure[] {
  const { supply, shipments, power, frontier } = catalog;
  const shipmentRows = shipments.years.flatMap((y) =>
    y.rows.map((row) => ({ ...row, id: `${y.year} ${row.accelerator}` })),
  );
  return [
    ...list('data/accelerators.yaml', catalog.accelerators),
    ...list('data/models.yaml', catalog.models),
    ...list('data/devices.yaml', catalog.devices),
    ...list(
      'data/supply.yaml',
      Object.entries(supply).map(([id, part]) => ({ id, part })),
    ),
    ...list('data/shipments.yaml', shipmentRows),
    ...list('data/power.yaml', power.powerSources),
    ...list(
      'data/power.yaml',
      Object.entries(power)
        .filter(([key]) => key !== 'powerSources')
        .map(([id, part]) => ({ id, part })),
    ),
    ...list(
      'data/frontier.yaml',
      frontier.campus.map((c) => ({ ...c, id: `largest campus ${c.year}` })),
    ),
    ...list('data/frontier.yaml', frontier.runs),
    ...yardstickFigures(catalog),
  ];
}

/** The yardsticks' figures: records with ids as they are, single figures under their section. */
function yardstickFigures(catalog: Catalog): ListedFigure[] {
  const { gdp, programs, deals, rental, grids, efficiency, homes } = catalog.yardsticks;
  const file = 'data/yardsticks.yaml';
  return [
    ...list(
      file,
      gdp.map((g) => ({ ...g, id: `US GDP ${g.year}` })),
    ),
    ...list(file, programs),
    ...list(file, deals),
    ...list(file, rental),
    ...list(file, grids),
    ...list(file, [
      { id: 'efficiency', ...efficiency },
      { id: 'homes', ...homes },
    ]),
  ];
}
