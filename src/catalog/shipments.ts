import { z } from 'zod';
import { unknownId } from '../errors.js';
import { figureSchema, type RawFigure, resolveFigure, sourceList, sourcesSchema } from './figures.js';
import type { Figure, Source } from './types.js';

/** AI accelerators of one type shipped in one calendar year (data/shipments.yaml). */
export interface ShipmentRow {
  /** Catalog id of the accelerator (aliases resolved). */
  accelerator: string;
  units: Figure;
}

export interface ShipmentYear {
  year: number;
  rows: ShipmentRow[];
}

export interface ShipmentsCatalog {
  years: ShipmentYear[];
  sources: Source[];
}

/** The catalog's accelerator names, to check rows against (shipments are read after accelerators). */
export interface AcceleratorNames {
  /** Every id and alias, lowercase, and the id each resolves to. */
  idOf: ReadonlyMap<string, string>;
}

const rowSchema = z.strictObject({
  accelerator: z.string().min(1),
  units: figureSchema('count'),
});

const yearSchema = z.strictObject({
  year: z.int().min(2000).max(2100),
  rows: z.array(rowSchema).min(1),
});

/** The shipments file's schema, checking accelerator names against the catalog's. */
export function shipmentsFileSchema(names: AcceleratorNames) {
  return z
    .strictObject({
      sources: sourcesSchema,
      shipments: z.array(yearSchema).min(1),
    })
    .transform((raw, ctx): ShipmentsCatalog => {
      const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      const years = raw.shipments.map((y, i): ShipmentYear => {
        const previous = raw.shipments[i - 1];
        if (previous && y.year <= previous.year)
          issue(['shipments', i, 'year'], `years must increase: ${y.year} comes after ${previous.year}`);
        const seen = new Set<string>();
        const rows = y.rows.map((row, j): ShipmentRow => {
          const path = ['shipments', i, 'rows', j];
          const id = names.idOf.get(row.accelerator.trim().toLowerCase());
          if (!id)
            issue(
              [...path, 'accelerator'],
              unknownId('accelerator', row.accelerator, [...names.idOf.keys()], [...names.idOf.values()]),
            );
          else if (seen.has(id)) issue([...path, 'accelerator'], `${id} is listed twice in ${y.year}`);
          if (id) seen.add(id);
          if (row.units.value < 0) issue([...path, 'units', 'value'], 'a count of units cannot be negative');
          return {
            accelerator: id ?? row.accelerator,
            units: resolveFigure(row.units as RawFigure<number>, raw.sources, [...path, 'units'], ctx),
          };
        });
        return { year: y.year, rows };
      });
      return { years, sources: sourceList(raw.sources) };
    });
}
