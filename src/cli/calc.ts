import type { Command } from 'commander';
import { withDefaultRanges } from '../calculators/default-ranges.js';
import { splitInputs } from '../calculators/monte-carlo.js';
import { CALCULATORS } from '../calculators/registry.js';
import { runCalculator } from '../calculators/run.js';
import type { Calculator, InputSpec } from '../calculators/types.js';
import type { Catalog } from '../catalog/catalog.js';
import { InputError } from '../errors.js';
import { renderCalculatorReport } from '../report/calculator-report.js';
import { addUncertaintyOptions, parseOutputs, type UncertaintyOptions } from './flags.js';
import type { CliIo } from './io.js';

export const flagName = (name: string) => `--${name.replaceAll('_', '-')}`;
const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function helpText(spec: InputSpec, catalog: Catalog): string {
  const parts = [spec.description];
  if (spec.type === 'quantity') parts.push(`e.g. "${spec.example}"`);
  if (spec.type === 'choice') parts.push(`one of ${spec.choices.join('|')}`);
  if (spec.assumption) {
    const assumption = catalog.assumptions[spec.assumption];
    parts.push(`default ${assumption.written} (assumption ${spec.assumption})`);
  } else if (spec.type !== 'quantity' && spec.default) {
    parts.push(`default ${spec.default}`);
  }
  if (spec.defaultText) parts.push(`default: ${spec.defaultText}`);
  return parts.join('; ');
}

function addCalculator(parent: Command, calc: Calculator, io: CliIo, catalog: Catalog): void {
  const command = parent
    .command(calc.name)
    .description(calc.description)
    .option('--json', 'print {calculator, inputs, outputs} as JSON with SI values')
    .option(
      '--outputs <list>',
      `show only these outputs, e.g. "${calc.outputs
        .slice(0, 2)
        .map((o) => o.name)
        .join(',')}"; a Monte Carlo run then samples only them`,
    );
  for (const spec of calc.inputs) {
    command.option(`${flagName(spec.name)} <value>`, helpText(spec, catalog));
  }
  addUncertaintyOptions(command);
  const yearly = calc.uncertainByDefault !== undefined && calc.inputs.some((s) => s.name === 'year');
  if (yearly)
    command
      .option('--from <year>', "run year by year from this year (default: the world scenario's first)")
      .option('--to <year>', "run year by year to this year (default: the world scenario's last)");
  command.action(async (options: Record<string, unknown>) => {
    const raw: Record<string, unknown> = {};
    for (const spec of calc.inputs) {
      const value = options[camel(spec.name)];
      if (value !== undefined) raw[spec.name] = value;
    }
    const mc = options as UncertaintyOptions;
    const shown =
      mc.outputs === undefined
        ? undefined
        : parseOutputs(
            mc.outputs,
            calc.outputs.map((o) => o.name),
          );
    if (yearly && (options.from !== undefined || options.to !== undefined)) {
      const { runFrontierSeries } = await import('./frontier.js');
      await runFrontierSeries({ calc, raw, catalog, label: flagName }, options, io);
      return;
    }
    // A calculator uncertain by default draws every input left out from its sourced range.
    const drawn = withDefaultRanges(calc, raw, catalog, flagName);
    const uncertain = splitInputs(calc, drawn, flagName).uncertain.length > 0;
    if (uncertain || mc.samples !== undefined || mc.sensitivity !== undefined || mc.chart !== undefined) {
      // Monte Carlo (sampling, threads, charts) loads only for a run that asks for it.
      const { runUncertain } = await import('./uncertain.js');
      await runUncertain({ calc, raw: drawn, catalog, label: flagName }, { ...mc, shown }, io);
      return;
    }
    if (
      mc.seed !== undefined ||
      mc.quantiles !== undefined ||
      mc.correlate !== undefined ||
      mc.workers !== undefined
    )
      throw new InputError(
        '--seed, --quantiles, --correlate and --workers go with a Monte Carlo run: write an input as a distribution (e.g. --pue "1.1 to 1.4") or give --samples',
      );
    const result = runCalculator(calc, raw, catalog, { label: flagName });
    if (shown)
      result.outputs = Object.fromEntries(
        Object.entries(result.outputs).filter(([name]) => shown.includes(name)),
      );
    if (options.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else io.stdout(renderCalculatorReport(calc, result));
  });
}

export function registerCalc(program: Command, io: CliIo, catalog: Catalog): void {
  const calc = program
    .command('calc')
    .description(`run a calculator: ${CALCULATORS.map((c) => c.name).join(', ')}`);
  for (const calculator of CALCULATORS) addCalculator(calc, calculator, io, catalog);
}
