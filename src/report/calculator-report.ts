import type { Calculator, CalculatorResult } from '../calculators/types.js';
import { renderTable } from './table.js';

function originText(input: CalculatorResult['inputs'][string]): string {
  const estimate = input.estimate ? ' (estimate)' : '';
  switch (input.origin) {
    case 'given':
      return 'given';
    case 'solved':
      return 'solved';
    default:
      return `${input.origin}${input.via ? `: ${input.via}` : ''}${estimate}`;
  }
}

/** The terminal report of one calculation: outputs, then every input with where it came from. */
export function renderCalculatorReport(calc: Calculator, result: CalculatorResult): string {
  const compared = new Set(calc.comparison?.rows.flatMap(([, left, right]) => [left, right]) ?? []);
  const outputs = calc.outputs
    .filter((o) => result.outputs[o.name] && !compared.has(o.name))
    .map((o) => [o.label, result.outputs[o.name]?.display ?? '', o.description]);
  const inputs = calc.inputs
    .filter((i) => result.inputs[i.name])
    .map((i) => {
      const input = result.inputs[i.name];
      return [i.name.replaceAll('_', '-'), input?.display ?? '', input ? originText(input) : ''];
    });
  const parts = [calc.title, ''];
  if (calc.comparison) {
    const [left, right] = calc.comparison.columns;
    const rows = calc.comparison.rows.map(([label, l, r]) => [
      label,
      result.outputs[l]?.display ?? '—',
      result.outputs[r]?.display ?? '—',
    ]);
    parts.push(
      renderTable(
        [{ header: '' }, { header: left, align: 'right' }, { header: right, align: 'right' }],
        rows,
        '  ',
      ),
      '',
    );
  }
  parts.push(
    renderTable(
      [{ header: 'Output' }, { header: 'Value', align: 'right' }, { header: 'Meaning' }],
      outputs,
      '  ',
    ),
    '',
  );
  if (calc.breakdown && result.breakdown) {
    const columns = calc.breakdown.columns;
    parts.push(
      result.breakdown.title,
      renderTable(
        [
          { header: result.breakdown.label },
          ...columns.map((c) => ({ header: c.label, align: 'right' as const })),
        ],
        result.breakdown.rows.map((row) => [
          row.label,
          ...columns.map((c) => row.values[c.name]?.display ?? '–'),
        ]),
        '  ',
      ),
      '',
    );
  }
  parts.push(
    renderTable([{ header: 'Input' }, { header: 'Value', align: 'right' }, { header: 'From' }], inputs, '  '),
  );
  if (result.notes.length > 0) parts.push('', ...result.notes.map((n) => `  note: ${n}`));
  parts.push(
    '',
    '  Override any input with its flag (--pue 1.3). Sources: `gigawatt catalog assumptions`,',
    '  `gigawatt catalog show <id>`; `--json` prints SI values with every source.',
  );
  return `${parts.join('\n')}\n`;
}
