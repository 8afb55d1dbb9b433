import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../catalog/catalog.js';

/** The project's data folder, found relative to this module in both src/ and dist/. */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

function read(name: string) {
  const path = `${DATA_DIR}${name}`;
  return { file: `data/${name}`, text: readFileSync(path, 'utf8') };
}

let cached: Catalog | undefined;

/** The shipped catalog (data/*.yaml), read and validated once per process. */
export function loadCatalog(): Catalog {
  cached ??= Catalog.parse({
    accelerators: read('accelerators.yaml'),
    models: read('models.yaml'),
    assumptions: read('assumptions.yaml'),
  });
  return cached;
}
