import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Column, renderTable } from '../../src/report/table.js';
import { expectAligned, tableAt } from '../helpers/table.js';

const columns: Column[] = [{ header: 'Year' }, { header: 'Power', align: 'right' }, { header: 'Binds' }];
const rows = [
  ['2025', '700 MW', 'power'],
  ['2026', '2.38 GW', 'capital'],
  ['2027', '12 W', 'supply'],
];

describe('renderTable', () => {
  it('writes a header, a dashed rule as wide as each column, then the rows', () => {
    const lines = renderTable(columns, rows).split('\n');
    expect(lines).toHaveLength(2 + rows.length);
    // Widest cells: "Year" (4), "2.38 GW" (7), "capital" (7); two spaces between columns.
    expect(lines[1]).toBe('----  -------  -------');
    expect(lines[0]).toBe('Year    Power  Binds');
  });

  it('lines every row up under the header rule', () => {
    const table = tableAt(renderTable(columns, rows), 'Year');
    expectAligned(table, ['Power']);
    expect(table.rows).toEqual(rows);
  });

  it('right-aligns a column that asks for it, and pads the rest on the right', () => {
    const lines = renderTable(columns, rows).split('\n');
    expect(lines[4]).toBe('2027     12 W  supply');
    expect(lines[2]).toBe('2025   700 MW  power');
  });

  it('makes every line as wide as the rule when the last column is right-aligned', () => {
    const right: Column[] = [{ header: 'Output' }, { header: 'Value', align: 'right' }];
    const lines = renderTable(right, [
      ['Accelerators', '1,000'],
      ['IT power', '1.45 MW'],
      ['x', ''],
    ]).split('\n');
    const width = lines[1]?.length;
    for (const line of lines.slice(0, 3)) expect(line.length).toBe(width);
    // A row whose last cell is empty ends after the first column.
    expect(lines[4]).toBe('x');
  });

  it('cuts a cell longer than maxWidth to that width, ending in an ellipsis', () => {
    const cut: Column[] = [{ header: 'Claim', maxWidth: 10 }, { header: 'Year' }];
    const table = tableAt(
      renderTable(cut, [
        ['Nearly 7 GW of planned capacity', '2028'],
        ['exactly 10', '2029'],
      ]),
      'Claim',
    );
    expect(table.rows.map((r) => r[0])).toEqual(['Nearly 7 …', 'exactly 10']);
    expect(table.rule).toBe('----------  ----');
  });

  it('does not cut a header, and sizes the column to it', () => {
    const cut: Column[] = [{ header: 'A long header', maxWidth: 4 }];
    const lines = renderTable(cut, [['abcdefgh']]).split('\n');
    expect(lines).toEqual(['A long header', '-------------', 'abc…']);
  });

  it('indents every line, the rule too', () => {
    const lines = renderTable(columns, rows, '  ').split('\n');
    expect(lines.every((l) => l.startsWith('  ') && !l.startsWith('   '))).toBe(true);
  });

  it('leaves a short row blank where cells are missing and ignores extra ones', () => {
    const lines = renderTable(columns, [['2025'], ['2026', '1 GW', 'power', 'spare']]).split('\n');
    expect(lines[2]).toBe('2025');
    expect(lines[3]).toBe('2026   1 GW  power');
  });

  it('writes just the header and rule when there are no rows', () => {
    expect(renderTable(columns, [])).toBe('Year  Power  Binds\n----  -----  -----');
  });

  it('keeps any cells in their columns, and reads back as written', () => {
    const cell = fc.stringMatching(/^[A-Za-z0-9$%.,/-]([A-Za-z0-9 $%.,/-]{0,14}[A-Za-z0-9$%.,/-])?$/);
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 8 }),
        (aligns, cells) => {
          const cols: Column[] = aligns.map((right, i) => ({
            header: `h${i}`,
            ...(right ? { align: 'right' as const } : {}),
          }));
          const rowsIn = cells.map((r) => r.slice(0, cols.length));
          const table = tableAt(renderTable(cols, rowsIn), 'h0');
          expectAligned(
            table,
            cols.filter((c) => c.align === 'right').map((c) => c.header),
          );
          expect(table.rows).toEqual(rowsIn);
        },
      ),
    );
  });
});
