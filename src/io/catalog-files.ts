import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Catalog, type CatalogParts } from '../catalog/catalog.js';
import { CATALOG_FILES, type CatalogTexts } from '../catalog/parse.js';

/** The project's data folder, found relative to this module in src/, dist/ and the CLI bundle alike. */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/**
 * Parsing and validating the YAML costs more than a whole CLI call should, so the build
 * validates the catalog once and stores it as JSON beside the compiled code, stamped with
 * a hash of the data files. A process reads the JSON while the hash still matches (a few
 * milliseconds) and parses the YAML itself only when the data changed since the build.
 */
const CACHE_PATH = fileURLToPath(new URL('../catalog.cache.json', import.meta.url));

type CacheFile = { stamp: string } & CatalogParts;

const FILE_NAMES = {
  accelerators: 'data/accelerators.yaml',
  models: 'data/models.yaml',
  devices: 'data/devices.yaml',
};

function readTexts(): CatalogTexts {
  const texts = {} as CatalogTexts;
  for (const [part, name] of Object.entries(CATALOG_FILES) as Array<[keyof CatalogTexts, string]>)
    texts[part] = { file: `data/${name}`, text: readFileSync(`${DATA_DIR}${name}`, 'utf8') };
  return texts;
}

function stampOf(texts: CatalogTexts): string {
  const hash = createHash('sha256');
  for (const t of Object.values(texts)) hash.update(t.file).update('\0').update(t.text);
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
  const { stamp: _, ...parts } = cache;
  return new Catalog(parts, FILE_NAMES);
}

/** From the YAML, validated: the schemas (zod, yaml) load only on this path. */
async function fromYaml(texts: CatalogTexts): Promise<Catalog> {
  const { parseCatalog } = await import('../catalog/parse.js');
  return parseCatalog(texts);
}

let loaded: Promise<Catalog> | undefined;

/** The shipped catalog (data/*.yaml), read and validated once per process. */
export function loadCatalog(): Promise<Catalog> {
  loaded ??= (async () => {
    const texts = readTexts();
    return fromCache(stampOf(texts)) ?? fromYaml(texts);
  })();
  return loaded;
}

/** Validate the data files and store them for fast loading (run by `npm run build`). */
export async function writeCatalogCache(): Promise<void> {
  const texts = readTexts();
  const catalog = await fromYaml(texts);
  const cache: CacheFile = {
    stamp: stampOf(texts),
    accelerators: [...catalog.accelerators],
    models: [...catalog.models],
    assumptions: catalog.assumptions,
    devices: [...catalog.devices],
    supply: catalog.supply,
    shipments: catalog.shipments,
    power: catalog.power,
  };
  // Write beside, then rename, so a reader never sees half a file.
  writeFileSync(`${CACHE_PATH}.tmp`, JSON.stringify(cache));
  renameSync(`${CACHE_PATH}.tmp`, CACHE_PATH);
}
