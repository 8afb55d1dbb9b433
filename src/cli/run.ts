import type { Command } from 'commander';
import type { Catalog } from '../catalog/catalog.js';
import { InputError } from '../errors.js';
import { readUserFile, writeFileAtomic } from '../io/files.js';
import { defaultWorkers, runScenarioMonteCarloPool } from '../io/monte-carlo-pool.js';
import { svgToPng } from '../io/png.js';
import { scenarioChartSvg, scenarioFanChartSvg } from '../report/chart.js';
import { toCsv } from '../report/csv.js';
import { renderSensitivity } from '../report/monte-carlo-report.js';
import {
  renderComparison,
  renderScenarioReport,
  renderScenarioUncertainReport,
} from '../report/scenario-report.js';
import { tornadoSvg } from '../report/tornado.js';
import { type ParsedScenario, parseScenario } from '../scenario/load.js';
import {
  judgeUncertainRun,
  monthlyQuantileRecords,
  monthlyRecords,
  runParsedScenario,
  type ScenarioRun,
  withIntervalQuantiles,
} from '../scenario/run.js';
import { scenarioSensitivity } from '../scenario/sensitivity.js';
import type { CliIo } from './io.js';
import { monteCarloFlags } from './uncertain.js';

interface RunOptions {
  csv?: string | boolean;
  json?: string | boolean;
  chart?: string;
  compare?: boolean;
  samples?: string;
  seed?: string;
  quantiles?: string;
  sensitivity?: string;
  workers?: string;
}

const DEFAULT_SCENARIO_SAMPLES = 1000;

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
  const file = parsed.file;
  const { progress, ...flags } = monteCarloFlags(options, DEFAULT_SCENARIO_SAMPLES, io);
  const mc = await runScenarioMonteCarloPool(parsed, text, catalog, withIntervalQuantiles(flags));
  progress.finish();
  const run = judgeUncertainRun(parsed, mc);
  const outputs: Array<[string, string | Uint8Array]> = [];
  const json = () =>
    `${JSON.stringify({ scenario: run.parsed.scenario.name, file, ...run.mc, claims: run.claims }, null, 2)}\n`;
  if (typeof options.csv === 'string') outputs.push([options.csv, toCsv(monthlyQuantileRecords(run))]);
  if (typeof options.json === 'string') outputs.push([options.json, json()]);
  if (options.chart) {
    const svg = scenarioFanChartSvg(run);
    outputs.push([options.chart, chartFile(options.chart, svg)]);
  }
  for (const [path, data] of outputs) writeFileAtomic(path, data);
  if (options.csv === true) io.stdout(toCsv(monthlyQuantileRecords(run)));
  else if (options.json === true) io.stdout(json());
  else io.stdout(renderScenarioUncertainReport(run));
  for (const [path] of outputs) io.stderr(`wrote ${path}\n`);
}

/** An SVG as the file asks: kept as SVG, or rasterized for .png. */
function chartFile(path: string, svg: string): string | Uint8Array {
  return path.toLowerCase().endsWith('.png') ? svgToPng(svg) : svg;
}

function chartBytes(run: ScenarioRun, path: string): string | Uint8Array {
  return chartFile(path, scenarioChartSvg(run));
}

function jsonOf(run: ScenarioRun) {
  return {
    scenario: run.loaded.scenario.name,
    file: run.loaded.file,
    yearly: run.yearly,
    monthly: monthlyRecords(run),
    claims: run.claims,
  };
}

