import { generationIds, type ScenarioRun } from '../scenario/run.js';
import { YEAR_OUTPUTS, type YearRow } from '../scenario/summary.js';
import { formatQuantity } from '../units/format.js';
import { renderTable } from './table.js';

const fmt = (row: YearRow, key: keyof typeof YEAR_OUTPUTS) =>
  formatQuantity(row[key] as number, YEAR_OUTPUTS[key].dimension);

function generationCell(row: YearRow, gens: readonly string[]): string {
  return gens
    .filter((g) => (row.by_generation[g] ?? 0) > 0)
    .map((g) => `${g} ${formatQuantity(row.by_generation[g] ?? 0, 'count')}`)
    .join(', ');
}

/** The terminal report of a scenario: what it is, two yearly tables, and the claims' verdicts. */
export function renderScenarioReport(run: ScenarioRun): string {
  const s = run.loaded.scenario;
  const gens = generationIds(run);
  const right = { align: 'right' as const };
  const buildOut = renderTable(
    [
      { header: 'Year' },
      { header: 'Power avail.', ...right },
      { header: 'Power used', ...right },
      { header: 'Accelerators', ...right },
      { header: 'By generation' },
      { header: 'BF16 peak', ...right },
      { header: 'FP8 peak', ...right },
      { header: 'Binds' },
    ],
    run.yearly.map((r) => [
      String(r.year),
      fmt(r, 'facility_power_available'),
      fmt(r, 'facility_power'),
      fmt(r, 'accelerators'),
      generationCell(r, gens),
      fmt(r, 'peak_flops_bf16'),
      fmt(r, 'peak_flops_fp8'),
      r.binding,
    ]),
    '  ',
  );
  const money = renderTable(
    [
      { header: 'Year' },
      { header: 'Capex (cum.)', ...right },
      { header: 'Opex/yr', ...right },
      { header: 'Energy/yr', ...right },
      { header: 'Largest run', ...right },
      { header: 'Tokens/yr', ...right },
      { header: 'Revenue needed/yr', ...right },
    ],
    run.yearly.map((r) => [
      String(r.year),
      fmt(r, 'cumulative_capex'),
      fmt(r, 'annual_opex'),
      fmt(r, 'energy'),
      fmt(r, 'largest_training_run'),
      fmt(r, 'tokens_per_year').replace(' tokens', ''),
      fmt(r, 'revenue_needed'),
    ]),
    '  ',
  );
  const a = run.loaded.inputs.assumptions;
  const model = s.assumptions.reference_model ?? 'llama-3.3-70b';
  const parts = [`${s.name}`, ...(s.description ? [s.description] : []), ''];
  if (s.claim) parts.push(`Claim: ${s.claim}`, '');
  parts.push('Build-out (end of year)', buildOut, '', 'Money, energy and output', money, '');
  parts.push(
    `  Largest run: one site's fleet at ${formatQuantity(a.mfu, 'fraction')} MFU and ${formatQuantity(a.goodput, 'fraction')} goodput for ${formatQuantity(a.trainingRun, 'time')}.`,
    `  Tokens: ${model} served at ${formatQuantity(a.servingUtilization, 'fraction')} utilization. Revenue needed: capex repaid at ${formatQuantity(a.costOfCapital, 'fraction')} plus opex.`,
    '  Binds: which of power, capital, supply (or the plan) limited purchases most months of the year.',
  );
  if (run.claims.length > 0) {
    parts.push(
      '',
      'Claims',
      renderTable(
        [
          { header: 'Year' },
          { header: 'Claim', maxWidth: 60 },
          { header: 'Claimed', ...right },
          { header: 'Model', ...right },
          { header: 'Verdict' },
        ],
        run.claims.map((c) => [String(c.year), c.text, c.claimed, c.model, c.verdict]),
        '  ',
      ),
    );
  }
  return `${parts.join('\n')}\n`;
}

/** Several runs side by side: the last year of each. */
export function renderComparison(runs: readonly ScenarioRun[]): string {
  const keys = Object.keys(YEAR_OUTPUTS) as Array<keyof typeof YEAR_OUTPUTS>;
  const lasts = runs.map((r) => r.yearly[r.yearly.length - 1] as YearRow);
  const rows = [
    ['Last year', ...lasts.map((r) => String(r.year))],
    ...keys.map((k) => [YEAR_OUTPUTS[k].label, ...lasts.map((r) => fmt(r, k))]),
    ['Binds (last year)', ...lasts.map((r) => r.binding)],
    [
      'Claims consistent',
      ...runs.map((r) => `${r.claims.filter((c) => c.holds).length} of ${r.claims.length}`),
    ],
  ];
  return `${renderTable(
    [
      { header: '' },
      ...runs.map((r) => ({
        header: r.loaded.file.replace(/^.*\//, '').replace(/\.ya?ml$/, ''),
        align: 'right' as const,
      })),
    ],
    rows,
    '  ',
  )}\n`;
}
