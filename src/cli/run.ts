import type { Command } from 'commander';
import type { Catalog } from '../catalog/catalog.js';
import { grouped } from '../text.js';
import { DEFAULT_SCENARIO_SAMPLES, MAX_SAMPLES, type RunOptions, workersHelp } from './flags.js';
import type { CliIo } from './io.js';

export function registerRun(program: Command, io: CliIo, catalog: Catalog): void {
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
    .option('--compare', 'print the scenarios side by side (their last year, or --year)')
    .option('--year <year>', 'with --compare: the year the scenarios are compared in, e.g. 2028')
    .option(
      '--set <key=value>',
      "set a scenario assumption as the explorer's sliders do, e.g. pue=1.4 or electricity_price='$0.1/kWh' (repeatable)",
      (v: string, all: string[] = []) => [...all, v],
    )
    .option(
      '--xlsx <file>',
      'an Excel workbook: the yearly table, the monthly series, the assumptions and their sources',
    )
    .option(
      '--yearly-csv <file>',
      'the yearly table as CSV in display units (GW, TWh, $B), its assumptions listed above it',
    )
    .option(
      '--samples <n>',
      `Monte Carlo samples over the scenario's distributions (default ${DEFAULT_SCENARIO_SAMPLES} when it has any; at most ${grouped(MAX_SAMPLES.scenario)})`,
    )
    .option('--seed <n>', 'random seed; the same seed gives the same figures (default 1)')
    .option('--quantiles <list>', 'percentiles for --csv and --json, e.g. "5,50,95" (the default)')
    .option(
      '--sensitivity <output[@year]>',
      "rank the scenario's uncertain numbers by the swing each causes in a yearly output (a tornado; --chart draws it)",
    )
    .option('--workers <n>', workersHelp())
    .action(async (files: string[], options: RunOptions) => {
      // Scenarios, charts and their libraries load only when a scenario runs.
      const { runScenarios } = await import('./run-scenarios.js');
      await runScenarios(files, options, io, catalog);
    });
}
