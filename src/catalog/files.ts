/**
 * The data files, by part of the catalog. Kept apart from the schemas (catalog/parse.ts) so
 * the fast path that reads the cached catalog never loads them.
 */
export const CATALOG_FILES = {
  accelerators: 'accelerators.yaml',
  models: 'models.yaml',
  assumptions: 'assumptions.yaml',
  devices: 'devices.yaml',
  supply: 'supply.yaml',
  shipments: 'shipments.yaml',
  power: 'power.yaml',
  frontier: 'frontier.yaml',
  yardsticks: 'yardsticks.yaml',
} as const;

export interface CatalogText {
  file: string;
  text: string;
}

export type CatalogTexts = Record<keyof typeof CATALOG_FILES, CatalogText>;
