import type { Catalog } from '../catalog/catalog.js';
import { InputError, withContext } from '../errors.js';
import { readUserFile, writeFilesAtomic } from '../io/files.js';
import { runScenarioMonteCarloPool } from '../io/monte-carlo-pool.js';
import { scenarioChartSvg } from '../report/chart.js';
import { toCsv } from '../report/csv.js';
import { scenarioFanChartSvg } from '../report/fan-chart.js';
import { renderSensitivity } from '../report/monte-carlo-report.js';
import {
  renderComparison,
  renderScenarioReport,
  renderScenarioUncertainReport,
} from '../report/scenario-report.js';
import { yearlyCsv } from '../report/yearly-csv.js';
import type { ParsedScenario } from '../scenario/inputs.js';
import { parseScenario } from '../scenario/load.js';
import { applyOverrides } from '../scenario/overrides.js';
import {
  judgeUncertainRun,
  monthlyQuantileRecords,
  monthlyRecords,
  runParsedScenario,
  type ScenarioRun,
  withIntervalQuantiles,
} from '../scenario/run.js';
import { scenarioSensitivity } from '../scenario/sensitivity.js';
import { chartFile, checkChartPath, tornadoFile } from './charts.js';
import { DEFAULT_SCENARIO_SAMPLES, MAX_SAMPLES, monteCarloFlags, type RunOptions } from './flags.js';
import type { CliIo } from './io.js';
import { ProgressBar } from './progress.js';

type Outputs = Array<[path: string, data: string | Uint8Array]>;

/** Options that contradict each other or cannot apply, refused before anything runs. */
function checkOptions(files: readonly string[], options: RunOptions): void {
  if (options.chart !== undefined) checkChartPath(options.chart);
  if (options.csv === true && options.json === true)
    throw new InputError(
      '--csv and --json both print to standard output; give one of them a file name, e.g. --json run.json',
    );
  const several = files.length > 1;
  if (
    several &&
    (typeof options.csv === 'string' ||
      typeof options.json === 'string' ||
      options.chart ||
      options.yearlyCsv ||
      options.xlsx)
  )
    throw new InputError(
      '--csv, --yearly-csv, --xlsx, --json and --chart write one scenario to a file; give one scenario file',
    );
  if (options.xlsx !== undefined && !/\.xlsx$/i.test(options.xlsx))
    throw new InputError(`--xlsx: expected a file ending in .xlsx, got "${options.xlsx}"`);
  if (options.year !== undefined && !options.compare)
    throw new InputError('--year picks the year of a --compare; add --compare, or drop --year');
  if (options.compare && (options.samples !== undefined || options.sensitivity !== undefined))
    throw new InputError(
      '--compare prints deterministic runs side by side; it takes no --samples or --sensitivity',
    );
  if (options.sensitivity !== undefined) {
    if (several) throw new InputError('--sensitivity takes one scenario file');
    if (options.csv !== undefined) throw new InputError('--sensitivity prints a table; it takes no --csv');
  }
}

/** Write every file, or none; then say what was written. */
function writeOutputs(outputs: Outputs, io: CliIo): void {
  writeFilesAtomic(outputs);
  for (const [path] of outputs) io.stderr(`wrote ${path}\n`);
}

/**
 * A scenario with distributions in it (or any scenario with --samples) runs as Monte
 * Carlo: each year's median and interval, monthly quantile columns, and fan bands.
 */
async function runUncertainScenario(
  parsed: ParsedScenario,
  text: string,
  options: RunOptions,
  io: CliIo,
  catalog: Catalog,
): Promise<void> {
  if (options.yearlyCsv !== undefined || options.xlsx !== undefined)
    throw new InputError(
      '--yearly-csv and --xlsx write a plain run; for a scenario with ranges use --json or --csv',
    );
  const flags = monteCarloFlags(options, DEFAULT_SCENARIO_SAMPLES, MAX_SAMPLES.scenario);
  const progress = new ProgressBar(io, flags.samples);
  const mc = await runScenarioMonteCarloPool(
    parsed,
    text,
    catalog,
    withIntervalQuantiles({ ...flags, onProgress: (done: number) => progress.update(done) }),
  );
  progress.finish();
  const run = judgeUncertainRun(parsed, mc, catalog);
  const json = () =>
    `${JSON.stringify({ scenario: run.parsed.scenario.name, file: parsed.file, ...run.mc, claims: run.claims, world_share: run.world }, null, 2)}\n`;
  const outputs: Outputs = [];
  if (typeof options.csv === 'string') outputs.push([options.csv, toCsv(monthlyQuantileRecords(run))]);
  if (typeof options.json === 'string') outputs.push([options.json, json()]);
  if (options.chart) {
    // The world is drawn with the published forecasts of it.
    const marks = parsed.scenario.world ? (await import('../io/forecast-marks.js')).worldForecastMarks() : [];
    outputs.push([options.chart, await chartFile(options.chart, scenarioFanChartSvg(run, marks))]);
  }
  writeOutputs(outputs, io);
  if (options.csv === true) io.stdout(toCsv(monthlyQuantileRecords(run)));
  else if (options.json === true) io.stdout(json());
  else io.stdout(renderScenarioUncertainReport(run));
}

