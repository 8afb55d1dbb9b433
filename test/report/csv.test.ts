import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/report/csv.js';
import { monthlyRecords, runScenario } from '../../src/scenario/run.js';
import { catalog } from '../helpers/catalog.js';

/** RFC 4180, read back: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('an unclosed quote');
  if (field !== '' || record.length > 0) throw new Error('a last record without its line break');
  return records;
}

describe('toCsv', () => {
  it('writes a header from the first record, a line per record, and a final line break', () => {
    const csv = toCsv([
      { month: '2025-01', power_w: 7e8 },
      { month: '2025-02', power_w: 0.5 },
    ]);
    expect(csv).toBe('month,power_w\n2025-01,700000000\n2025-02,0.5\n');
  });

  it('quotes a field holding a comma, a quote, a line feed or a carriage return, and only those', () => {
    const csv = toCsv([
      { a: 'Abilene, TX', b: 'the "big" one', c: 'two\nlines', d: 'cr\rhere', e: 'plain text' },
    ]);
    expect(csv.split('\n')[0]).toBe('a,b,c,d,e');
    expect(csv).toContain('"Abilene, TX","the ""big"" one","two\nlines","cr\rhere",plain text\n');
    expect(parseCsv(csv)[1]).toEqual([
      'Abilene, TX',
      'the "big" one',
      'two\nlines',
      'cr\rhere',
      'plain text',
    ]);
  });

  it('quotes header names too', () => {
    expect(toCsv([{ 'power, W': 1 }])).toBe('"power, W"\n1\n');
  });

  it('leaves a cell empty where a later record lacks a column', () => {
    const records: Array<Record<string, string | number>> = [{ a: 1, b: 2 }, { a: 3 }];
    expect(parseCsv(toCsv(records))).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', ''],
    ]);
  });

  it('writes nothing for no records', () => {
    expect(toCsv([])).toBe('');
  });

  it('writes numbers to twelve significant figures: float noise out, every real digit in', () => {
    const values = [0.1 + 0.2, 1e-7, 6.02e23, -42, 448562500000000050000, 123456789012.3];
    const csv = toCsv(values.map((v) => ({ v })));
    expect(
      parseCsv(csv)
        .slice(1)
        .map(([v]) => v),
    ).toEqual(['0.3', '1e-7', '6.02e+23', '-42', '448562500000000000000', '123456789012']);
  });

  it('round-trips any strings and numbers through a CSV reader', () => {
    const value = fc.oneof(
      fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
      fc.constantFrom(',', '"', '\n', '\r', '""', ' , '),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.array(value, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        (keys, table) => {
          const records = table.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i] ?? ''])));
          const back = parseCsv(toCsv(records));
          // Columns in the first record's key order (JavaScript puts integer-like keys first).
          const columns = Object.keys(records[0] ?? {});
          expect([...(back[0] ?? [])].sort()).toEqual([...keys].sort());
          expect(back[0]).toEqual(columns);
          // Numbers come back to twelve significant figures.
          const written = (v: string | number) =>
            typeof v === 'number' ? String(Number(v.toPrecision(12))) : v;
          expect(back.slice(1)).toEqual(records.map((r) => columns.map((k) => written(r[k] ?? ''))));
        },
      ),
    );
  });

  it('writes a scenario run as one row per month, each as wide as the header', () => {
    const run = runScenario(
      readFileSync('scenarios/stargate.yaml', 'utf8'),
      'scenarios/stargate.yaml',
      catalog,
    );
    const records = monthlyRecords(run);
    const parsed = parseCsv(toCsv(records));
    expect(parsed).toHaveLength(run.monthly.length + 1);
    const header = parsed[0] ?? [];
    expect(header[0]).toBe('month');
    expect(parsed.every((row) => row.length === header.length)).toBe(true);
    const used = header.indexOf('power_used_w');
    expect(used).toBeGreaterThan(0);
    parsed.slice(1).forEach((row, i) => {
      const exact = run.monthly[i]?.powerUsed ?? 0;
      expect(Math.abs(Number(row[used]) - exact)).toBeLessThanOrEqual(Math.abs(exact) * 1e-11);
    });
    expect(parsed[1]?.[0]).toBe('2025-01');
  });
});
