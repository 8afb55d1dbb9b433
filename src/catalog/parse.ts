import { parseYaml } from '../yaml/document.js';
import { acceleratorsFileSchema } from './accelerators.js';
import { assumptionsFileSchema } from './assumptions.js';
import { Catalog } from './catalog.js';
import { devicesFileSchema } from './devices.js';
import { modelsFileSchema } from './models.js';
import { supplyFileSchema } from './supply.js';

export interface CatalogText {
  file: string;
  text: string;
}

export interface CatalogTexts {
  accelerators: CatalogText;
  models: CatalogText;
  assumptions: CatalogText;
  devices: CatalogText;
  supply: CatalogText;
}

/** Parse and validate the data files' texts into a catalog. Pure: the caller reads the files. */
export function parseCatalog(texts: CatalogTexts): Catalog {
  const { accelerators, models, assumptions, devices, supply } = texts;
  return new Catalog(
    parseYaml(accelerators.text, accelerators.file, acceleratorsFileSchema),
    parseYaml(models.text, models.file, modelsFileSchema),
    parseYaml(assumptions.text, assumptions.file, assumptionsFileSchema),
    parseYaml(devices.text, devices.file, devicesFileSchema),
    parseYaml(supply.text, supply.file, supplyFileSchema),
    { accelerators: accelerators.file, models: models.file, devices: devices.file },
  );
}
