import { expect } from 'vitest';

/** A plain-text table as renderTable lays it out, cut into cells by its rule's dashes. */
export interface TextTable {
  /** The header, the rule and the rows, as printed. */
  lines: string[];
  rule: string;
  /** Each column's [start, end) in the line, read off the rule. */
  spans: Array<[number, number]>;
  header: string[];
  rows: string[][];
}

/** The cells of a printed line, by the columns the rule marks out. */
function cut(line: string, spans: ReadonlyArray<[number, number]>): string[] {
  return spans.map(([start, end]) => line.slice(start, end).trim());
}

/**
 * The table in a report whose header line starts (after its indent) with `first`: the
 * header, the dashed rule under it, and every line after until a blank one.
 */
export function tableAt(text: string, first: string): TextTable {
  const all = text.split('\n');
  const at = all.findIndex((line, i) => line.trimStart().startsWith(first) && /^\s*-/.test(all[i + 1] ?? ''));
  if (at < 0) throw new Error(`no table with a header starting "${first}"`);
  const end = all.findIndex((line, i) => i > at + 1 && line.trim() === '');
  const lines = all.slice(at, end < 0 ? undefined : end);
  const rule = lines[1] ?? '';
  const spans = [...rule.matchAll(/-+/g)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  return {
    lines,
    rule,
    spans,
    header: cut(lines[0] ?? '', spans),
    rows: lines.slice(2).map((line) => cut(line, spans)),
  };
}

/** The cells of one column, top to bottom (header excluded). */
export function column(table: TextTable, header: string): string[] {
  const i = table.header.indexOf(header);
  if (i < 0) throw new Error(`no column "${header}" in ${table.header.join(' | ')}`);
  return table.rows.map((row) => row[i] ?? '');
}

/**
 * Every line fits the rule, the two-space gaps between columns are blank in every line,
 * and each cell sits against its column's left edge, or its right edge when the column
 * is right-aligned (given by header).
 */
export function expectAligned(table: TextTable, rightAligned: readonly string[] = []): void {
  const width = table.rule.length;
  const right = new Set(rightAligned.map((h) => table.header.indexOf(h)));
  expect(right.has(-1), `right-aligned headers ${rightAligned.join(', ')}`).toBe(false);
  for (const line of table.lines) {
    expect(line.length, line).toBeLessThanOrEqual(width);
    expect(line, 'no trailing spaces').toBe(line.trimEnd());
    table.spans.forEach(([start, end], i) => {
      const next = table.spans[i + 1];
      if (next) expect(line.slice(end, next[0]).trim(), `gap after column ${i} in ${line}`).toBe('');
      const cell = line.slice(start, end);
      if (cell.trim() === '' || line === table.rule) return;
      if (right.has(i)) expect(cell.endsWith(' '), `"${cell}" right-aligned in ${line}`).toBe(false);
      else expect(cell.startsWith(' '), `"${cell}" left-aligned in ${line}`).toBe(false);
    });
  }
}
