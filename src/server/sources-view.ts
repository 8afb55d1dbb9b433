import type { Catalog } from '../catalog/catalog.js';
import { catalogFigures } from '../catalog/figure-list.js';
import { displayFigure } from '../report/figure-display.js';

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
      value: displayFigure(f.path, f.value),
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
