import { withDefaultRanges } from '../calculators/default-ranges.js';
import { splitInputs } from '../calculators/monte-carlo.js';
import { findCalculator } from '../calculators/registry.js';
import { Catalog, type CatalogParts } from '../catalog/catalog.js';
import { runScenarioMonteCarlo } from '../scenario/monte-carlo.js';
import { type CalculatorView, plainCalculatorView } from './calculator-view-plain.js';
import { type FrontierView, frontierView } from './frontier-view.js';
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
  /** A calculator run without ranges, as the server answers it; undefined when it needs Monte Carlo. */
  calculate(name: string, inputs: Record<string, string>): CalculatorView | undefined;
  /** The frontier run year by year (Monte Carlo, in the page's web worker), as the server answers it. */
  frontier(request: {
    inputs: Record<string, string>;
    from: number;
    to: number;
    samples: number;
  }): FrontierView;
  /** A scenario with ranges: its Monte Carlo run on this thread (the page runs it in a web worker). */
  uncertainView(
    request: { text: string; file: string; overrides: Record<string, string>; samples: number },
    onProgress: (done: number, total: number) => void,
  ): Promise<ScenarioView>;
}

export function pageModel(parts: CatalogParts): PageModel {
  const catalog = new Catalog(parts);
  return {
    calculate: (name, inputs) => {
      const calc = findCalculator(name);
      const filled = Object.fromEntries(Object.entries(inputs).filter(([, v]) => v.trim() !== ''));
      // A calculator uncertain by default draws what is left out: that is Monte Carlo, the server's.
      const drawn = withDefaultRanges(calc, filled, catalog, (n) => n);
      if (splitInputs(calc, drawn, (n) => n).uncertain.length > 0) return undefined;
      return plainCalculatorView(calc, drawn, catalog);
    },
    frontier: (request) => frontierView({ ...request, seed: 1, deadline: Number.POSITIVE_INFINITY }, catalog),
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
