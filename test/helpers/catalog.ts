import { loadCatalog } from '../../src/io/catalog-files.js';

/** The shipped catalog, as every face sees it. */
export const catalog = await loadCatalog();
