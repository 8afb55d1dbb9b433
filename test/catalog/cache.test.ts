import { describe, expect, it } from 'vitest';
import { catalog } from '../helpers/catalog.js';

describe('the build-time catalog cache', () => {
  it('loads exactly the catalog that parsing the YAML gives', async () => {
    // dist/ holds the cache written by `npm run build` (see test/helpers/build.ts).
    const compiled = (await import(
      '../../dist/io/catalog-files.js'
    )) as typeof import('../../src/io/catalog-files.js');
    const fromCache = compiled.loadCatalog();
    expect(JSON.parse(JSON.stringify(fromCache.accelerators))).toEqual(
      JSON.parse(JSON.stringify(catalog.accelerators)),
    );
    expect(JSON.parse(JSON.stringify(fromCache.models))).toEqual(JSON.parse(JSON.stringify(catalog.models)));
    expect(fromCache.assumptions).toEqual(JSON.parse(JSON.stringify(catalog.assumptions)));
  });
});
