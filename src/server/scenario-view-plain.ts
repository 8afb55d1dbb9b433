import type { Catalog } from '../catalog/catalog.js';
import { type Panel, panelSvg, scenarioPanels } from '../report/chart.js';
import { toCsv } from '../report/csv.js';
import { fanPanels } from '../report/fan-chart.js';
import { worldShareTable } from '../report/world-share-table.js';
import { yearlyCsv } from '../report/yearly-csv.js';
import type { ClaimVerdict } from '../scenario/claims.js';
import { CHARTED, type ComparableSeries, MONTH_FIELDS, type MonthField } from '../scenario/fields.js';
import type { ParsedScenario } from '../scenario/inputs.js';
import { parseScenario } from '../scenario/load.js';
import type { ScenarioMonteCarlo, ScenarioMonteCarloOptions } from '../scenario/monte-carlo.js';
import { OUTPUTS, YEAR_OUTPUTS, type YearOutput, type YearRow } from '../scenario/outputs.js';
import { applyOverrides } from '../scenario/overrides.js';
import {
  judgeUncertainRun,
  monthlyQuantileRecords,
  monthlyRecords,
  runParsedScenario,
  withIntervalQuantiles,
} from '../scenario/run.js';
import type { WorldShare } from '../scenario/world-share.js';
import { formatQuantity } from '../units/format.js';
import { type Control, scenarioControls } from './scenario-controls.js';

/**
 * The scenario page's view of a run, built from pure model and report code only: the
 * server builds it, and the page builds a plain (deterministic) one itself, without a
 * round trip, from the same functions.
 */

type YearKey = YearOutput;

/** Everything the explorer shows of a scenario run, as plain JSON. */
export interface ScenarioView {
  name: string;
  file: string;
  description: string;
  /** The scenario with the edits applied: what "export YAML" gives. */
  yaml: string;
  controls: Control[];
  uncertain: boolean;
  samples: number;
  seed: number;
  outputs: Array<{ key: YearKey; label: string; dimension: string }>;
  /** One row per year: display text per output (median and 90% interval under uncertainty). */
  yearly: Array<{
    year: number;
    cells: Record<string, string>;
    values: Record<string, number>;
    binding: string;
  }>;
  claims: ClaimVerdict[];
  /** A program's share of the world's build-out each year (display text), and its warnings. */
  world?: { header: string[]; rows: string[][]; caption: string; warnings: string[] } | undefined;
  /** Each chart as SVG, with the figures it plots as CSV (what the page's downloads give). */
  charts: Array<{ id: string; title: string; svg: string; csv?: string | undefined }>;
  series: ComparableSeries;
  /** The monthly table, as the CLI's --csv writes it. */
  records: Array<Record<string, string | number>>;
  /** A plain run's yearly table as the CLI's --yearly-csv writes it (display units, assumptions above). */
  yearlyCsv?: string | undefined;
}

/** A panel as the page takes it: its SVG, and its figures as CSV. */
export const chartOf = (p: Panel) => ({
  id: p.id,
  title: p.title,
  svg: panelSvg(p),
  csv: p.rows ? toCsv(p.rows) : undefined,
});

/** A program's share of the world as the page shows it: the terminal's table and warnings. */
export const worldView = (world: WorldShare | undefined) =>
  world ? { ...worldShareTable(world), warnings: world.warnings } : undefined;

/** The charted series of a run, from each charted field's values month by month. */
export function comparable(month: number[], values: (field: MonthField) => number[]): ComparableSeries {
  const series = { month } as ComparableSeries;
  for (const { field, column } of CHARTED) series[column] = values(field);
  return series;
}

/** What a view says before any run: the scenario with its edits, read. */
export function viewBase(
  request: { text: string; file: string; overrides: Record<string, string>; seed: number },
  catalog: Catalog,
): {
  parsed: ParsedScenario;
  edited: string;
  base: Omit<ScenarioView, 'samples' | 'yearly' | 'claims' | 'world' | 'charts' | 'series' | 'records'>;
} {
  const { text: edited, written } = applyOverrides(request.text, request.overrides);
  const file = Object.keys(request.overrides).length > 0 ? `${request.file} (with your edits)` : request.file;
  const parsed = parseScenario(edited, file, catalog);
  const outputs = OUTPUTS.map((key) => ({
    key,
    label: YEAR_OUTPUTS[key].label,
    dimension: YEAR_OUTPUTS[key].dimension,
  }));
  return {
    parsed,
    edited,
    base: {
      name: parsed.scenario.name,
      file: request.file,
      description: parsed.scenario.description ?? '',
      yaml: edited,
      controls: scenarioControls(parsed, catalog, written),
      uncertain: parsed.uncertain.length > 0,
      seed: request.seed,
      outputs,
    },
  };
}

