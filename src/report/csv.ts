/**
 * RFC 4180 CSV: quote cells that hold commas, quotes or line breaks. Numbers keep twelve
 * significant figures, so binary float noise (448562500000000050000) stays out of a file.
 */
function cell(value: string | number): string {
  const text = typeof value === 'number' ? String(Number(value.toPrecision(12))) : value;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(records: ReadonlyArray<Record<string, string | number>>): string {
  const first = records[0];
  if (!first) return '';
  const columns = Object.keys(first);
  const lines = [
    columns.map(cell).join(','),
    ...records.map((r) => columns.map((c) => cell(r[c] ?? '')).join(',')),
  ];
  return `${lines.join('\n')}\n`;
}
