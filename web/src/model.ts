import type { PageModel } from '@server/page-model';
import type { CatalogParts } from '@server/wire';
import { api } from './api.js';

/**
 * The model in the page: loaded on first use (its code is a chunk of its own, the catalog
 * comes from /api/catalog), then every plain scenario edit runs here.
 */
let loading: Promise<PageModel> | undefined;
let loaded: PageModel | undefined;

export function loadPageModel(): Promise<PageModel> {
  loading ??= Promise.all([import('@server/page-model'), api<CatalogParts>('/api/catalog')]).then(
    ([{ pageModel }, parts]) => {
      loaded = pageModel(parts);
      return loaded;
    },
  );
  return loading;
}

/** The model once it has loaded; undefined before. */
export const pageModelNow = (): PageModel | undefined => loaded;

/** Input-to-paint times of edits the page computed itself (ms): the e2e suite reports their median. */
export const paintTimes: number[] = [];
(globalThis as { gigawattPaintTimes?: number[] }).gigawattPaintTimes = paintTimes;