/** A scenario without ranges, run once and shown: the whole view; undefined when it has ranges (Monte Carlo). */
/**
 * A scenario without ranges, run once: its view with the charts left to draw (they cost
 * most of the time), and the charts of the same run when asked; undefined when it has
 * ranges (Monte Carlo).
 */
export function plainScenario(
  request: { text: string; file: string; overrides: Record<string, string>; seed: number },
  catalog: Catalog,
): { view: ScenarioView; charts: () => ScenarioView['charts'] } | undefined {
  const { parsed, base } = viewBase(request, catalog);
  const { outputs } = base;
  const show = (key: YearKey, v: number) => formatQuantity(v, YEAR_OUTPUTS[key].dimension);
  if (base.uncertain) return undefined;
  const median = runParsedScenario(parsed, catalog);
  const view: ScenarioView = {
    ...base,
    samples: 0,
    yearly: median.yearly.map((row) => ({
      year: row.year,
      values: Object.fromEntries(outputs.map(({ key }) => [key, row[key] as number])),
      cells: Object.fromEntries(outputs.map(({ key }) => [key, show(key, row[key] as number)])),
      binding: row.binding,
    })),
    claims: median.claims,
    world: worldView(median.world),
    charts: [],
    series: comparable(
      median.monthly.map((m) => m.month),
      (field) => median.monthly.map((m) => m[field]),
    ),
    records: monthlyRecords(median),
    yearlyCsv: yearlyCsv(median),
  };
  return { view, charts: () => scenarioPanels(median).map(chartOf) };
}

/** The same, charts drawn: the whole view, as the server sends it. */
export function plainScenarioView(
  request: { text: string; file: string; overrides: Record<string, string>; seed: number },
  catalog: Catalog,
): ScenarioView | undefined {
  const plain = plainScenario(request, catalog);
  return plain ? { ...plain.view, charts: plain.charts() } : undefined;
}

/**
 * A scenario with ranges: its Monte Carlo run shown, bands on the charts. Where the samples
 * run is the caller's: the server's worker threads, or a web worker in the page.
 */
export async function uncertainScenarioView(
  request: { text: string; file: string; overrides: Record<string, string>; seed: number; samples: number },
  catalog: Catalog,
  monteCarlo: (
    parsed: ParsedScenario,
    text: string,
    options: ScenarioMonteCarloOptions,
  ) => Promise<ScenarioMonteCarlo> | ScenarioMonteCarlo,
  onProgress?: (done: number, total: number) => void,
): Promise<ScenarioView> {
  const { parsed, edited, base } = viewBase(request, catalog);
  const { outputs } = base;
  const show = (key: YearKey, v: number) => formatQuantity(v, YEAR_OUTPUTS[key].dimension);
  const mc = await monteCarlo(
    parsed,
    edited,
    withIntervalQuantiles({
      samples: request.samples,
      seed: request.seed,
      quantiles: [0.05, 0.5, 0.95],
      ...(onProgress ? { onProgress } : {}),
    }),
  );
  const run = judgeUncertainRun(parsed, mc, catalog);
  const bands = fanPanels(run);
  // Bands where Monte Carlo gives them (power, accelerators, FLOP/s, capex); opex and binding from the median run.
  const charts = scenarioPanels(run.atMedians).map((p) => bands.find((b) => b.id === p.id) ?? p);
  const p50 = (series: keyof (typeof mc.monthly)[number]['series']) =>
    mc.monthly.map((m) => m.series[series]?.quantiles.p50 ?? 0);
  return {
    ...base,
    samples: request.samples,
    yearly: mc.yearly.map((y, i) => {
      const q = (key: YearKey) => y.outputs[key]?.quantiles ?? {};
      const { binding, ...medians } = run.medianRows[i] as YearRow;
      return {
        year: y.year,
        values: Object.fromEntries(outputs.map(({ key }) => [key, medians[key] as number])),
        cells: Object.fromEntries(
          outputs.map(({ key }) => {
            const v = q(key);
            // A year every sample agrees on (a history) is one figure, not an interval.
            if ((v.p95 ?? 0) <= (v.p5 ?? 0) * (1 + 1e-9)) return [key, show(key, v.p50 ?? 0)];
            return [key, `${show(key, v.p50 ?? 0)} (${show(key, v.p5 ?? 0)} to ${show(key, v.p95 ?? 0)})`];
          }),
        ),
        binding,
      };
    }),
    claims: run.claims,
    world: worldView(run.world),
    charts: charts.map(chartOf),
    series: comparable(
      mc.monthly.map((m) => m.month),
      (field) => p50(MONTH_FIELDS[field].column as keyof (typeof mc.monthly)[number]['series']),
    ),
    records: monthlyQuantileRecords(run),
  };
}
