import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Catalog, type CatalogParts } from '../catalog/catalog.js';
import { CATALOG_FILES, type CatalogTexts } from '../catalog/files.js';
import { InputError } from '../errors.js';

/** The project's data folder, found relative to this module in src/, dist/ and the CLI bundle alike. */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** The world scenario every program is held against, shipped beside the data. */
const WORLD_FILE = 'scenarios/world.yaml';
const WORLD_PATH = fileURLToPath(new URL(`../../${WORLD_FILE}`, import.meta.url));

/**
 * Parsing and validating the YAML costs more than a whole CLI call should, so the build
 * validates the catalog once and stores it as JSON beside the compiled code, stamped with
 * a hash of the data files. A process reads the JSON while the hash still matches (a few
 * milliseconds) and parses the YAML itself only when the data changed since the build.
 * The world scenario's run at its medians is stored with it, so a program compares itself
 * with the world without running it.
 */
const CACHE_PATH = fileURLToPath(new URL('../catalog.cache.json', import.meta.url));

type CacheFile = { stamp: string } & CatalogParts;

const FILE_NAMES = {
  accelerators: 'data/accelerators.yaml',
  models: 'data/models.yaml',
  devices: 'data/devices.yaml',
};

type Texts = CatalogTexts & { world: { file: string; text: string } };

function readTexts(): Texts {
  const texts = {} as Texts;
  for (const [part, name] of Object.entries(CATALOG_FILES) as Array<[keyof CatalogTexts, string]>)
    texts[part] = { file: `data/${name}`, text: readFileSync(`${DATA_DIR}${name}`, 'utf8') };
  texts.world = { file: WORLD_FILE, text: readFileSync(WORLD_PATH, 'utf8') };
  return texts;
}

function stampOf(texts: Texts): string {
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

/**
 * From the YAML, validated: the schemas (zod, yaml) load only on this path. A world
 * scenario that does not run leaves the catalog without a baseline, and says why to the
 * programs that need one, rather than stopping every command.
 */
async function fromYaml(texts: Texts): Promise<Catalog> {
  const { parseCatalog } = await import('../catalog/parse.js');
  const { worldBaseline } = await import('../scenario/world-baseline.js');
  const catalog = parseCatalog(texts);
  try {
    return catalog.withWorld(worldBaseline(texts.world.text, texts.world.file, catalog));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return catalog.withWorld(undefined, error.message);
  }
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
  // The shipped world scenario must run: a build does not ship without its baseline.
  if (!catalog.world) throw new InputError(catalog.worldProblem ?? `${WORLD_FILE} did not run`);
  const cache: CacheFile = { stamp: stampOf(texts), ...catalog.parts() };
  // Write beside, then rename, so a reader never sees half a file.
  writeFileSync(`${CACHE_PATH}.tmp`, JSON.stringify(cache));
  renameSync(`${CACHE_PATH}.tmp`, CACHE_PATH);
}
