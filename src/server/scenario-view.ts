import type { Catalog } from '../catalog/catalog.js';
import { runScenarioMonteCarloPool } from '../io/monte-carlo-pool.js';
import { type Panel, panelSvg, scenarioPanels } from '../report/chart.js';
import { toCsv } from '../report/csv.js';
import { fanPanels } from '../report/fan-chart.js';
import { worldShareTable } from '../report/world-share-table.js';
import { yearlyCsv } from '../report/yearly-csv.js';
import type { ClaimVerdict } from '../scenario/claims.js';
import { CHARTED, type ComparableSeries, MONTH_FIELDS, type MonthField } from '../scenario/fields.js';
import { parseScenario } from '../scenario/load.js';
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
 * A scenario run as the server does it: the text a `ScenarioRequest` body (requests.ts)
 * names, read and settled, with where and until when Monte Carlo may run.
 */
export interface ScenarioRunOptions {
  /** The scenario file's text and the name errors call it by. */
  text: string;
  file: string;
  /** Assumption edits, written as in a scenario file: {"pue": "1.3", "mfu": "35% to 45%"}. */
  overrides: Record<string, string>;
  /** Monte Carlo samples when the scenario (or an edit) has distributions. */
  samples: number;
  seed: number;
  workers: number;
  /** Wall-clock time (ms since the epoch) after which Monte Carlo gives up. */
  deadline: number;
}

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
const chartOf = (p: Panel) => ({
  id: p.id,
  title: p.title,
  svg: panelSvg(p),
  csv: p.rows ? toCsv(p.rows) : undefined,
});

/** A program's share of the world as the page shows it: the terminal's table and warnings. */
const worldView = (world: WorldShare | undefined) =>
  world ? { ...worldShareTable(world), warnings: world.warnings } : undefined;

/** The charted series of a run, from each charted field's values month by month. */
function comparable(month: number[], values: (field: MonthField) => number[]): ComparableSeries {
  const series = { month } as ComparableSeries;
  for (const { field, column } of CHARTED) series[column] = values(field);
  return series;
}

export async function scenarioView(request: ScenarioRunOptions, catalog: Catalog): Promise<ScenarioView> {
  const { text: edited, written } = applyOverrides(request.text, request.overrides);
  const file = Object.keys(request.overrides).length > 0 ? `${request.file} (with your edits)` : request.file;
  const parsed = parseScenario(edited, file, catalog);
  const uncertain = parsed.uncertain.length > 0;
  const outputs = OUTPUTS.map((key) => ({
    key,
    label: YEAR_OUTPUTS[key].label,
    dimension: YEAR_OUTPUTS[key].dimension,
  }));
  const show = (key: YearKey, v: number) => formatQuantity(v, YEAR_OUTPUTS[key].dimension);
  const base = {
    name: parsed.scenario.name,
    file: request.file,
    description: parsed.scenario.description ?? '',
    yaml: edited,
    controls: scenarioControls(parsed, catalog, written),
    uncertain,
    seed: request.seed,
    outputs,
  };
  if (!uncertain) {
    const median = runParsedScenario(parsed, catalog);
    const medianPanels = scenarioPanels(median);
    return {
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
      charts: medianPanels.map(chartOf),
      series: comparable(
        median.monthly.map((m) => m.month),
        (field) => median.monthly.map((m) => m[field]),
      ),
      records: monthlyRecords(median),
      yearlyCsv: yearlyCsv(median),
    };
  }
  const mc = await runScenarioMonteCarloPool(
    parsed,
    edited,
    catalog,
    withIntervalQuantiles({
      samples: request.samples,
      seed: request.seed,
      quantiles: [0.05, 0.5, 0.95],
      workers: request.workers,
      deadline: request.deadline,
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

/** A scenario, with the page's edits, as an Excel workbook (base64, to travel as JSON from a job). */
export async function scenarioWorkbookBase64(
  request: Pick<ScenarioRunOptions, 'text' | 'file' | 'overrides'>,
  catalog: Catalog,
): Promise<{ name: string; base64: string }> {
  const { text } = applyOverrides(request.text, request.overrides);
  const file = Object.keys(request.overrides).length > 0 ? `${request.file} (with your edits)` : request.file;
  const parsed = parseScenario(text, file, catalog);
  // A scenario with ranges is written at its medians: a workbook holds one run.
  const run = runParsedScenario(parsed, catalog);
  const { scenarioWorkbook } = await import('../report/xlsx.js');
  return {
    name: parsed.scenario.name,
    base64: Buffer.from(await scenarioWorkbook(run, catalog)).toString('base64'),
  };
}
