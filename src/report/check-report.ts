import type { CheckFileResult } from '../checks/evaluate.js';
import { renderTable } from './table.js';

function summary(result: CheckFileResult): string {
  const rows = result.results.flatMap((r) => r.expectations);
  if (result.kind === 'published') {
    const held = rows.filter((e) => e.holds).length;
    return `${result.file}: published facts, ${held} of ${rows.length} reproduced within tolerance`;
  }
  const consistent = rows.filter((e) => e.holds).length;
  const compared = rows.filter((e) => e.holds !== undefined).length;
  return `${result.file}: claims, ${consistent} of ${compared} consistent with the model (verdicts, not pass/fail)`;
}

/** The verdict table of a check file, then each check's sources. */
export function renderCheckReport(result: CheckFileResult, options: { sources?: boolean } = {}): string {
  const reference = result.kind === 'published' ? 'Published' : 'Claimed';
  const rows: string[][] = [];
  for (const check of result.results) {
    check.expectations.forEach((e, i) => {
      rows.push([
        i === 0 ? check.id : '',
        i === 0 ? check.title : '',
        e.output,
        e.reference?.display ?? '—',
        e.model.display,
        e.verdict,
      ]);
      if (e.closest) {
        const reading = Object.entries(e.closest.inputs)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
        rows.push([
          '',
          '',
          '',
          '',
          '',
          `closest reading: ${reading} → ${e.closest.display} (claim ${e.closest.difference})`,
        ]);
      }
    });
  }
  const table = renderTable(
    [
      { header: 'ID' },
      { header: 'Check', maxWidth: 44 },
      { header: 'Output' },
      { header: reference, align: 'right' },
      { header: 'Model', align: 'right' },
      { header: 'Verdict' },
    ],
    rows,
  );
  const parts = [summary(result), '', table];
  if (options.sources !== false) {
    parts.push('', 'Sources');
    for (const check of result.results) {
      for (const source of check.sources)
        parts.push(`  ${check.id}  ${source.title}${source.url ? ` <${source.url}>` : ''}`);
    }
  }
  return `${parts.join('\n')}\n`;
}