export function registerRun(program: Command, io: CliIo, catalog: () => Catalog): void {
  program
    .command('run')
    .description(
      'run build-out scenarios month by month and print a yearly table (power, fleet, FLOP/s, money, energy, what binds)',
    )
    .argument('<files...>', 'scenario files, e.g. scenarios/stargate.yaml')
    .option('--csv [file]', 'the monthly series as CSV (to the file, or standard output)')
    .option(
      '--json [file]',
      'yearly and monthly series and claim verdicts as JSON (to the file, or standard output)',
    )
    .option('--chart <file>', 'draw the main series to an .svg or .png file')
    .option('--compare', 'print the scenarios side by side (their last year)')
    .option(
      '--samples <n>',
      `Monte Carlo samples over the scenario's distributions (default ${DEFAULT_SCENARIO_SAMPLES} when it has any)`,
    )
    .option('--seed <n>', 'random seed; the same seed gives the same figures (default 1)')
    .option('--quantiles <list>', 'percentiles for --csv and --json, e.g. "5,50,95" (the default)')
    .option(
      '--sensitivity <output[@year]>',
      "rank the scenario's uncertain numbers by the swing each causes in a yearly output (a tornado; --chart draws it)",
    )
    .option(
      '--workers <n>',
      `threads sharing a large Monte Carlo run, this one included (default ${defaultWorkers()}: one per core, up to 8); the figures do not depend on it`,
    )
    .action(async (files: string[], options: RunOptions) => {
      if (options.chart !== undefined && !/\.(svg|png)$/i.test(options.chart)) {
        throw new InputError(`--chart: expected a file ending in .svg or .png, got "${options.chart}"`);
      }
      const several = files.length > 1;
      if (several && (typeof options.csv === 'string' || typeof options.json === 'string' || options.chart)) {
        throw new InputError(
          '--csv, --json and --chart write one scenario to a file; give one scenario file',
        );
      }
      if (options.sensitivity !== undefined) {
        if (several) throw new InputError('--sensitivity takes one scenario file');
        const file = files[0] as string;
        const result = scenarioSensitivity(
          parseScenario(readUserFile(file), file, catalog()),
          catalog(),
          options.sensitivity,
        );
        const label = `${result.output} in ${result.year}`;
        if (options.chart)
          writeFileAtomic(
            options.chart,
            chartFile(options.chart, tornadoSvg(`Sensitivity of ${label}`, result.base, result.rows)),
          );
        if (options.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
        else io.stdout(renderSensitivity(label, result.dimension, result.base, result.rows));
        if (options.chart) io.stderr(`wrote ${options.chart}\n`);
        return;
      }
      // Parse every file once, and run everything before writing anything, so a bad file
      // leaves no partial output behind.
      const texts = files.map((file) => readUserFile(file));
      const parsed = files.map((file, i) => parseScenario(texts[i] as string, file, catalog()));
      const first = parsed[0] as ParsedScenario;
      if (!options.compare && (options.samples !== undefined || (!several && first.uncertain.length > 0))) {
        if (several) throw new InputError('--samples runs one scenario at a time; give one scenario file');
        await runUncertainScenario(first, texts[0] as string, options, io, catalog());
        return;
      }
      const runs = parsed.map((p) => runParsedScenario(p, catalog()));
      const outputs: Array<[string, string | Uint8Array]> = [];
      const firstRun = runs[0] as ScenarioRun;
      if (typeof options.csv === 'string') outputs.push([options.csv, toCsv(monthlyRecords(firstRun))]);
      if (typeof options.json === 'string')
        outputs.push([options.json, `${JSON.stringify(jsonOf(firstRun), null, 2)}\n`]);
      if (options.chart) outputs.push([options.chart, chartBytes(firstRun, options.chart)]);
      for (const [path, data] of outputs) writeFileAtomic(path, data);

      if (options.csv === true) io.stdout(runs.map((r) => toCsv(monthlyRecords(r))).join('\n'));
      else if (options.json === true)
        io.stdout(`${JSON.stringify(several ? runs.map(jsonOf) : jsonOf(firstRun), null, 2)}\n`);
      else if (options.compare) io.stdout(renderComparison(runs));
      else io.stdout(runs.map(renderScenarioReport).join('\n'));
      for (const [path] of outputs) io.stderr(`wrote ${path}\n`);
    });
}
