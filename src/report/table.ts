export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
  /** Cells longer than this are cut with an ellipsis. */
  maxWidth?: number;
}

function truncate(text: string, width: number | undefined): string {
  if (width === undefined || text.length <= width) return text;
  return `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** A plain-text table with a header rule; columns are sized to their widest cell. */
export function renderTable(
  columns: readonly Column[],
  rows: ReadonlyArray<readonly string[]>,
  indent = '',
): string {
  const cells = rows.map((row) => columns.map((col, i) => truncate(row[i] ?? '', col.maxWidth)));
  const widths = columns.map((col, i) =>
    Math.max(col.header.length, ...cells.map((row) => (row[i] ?? '').length)),
  );
  const line = (row: readonly string[]) =>
    indent +
    row
      .map((cell, i) =>
        columns[i]?.align === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const header = line(columns.map((c) => c.header));
  const rule = indent + widths.map((w) => '-'.repeat(w)).join('  ');
  return [header, rule, ...cells.map(line)].join('\n');
}
