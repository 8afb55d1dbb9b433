import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Assumptions } from '../catalog/assumptions.js';
import { Catalog, type CatalogTexts } from '../catalog/catalog.js';
import type { SupplyCatalog } from '../catalog/supply.js';
import type { Accelerator, EdgeDevice, LanguageModel } from '../catalog/types.js';

/** The project's data folder, found relative to this module in both src/ and dist/. */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/**
 * Parsing and validating the YAML costs more than the rest of a CLI call, so the build
 * stores the validated catalog as JSON beside the compiled code, stamped with a hash of
 * the data files; it is used only while the hashes still match.
 */
const CACHE_PATH = fileURLToPath(new URL('../catalog.cache.json', import.meta.url));

const FILES = {
  accelerators: 'accelerators.yaml',
  models: 'models.yaml',
  assumptions: 'assumptions.yaml',
  devices: 'devices.yaml',
  supply: 'supply.yaml',
} as const;

interface CacheFile {
  stamp: string;
  accelerators: Accelerator[];
  models: LanguageModel[];
  assumptions: Assumptions;
  devices: EdgeDevice[];
  supply: SupplyCatalog;
}

function readTexts(): CatalogTexts {
  const read = (name: string) => ({ file: `data/${name}`, text: readFileSync(`${DATA_DIR}${name}`, 'utf8') });
  return {
    accelerators: read(FILES.accelerators),
    models: read(FILES.models),
    assumptions: read(FILES.assumptions),
    devices: read(FILES.devices),
    supply: read(FILES.supply),
  };
}

function stampOf(texts: CatalogTexts): string {
  const hash = createHash('sha256');
  for (const t of [texts.accelerators, texts.models, texts.assumptions, texts.devices, texts.supply])
    hash.update(t.file).update('\0').update(t.text);
  return hash.digest('hex');
}

function fromCache(stamp: string): Catalog | undefined {
  let cache: CacheFile;
  try {
    cache = JSON.parse(readFileSync(CACHE_PATH, 'utf8')) as CacheFile;
  } catch {
    return undefined;
  }
  if (cache.stamp !== stamp) return undefined;
  return new Catalog(cache.accelerators, cache.models, cache.assumptions, cache.devices, cache.supply, {
    accelerators: `data/${FILES.accelerators}`,
    models: `data/${FILES.models}`,
    devices: `data/${FILES.devices}`,
  });
}

let cached: Catalog | undefined;

/** The shipped catalog (data/*.yaml), read and validated once per process. */
export function loadCatalog(): Catalog {
  if (cached) return cached;
  const texts = readTexts();
  cached = fromCache(stampOf(texts)) ?? Catalog.parse(texts);
  return cached;
}

/** Validate the data files and store them for fast loading (run by `npm run build`). */
export function writeCatalogCache(): void {
  const texts = readTexts();
  const catalog = Catalog.parse(texts);
  const cache: CacheFile = {
    stamp: stampOf(texts),
    accelerators: [...catalog.accelerators],
    models: [...catalog.models],
    assumptions: catalog.assumptions,
    devices: [...catalog.devices],
    supply: catalog.supply,
  };
  // Write beside, then rename, so a reader never sees half a file.
  writeFileSync(`${CACHE_PATH}.tmp`, JSON.stringify(cache));
  renameSync(`${CACHE_PATH}.tmp`, CACHE_PATH);
}
