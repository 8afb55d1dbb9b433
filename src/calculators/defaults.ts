import type { AssumptionKey } from '../catalog/assumptions.js';
import type { Catalog } from '../catalog/catalog.js';

/** A sourced default from data/assumptions.yaml, as a resolved input. */
export function assumptionDefault(catalog: Catalog, key: AssumptionKey) {
  const assumption = catalog.assumptions[key];
  return {
    value: assumption.value,
    origin: 'default' as const,
    via: `assumption ${key}`,
    source: assumption.sources.map((s) => s.title).join('; '),
    estimate: assumption.estimate,
  };
}
