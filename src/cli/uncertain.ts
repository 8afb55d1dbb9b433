import type { Command } from 'commander';
import type { Calculator } from '../calculators/types.js';
import type { Catalog } from '../catalog/catalog.js';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../io/files.js';
import { defaultWorkers, runMonteCarloPool } from '../io/monte-carlo-pool.js';
import { svgToPng } from '../io/png.js';
import { renderMonteCarloReport, renderSensitivity } from '../report/monte-carlo-report.js';
import { tornadoSvg } from '../report/tornado.js';
import type { CorrelationSpec } from '../uncertainty/correlation.js';
import { sensitivity, splitInputs } from '../uncertainty/monte-carlo.js';
import { parseQuantity } from '../units/parse.js';
import type { CliIo } from './io.js';
import { ProgressBar } from './progress.js';

export interface UncertaintyOptions {
  json?: boolean;
  samples?: string;
  seed?: string;
  quantiles?: string;
  sensitivity?: string;
  correlate?: string[];
  chart?: string;
  workers?: string;
}

const DEFAULT_SAMPLES = 10_000;

export function addUncertaintyOptions(command: Command): void {
  command
    .option(
      '--samples <n>',
      `Monte Carlo samples (default ${DEFAULT_SAMPLES.toLocaleString('en-US')} when an input is a distribution)`,
    )
    .option('--seed <n>', 'random seed; the same seed gives the same figures (default 1)')
    .option('--quantiles <list>', 'percentiles to report, e.g. "5,50,95" (the default)')
    .option(
      '--sensitivity <output>',
      'rank the uncertain inputs by the swing each causes in this output (a tornado)',
    )
    .option(
      '--correlate <a,b=rho>',
      'rank-correlate two uncertain inputs, e.g. "pue,it_power=0.5" (repeatable)',
      (v: string, all: string[] = []) => [...all, v],
    )
    .option('--chart <file>', 'with --sensitivity: draw the tornado to an .svg or .png file')
    .option(
      '--workers <n>',
      `threads sharing a large Monte Carlo run, this one included (default ${defaultWorkers()}: one per core, up to 8); the figures do not depend on it`,
    );
}

/** --samples, --seed, --quantiles and --workers as a Monte Carlo run takes them, with a progress bar on a terminal. */
export function monteCarloFlags(
  options: { samples?: string; seed?: string; quantiles?: string; workers?: string },
  defaultSamples: number,
  io: CliIo,
) {
  const samples =
    options.samples === undefined ? defaultSamples : wholeNumber('--samples', options.samples, 1);
  const progress = new ProgressBar(io, samples);
  return {
    samples,
    seed: options.seed === undefined ? 1 : wholeNumber('--seed', options.seed, 0),
    quantiles: options.quantiles === undefined ? [0.05, 0.5, 0.95] : parseQuantiles(options.quantiles),
    workers: options.workers === undefined ? defaultWorkers() : wholeNumber('--workers', options.workers, 1),
    onProgress: (done: number) => progress.update(done),
    progress,
  };
}

/** A whole-number flag, written as counts are anywhere ("10000", "10_000", "1.5k", "2M"). */
export function wholeNumber(flag: string, text: string, min: number): number {
  let value = Number.NaN;
  try {
    value = parseQuantity(text.replaceAll('_', ''), 'count');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
  }
  if (!Number.isInteger(value) || value < min)
    throw new InputError(`${flag}: expected a whole number of at least ${min}, got "${text}"`);
  return value;
}

export function parseQuantiles(text: string): number[] {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((v) => !(v > 0 && v < 100))) {
    throw new InputError(
      `--quantiles: expected percentiles between 0 and 100 separated by commas, e.g. "5,50,95", got "${text}"`,
    );
  }
  return values.map((v) => v / 100);
}

function parseCorrelation(text: string): CorrelationSpec {
  const match = /^\s*([a-z_-]+)\s*,\s*([a-z_-]+)\s*=\s*(-?[\d.]+)\s*$/i.exec(text);
  if (!match)
    throw new InputError(`--correlate: expected "input,input=rho", e.g. "pue,it_power=0.5", got "${text}"`);
  const name = (s: string) => s.replaceAll('-', '_');
  return { a: name(match[1] as string), b: name(match[2] as string), spearman: Number(match[3]) };
}

/**
 * Monte Carlo or sensitivity, when asked for (or when an input is a distribution).
 * Returns false for a plain deterministic run, which then prints exactly as before.
 */
export async function runUncertain(
  calc: Calculator,
  raw: Record<string, unknown>,
  options: UncertaintyOptions,
  io: CliIo,
  catalog: Catalog,
  label: (name: string) => string,
): Promise<boolean> {
  const hasDistribution = splitInputs(calc, raw, label).uncertain.length > 0;
  if (options.chart !== undefined && options.sensitivity === undefined)
    throw new InputError('--chart goes with --sensitivity for a calculator');
  if (!hasDistribution && options.samples === undefined && options.sensitivity === undefined) return false;
  if (options.sensitivity !== undefined) {
    if (options.chart !== undefined && !/\.(svg|png)$/i.test(options.chart)) {
      throw new InputError(`--chart: expected a file ending in .svg or .png, got "${options.chart}"`);
    }
    const output = options.sensitivity.replaceAll('-', '_');
    const result = sensitivity(calc, raw, catalog, output, label);
    const spec = calc.outputs.find((o) => o.name === output);
    if (options.json) io.stdout(`${JSON.stringify({ calculator: calc.name, output, ...result }, null, 2)}\n`);
    else io.stdout(renderSensitivity(output, spec?.dimension ?? 'ratio', result.base, result.rows));
    if (options.chart) {
      const svg = tornadoSvg(`Sensitivity of ${output} (${result.unit})`, result.base, result.rows);
      writeFileAtomic(
        options.chart,
        options.chart.toLowerCase().endsWith('.png') ? svgToPng(svg, 1440) : svg,
      );
      io.stderr(`wrote ${options.chart}\n`);
    }
    return true;
  }
  const { progress, ...flags } = monteCarloFlags(options, DEFAULT_SAMPLES, io);
  const correlations = (options.correlate ?? []).map(parseCorrelation);
  const result = await runMonteCarloPool(calc, raw, catalog, { ...flags, correlations, label });
  progress.finish();
  if (options.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout(renderMonteCarloReport(calc, result));
  return true;
}
