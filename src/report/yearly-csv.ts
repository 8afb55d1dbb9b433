import { CONTROL_SPECS } from '../scenario/assumption-units.js';
import { OUTPUTS, YEAR_OUTPUTS } from '../scenario/outputs.js';
import type { ScenarioRun } from '../scenario/run.js';
import type { Dimension } from '../units/dimensions.js';
import { formatQuantity } from '../units/format.js';
import { toCsv } from './csv.js';

/**
 * The yearly table as a spreadsheet wants it: each output in the unit people read it in
 * (GW, TWh, $B), its column named with that unit, values to four significant figures; and
 * the assumptions the run used. The CSV puts them above the table as `#` lines; the XLSX
 * workbook gives each its sheet.
 */

/** The display unit of each kind of yearly output: its column suffix and divisor. */
const DISPLAY: Partial<Record<Dimension, { suffix: string; divisor: number }>> = {
  power: { suffix: 'gw', divisor: 1e9 },
  energy: { suffix: 'twh', divisor: 3.6e15 },
  money: { suffix: 'usd_b', divisor: 1e9 },
  flops: { suffix: 'eflops', divisor: 1e18 },
  tokens: { suffix: 't_tokens', divisor: 1e12 },
  flop: { suffix: 'flop', divisor: 1 },
};

const fourFigures = (v: number) => Number(v.toPrecision(4));

/** One record a year, every output in its display unit, and what bound. */
export function yearlyRecords(run: ScenarioRun): Array<Record<string, string | number>> {
  return run.yearly.map((row) => {
    const record: Record<string, string | number> = { year: row.year };
    for (const output of OUTPUTS) {
      const unit = DISPLAY[YEAR_OUTPUTS[output].dimension];
      const value = row[output];
      record[unit ? `${output}_${unit.suffix}` : output] = fourFigures(unit ? value / unit.divisor : value);
    }
    record.binding = row.binding;
    return record;
  });
}

/** The scenario assumptions the run used, as written for people. */
export function assumptionRows(run: ScenarioRun): Array<{ key: string; value: string }> {
  const a = run.loaded.inputs.assumptions;
  return CONTROL_SPECS.map((spec) => {
    const value = a[spec.field];
    // NaN: worked out by the model (goodput from the run's size).
    return {
      key: spec.key,
      value: Number.isNaN(value) ? 'from the model' : formatQuantity(value, spec.dimension),
    };
  });
}

export function yearlyCsv(run: ScenarioRun): string {
  const header = [
    `# ${run.loaded.scenario.name}: ${run.loaded.file}, year by year, in display units`,
    '# assumptions used:',
    ...assumptionRows(run).map((a) => `#   ${a.key} = ${a.value}`),
  ];
  return `${header.join('\n')}\n${toCsv(yearlyRecords(run))}`;
}
