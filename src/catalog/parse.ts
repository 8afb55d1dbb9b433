import { parseYaml } from '../yaml/document.js';
import { acceleratorsFileSchema } from './accelerators.js';
import { assumptionsFileSchema } from './assumptions.js';
import { Catalog } from './catalog.js';
import { devicesFileSchema } from './devices.js';
import { modelsFileSchema } from './models.js';
import { powerFileSchema } from './power.js';
import { shipmentsFileSchema } from './shipments.js';
import { supplyFileSchema } from './supply.js';

export interface CatalogText {
  file: string;
  text: string;
}

/** The data files, by part of the catalog. */
export const CATALOG_FILES = {
  accelerators: 'accelerators.yaml',
  models: 'models.yaml',
  assumptions: 'assumptions.yaml',
  devices: 'devices.yaml',
  supply: 'supply.yaml',
  shipments: 'shipments.yaml',
  power: 'power.yaml',
} as const;

export type CatalogTexts = Record<keyof typeof CATALOG_FILES, CatalogText>;

/** Parse and validate the data files' texts into a catalog. Pure: the caller reads the files. */
export function parseCatalog(texts: CatalogTexts): Catalog {
  const accelerators = parseYaml(texts.accelerators.text, texts.accelerators.file, acceleratorsFileSchema);
  // Shipment rows name accelerators: they are checked, with their positions, against these.
  const idOf = new Map<string, string>();
  for (const a of accelerators) for (const name of [a.id, ...a.aliases]) idOf.set(name, a.id);
  return new Catalog(
    {
      accelerators,
      models: parseYaml(texts.models.text, texts.models.file, modelsFileSchema),
      assumptions: parseYaml(texts.assumptions.text, texts.assumptions.file, assumptionsFileSchema),
      devices: parseYaml(texts.devices.text, texts.devices.file, devicesFileSchema),
      supply: parseYaml(texts.supply.text, texts.supply.file, supplyFileSchema),
      shipments: parseYaml(texts.shipments.text, texts.shipments.file, shipmentsFileSchema({ idOf })),
      power: parseYaml(texts.power.text, texts.power.file, powerFileSchema),
    },
    { accelerators: texts.accelerators.file, models: texts.models.file, devices: texts.devices.file },
  );
}
