import { sensitivity } from '../calculators/monte-carlo.js';
import type { Calculator } from '../calculators/types.js';
import type { Catalog } from '../catalog/catalog.js';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../io/files.js';
import { runMonteCarloPool } from '../io/monte-carlo-pool.js';
import { renderMonteCarloReport, renderSensitivity } from '../report/monte-carlo-report.js';
import { checkChartPath, tornadoFile } from './charts.js';
import {
  DEFAULT_SAMPLES,
  MAX_SAMPLES,
  monteCarloFlags,
  parseCorrelation,
  type UncertaintyOptions,
} from './flags.js';
import type { CliIo } from './io.js';
import { ProgressBar } from './progress.js';

/** A calculator's Monte Carlo run or sensitivity, as `calc` flags ask. */
export async function runUncertain(
  run: { calc: Calculator; raw: Record<string, unknown>; catalog: Catalog; label: (name: string) => string },
  /** The flags, and `--outputs` already checked. */
  options: UncertaintyOptions & { shown?: string[] | undefined },
  io: CliIo,
): Promise<void> {
  const { calc, raw, catalog, label } = run;
  if (options.chart !== undefined && options.sensitivity === undefined)
    throw new InputError('--chart goes with --sensitivity for a calculator');
  if (options.sensitivity !== undefined) {
    if (options.chart !== undefined) checkChartPath(options.chart);
    const output = options.sensitivity.replaceAll('-', '_');
    const result = sensitivity(calc, raw, catalog, output, label);
    const spec = calc.outputs.find((o) => o.name === output);
    const chart =
      options.chart === undefined
        ? undefined
        : await tornadoFile(
            options.chart,
            `Sensitivity of ${output} (${result.unit})`,
            result.base,
            result.rows,
          );
    if (options.chart !== undefined && chart !== undefined) writeFileAtomic(options.chart, chart);
    if (options.json) io.stdout(`${JSON.stringify({ calculator: calc.name, output, ...result }, null, 2)}\n`);
    else io.stdout(renderSensitivity(output, spec?.dimension ?? 'ratio', result.base, result.rows));
    if (options.chart) io.stderr(`wrote ${options.chart}\n`);
    return;
  }
  const flags = monteCarloFlags(
    options,
    DEFAULT_SAMPLES,
    MAX_SAMPLES.calculator,
    calc.uncertainByDefault?.quantiles,
  );
  const correlations = (options.correlate ?? []).map(parseCorrelation);
  const progress = new ProgressBar(io, flags.samples);
  const result = await runMonteCarloPool(calc, raw, catalog, {
    ...flags,
    ...(options.shown ? { outputs: options.shown } : {}),
    correlations,
    label,
    onProgress: (done: number) => progress.update(done),
  });
  progress.finish();
  if (options.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout(renderMonteCarloReport(calc, result));
}
