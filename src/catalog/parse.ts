import { parseYaml } from '../yaml/document.js';
import { acceleratorsFileSchema } from './accelerators.js';
import { assumptionsFileSchema } from './assumptions.js';
import { Catalog } from './catalog.js';
import { devicesFileSchema } from './devices.js';
import type { CatalogTexts } from './files.js';
import { frontierFileSchema } from './frontier-schema.js';
import { modelsFileSchema } from './models.js';
import { powerFileSchema } from './power.js';
import { shipmentsFileSchema } from './shipments.js';
import { supplyFileSchema } from './supply.js';
import { yardsticksFileSchema } from './yardsticks-schema.js';

export { CATALOG_FILES, type CatalogText, type CatalogTexts } from './files.js';

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
      frontier: parseYaml(texts.frontier.text, texts.frontier.file, frontierFileSchema),
      yardsticks: parseYaml(texts.yardsticks.text, texts.yardsticks.file, yardsticksFileSchema),
    },
    { accelerators: texts.accelerators.file, models: texts.models.file, devices: texts.devices.file },
  );
}
