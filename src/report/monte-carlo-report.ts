import type { Binding, MonteCarloResult } from '../calculators/monte-carlo.js';
import type { Calculator } from '../calculators/types.js';
import type { SensitivityRow } from '../uncertainty/tornado.js';
import type { Dimension } from '../units/dimensions.js';
import { formatQuantity } from '../units/format.js';
import { renderTable } from './table.js';

const right = { align: 'right' as const };

/** Output quantiles and means, then the uncertain inputs as drawn. */
export function renderMonteCarloReport(calc: Calculator, r: MonteCarloResult): string {
  const keys = Object.keys(Object.values(r.outputs)[0]?.quantiles ?? {});
  // Indicator outputs are summed up in the binding line, not shown as distributions of 0s and 1s.
  const indicators = new Set(calc.binding?.map((b) => b.output));
  const rows = calc.outputs
    .filter((o) => r.outputs[o.name] && !indicators.has(o.name))
    .map((o) => {
      const s = r.outputs[o.name];
      const show = (v: number) => formatQuantity(v, o.dimension);
      return [o.label, ...keys.map((k) => show(s?.quantiles[k] ?? 0)), show(s?.mean ?? 0)];
    });
  const dimension = (name: string) => {
    const spec = calc.inputs.find((s) => s.name === name);
    return spec?.type === 'quantity' ? spec.dimension : 'ratio';
  };
  const inputs = r.uncertain.map((u) => [
    u.name.replaceAll('_', '-'),
    u.written,
    ...keys.map((k) => formatQuantity(u.quantiles[k] ?? 0, dimension(u.name))),
  ]);
  const parts = [
    `${calc.title} (Monte Carlo: ${formatQuantity(r.samples, 'count')} samples, seed ${r.seed})`,
    '',
    renderTable(
      [{ header: 'Output' }, ...keys.map((k) => ({ header: k, ...right })), { header: 'mean', ...right }],
      rows,
      '  ',
    ),
    '',
    renderTable(
      [{ header: 'Uncertain input' }, { header: 'Written' }, ...keys.map((k) => ({ header: k, ...right }))],
      inputs,
      '  ',
    ),
  ];
  if (r.binding) parts.splice(3, 0, '', `  ${bindingSentence(r.binding)}`);
  if (r.rejected > 0)
    parts.push('', `  note: ${r.rejected} samples drew impossible inputs and were left out`);
  parts.push('', '  Other inputs are as in a plain run; the same seed gives the same figures.');
  return `${parts.join('\n')}\n`;
}

/** "Binds: power, one campus in 62% of samples; chips 30%; data 8%." */
export function bindingSentence(binding: Binding): string {
  const pct = (share: number) =>
    `${share >= 0.995 || share <= 0.005 ? Math.round(share * 100) : (share * 100).toPrecision(2)}%`;
  const others = Object.entries(binding.shares)
    .filter(([name, share]) => name !== binding.constraint && share >= 0.005)
    .sort((a, b) => b[1] - a[1])
    .map(([name, share]) => `${name} ${pct(share)}`);
  const first = `Binds: ${binding.constraint} in ${pct(binding.shares[binding.constraint] ?? 0)} of samples`;
  return `${[first, ...others].join('; ')}.`;
}

/** The tornado table: inputs ranked by the swing each causes, p5 to p95. */
export function renderSensitivity(
  output: string,
  dimension: Dimension,
  base: number,
  rows: readonly SensitivityRow[],
): string {
  const show = (v: number) => formatQuantity(v, dimension);
  return `${[
    `Sensitivity of ${output} (each input from its p5 to its p95, the rest at their medians; at the medians: ${show(base)})`,
    '',
    renderTable(
      [
        { header: 'Input' },
        { header: 'at p5', ...right },
        { header: 'at p95', ...right },
        { header: 'swing', ...right },
      ],
      rows.map((row) => [row.input, show(row.low), show(row.high), show(row.swing)]),
      '  ',
    ),
  ].join('\n')}\n`;
}
