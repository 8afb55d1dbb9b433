import { describe, expect, it } from 'vitest';
import { catalog } from '../helpers/catalog.js';

interface CompiledCatalogFiles {
  loadCatalog(): Promise<{ accelerators: unknown; models: unknown; assumptions: unknown; devices: unknown }>;
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('the build-time catalog cache', () => {
  it('loads exactly the catalog that parsing the YAML gives', async () => {
    // dist/ holds the cache written by `npm run build` (see test/helpers/build.ts); a
    // variable path keeps the type checker from reading dist/ before it exists.
    const compiledPath = '../../dist/io/catalog-files.js';
    const compiled = (await import(compiledPath)) as CompiledCatalogFiles;
    const fromCache = await compiled.loadCatalog();
    expect(plain(fromCache.accelerators)).toEqual(plain(catalog.accelerators));
    expect(plain(fromCache.models)).toEqual(plain(catalog.models));
    expect(plain(fromCache.assumptions)).toEqual(plain(catalog.assumptions));
    expect(plain(fromCache.devices)).toEqual(plain(catalog.devices));
  });
});