function jsonOf(run: ScenarioRun) {
  return {
    scenario: run.loaded.scenario.name,
    file: run.loaded.file,
    yearly: run.yearly,
    monthly: monthlyRecords(run),
    claims: run.claims,
    world_share: run.world,
  };
}

async function runSensitivity(file: string, options: RunOptions, io: CliIo, catalog: Catalog) {
  const edits = setEdits(options);
  const result = scenarioSensitivity(
    parseScenario(editedText(readUserFile(file), edits), file, catalog),
    catalog,
    options.sensitivity as string,
  );
  const label = `${result.output} in ${result.year}`;
  const text = `${JSON.stringify(result, null, 2)}\n`;
  const outputs: Outputs = [];
  if (options.chart)
    outputs.push([
      options.chart,
      await tornadoFile(options.chart, `Sensitivity of ${label}`, result.base, result.rows),
    ]);
  if (typeof options.json === 'string') outputs.push([options.json, text]);
  writeOutputs(outputs, io);
  if (options.json === true) io.stdout(text);
  else io.stdout(renderSensitivity(label, result.dimension, result.base, result.rows));
}

/** The --set edits, as key and value; a malformed one is refused before anything runs. */
function setEdits(options: RunOptions): Record<string, string> {
  const edits: Record<string, string> = {};
  for (const item of options.set ?? []) {
    const at = item.indexOf('=');
    if (at <= 0) throw new InputError(`--set ${item}: expected key=value, e.g. pue=1.3`);
    edits[item.slice(0, at).trim()] = item.slice(at + 1);
  }
  return edits;
}

/** A scenario's text with the --set edits written in; errors name the flag. */
function editedText(text: string, edits: Record<string, string>): string {
  if (Object.keys(edits).length === 0) return text;
  return withContext('--set', () => applyOverrides(text, edits).text);
}

/** `gigawatt run`: parse every file, run everything, then write and print. */
export async function runScenarios(
  files: readonly string[],
  options: RunOptions,
  io: CliIo,
  catalog: Catalog,
): Promise<void> {
  checkOptions(files, options);
  if (options.sensitivity !== undefined) return runSensitivity(files[0] as string, options, io, catalog);
  // Parse every file once, and run everything before writing anything, so a bad file
  // leaves no partial output behind.
  const edits = setEdits(options);
  const texts = files.map((file) => editedText(readUserFile(file), edits));
  const named = (file: string) => (Object.keys(edits).length > 0 ? `${file} (with --set)` : file);
  const parsed = files.map((file, i) => parseScenario(texts[i] as string, named(file), catalog));
  const first = parsed[0] as ParsedScenario;
  const several = files.length > 1;
  if (!options.compare && (options.samples !== undefined || (!several && first.uncertain.length > 0))) {
    if (several) throw new InputError('--samples runs one scenario at a time; give one scenario file');
    return runUncertainScenario(first, texts[0] as string, options, io, catalog);
  }
  const runs = parsed.map((p) => runParsedScenario(p, catalog));
  const firstRun = runs[0] as ScenarioRun;
  const outputs: Outputs = [];
  if (typeof options.csv === 'string') outputs.push([options.csv, toCsv(monthlyRecords(firstRun))]);
  if (options.yearlyCsv !== undefined) outputs.push([options.yearlyCsv, yearlyCsv(firstRun)]);
  if (options.xlsx !== undefined) {
    const { scenarioWorkbook } = await import('../report/xlsx.js');
    outputs.push([options.xlsx, await scenarioWorkbook(firstRun, catalog)]);
  }
  if (typeof options.json === 'string')
    outputs.push([options.json, `${JSON.stringify(jsonOf(firstRun), null, 2)}\n`]);
  if (options.chart)
    outputs.push([options.chart, await chartFile(options.chart, scenarioChartSvg(firstRun))]);
  writeOutputs(outputs, io);

  if (options.csv === true) io.stdout(runs.map((r) => toCsv(monthlyRecords(r))).join('\n'));
  else if (options.json === true)
    io.stdout(`${JSON.stringify(several ? runs.map(jsonOf) : jsonOf(firstRun), null, 2)}\n`);
  else if (options.compare) io.stdout(renderComparison(runs, compareYear(options.year, runs)));
  else io.stdout(runs.map(renderScenarioReport).join('\n'));
}

/** The --year of a --compare: a calendar year every compared scenario covers. */
function compareYear(text: string | undefined, runs: readonly ScenarioRun[]): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text.trim());
  const spans = runs.map((r) => ({
    name: r.loaded.file.replace(/^.*\//, ''),
    first: r.yearly[0]?.year ?? 0,
    last: r.yearly.at(-1)?.year ?? 0,
  }));
  const first = Math.max(...spans.map((s) => s.first));
  const last = Math.min(...spans.map((s) => s.last));
  if (!Number.isInteger(year))
    throw new InputError(`--year: expected a calendar year like "2028", got "${text}"`);
  if (year < first || year > last) {
    const covered = spans.map((s) => `${s.name} ${s.first}-${s.last}`).join(', ');
    throw new InputError(
      first <= last
        ? `--year: ${year} is not run by every scenario compared (${covered}); pick ${first}-${last}`
        : `--year: the scenarios compared share no year (${covered})`,
    );
  }
  return year;
}
