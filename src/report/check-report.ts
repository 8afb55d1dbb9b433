import type { CalibrationResult } from '../checks/calibrate.js';
import type { CheckFileResult } from '../checks/evaluate.js';
import { formatQuantity } from '../units/format.js';
import { renderTable } from './table.js';

function summary(result: CheckFileResult): string {
  const rows = result.results.flatMap((r) => r.expectations);
  if (result.kind === 'published') {
    const held = rows.filter((e) => e.holds).length;
    return `${result.file}: published facts, ${held} of ${rows.length} reproduced within tolerance`;
  }
  const consistent = rows.filter((e) => e.holds).length;
  const compared = rows.filter((e) => e.holds !== undefined).length;
  const what = result.kind === 'forecasts' ? 'forecasts' : 'claims';
  return `${result.file}: ${what}, ${consistent} of ${compared} consistent with the model (verdicts, not pass/fail)`;
}

/** The verdict table of a check file, then each check's sources. */
export function renderCheckReport(result: CheckFileResult, options: { sources?: boolean } = {}): string {
  const reference =
    result.kind === 'published' ? 'Published' : result.kind === 'forecasts' ? 'Forecast' : 'Claimed';
  const rows: string[][] = [];
  for (const check of result.results) {
    check.expectations.forEach((e, i) => {
      rows.push([
        i === 0 ? check.id : '',
        i === 0 ? check.title : '',
        e.year === undefined ? e.output : `${e.output} ${e.year}`,
        e.reference?.display ?? '—',
        e.model.display,
        e.verdict,
      ]);
      if (e.world) {
        const share =
          e.world.share === undefined
            ? ''
            : `${formatQuantity(e.world.share, 'fraction')} of the world's in ${e.year} (scenarios/world.yaml); `;
        rows.push(['', '', '', '', '', `${share}binds: ${e.world.binding}`]);
      }
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

export function renderCalibration(result: CalibrationResult): string {
  const pct = (n: number) => (result.counted ? `${Math.round((100 * n) / result.counted)}%` : '—');
  const shown = result.rows.filter((r) => r.inside90 !== undefined);
  const exact = result.rows.length - shown.length;
  const rows = shown.map((r) => [
    r.id,
    r.output,
    r.published,
    r.interval50,
    r.interval90,
    r.inside50 ? 'yes' : 'no',
    r.inside90 ? 'yes' : 'no',
  ]);
  return `${[
    `${result.file}: calibration with the catalog's stated uncertainty on its defaults`,
    `  inside the 50% interval: ${result.inside50} of ${result.counted} (${pct(result.inside50)}); inside the 90% interval: ${result.inside90} of ${result.counted} (${pct(result.inside90)})`,
    '  (a calibrated model lands near 50% and 90%)',
    `  ${exact} ${exact === 1 ? 'fact has' : 'facts have'} no uncertain input (catalog figures, 6·N·D) and ${exact === 1 ? 'is' : 'are'} not counted`,
    '',
    renderTable(
      [
        { header: 'ID' },
        { header: 'Output' },
        { header: 'Published', align: 'right' },
        { header: '50% interval', align: 'right' },
        { header: '90% interval', align: 'right' },
        { header: 'in 50%' },
        { header: 'in 90%' },
      ],
      rows,
    ),
  ].join('\n')}\n`;
}
