import { Catalog, type CatalogParts } from '../catalog/catalog.js';
import { runScenarioMonteCarlo } from '../scenario/monte-carlo.js';
import { plainScenario, type ScenarioView, uncertainScenarioView } from './scenario-view-plain.js';

/**
 * What the explorer runs in the page: the catalog the server serves (GET /api/catalog)
 * and a plain scenario run shown as the server would show it, so an edit repaints without
 * a round trip. Pure model and report code only (the build bundles it for the browser).
 */
export interface PageModel {
  /**
   * A scenario without ranges, with the page's edits: its view without charts (painted
   * first) and its charts on demand; undefined when it has ranges.
   */
  plainView(request: {
    text: string;
    file: string;
    overrides: Record<string, string>;
  }): { view: ScenarioView; charts: () => ScenarioView['charts'] } | undefined;
  /** A scenario with ranges: its Monte Carlo run on this thread (the page runs it in a web worker). */
  uncertainView(
    request: { text: string; file: string; overrides: Record<string, string>; samples: number },
    onProgress: (done: number, total: number) => void,
  ): Promise<ScenarioView>;
}

export function pageModel(parts: CatalogParts): PageModel {
  const catalog = new Catalog(parts);
  return {
    plainView: (request) => plainScenario({ ...request, seed: 1 }, catalog),
    uncertainView: (request, onProgress) =>
      uncertainScenarioView(
        { ...request, seed: 1 },
        catalog,
        (parsed, _text, options) => runScenarioMonteCarlo(parsed, catalog, options),
        onProgress,
      ),
  };
}
