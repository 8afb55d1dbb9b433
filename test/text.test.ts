import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControl, grouped, oneLine, quote, shown } from '../src/text.js';

describe('text', () => {
  describe('grouped', () => {
    it('groups by thousands only from four digits up', () => {
      expect(grouped(999)).toBe('999');
      expect(grouped(1000)).toBe('1,000');
      expect(grouped(123456789012)).toBe('123,456,789,012');
    });

    it('puts the minus sign before the first group', () => {
      expect(grouped(-1234567)).toBe('-1,234,567');
      expect(grouped(-12)).toBe('-12');
    });

    it('rounds to a whole number first, carrying into a new group', () => {
      expect(grouped(999.5)).toBe('1,000');
      expect(grouped(1234.4)).toBe('1,234');
      expect(grouped(-1234.6)).toBe('-1,235');
      expect(grouped(0.4)).toBe('0');
    });

    it('reads back as the integer it shows, in groups of three', () => {
      fc.assert(
        fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
          const text = grouped(n);
          expect(text).toMatch(/^-?\d{1,3}(,\d{3})*$/);
          expect(Number(text.replaceAll(',', ''))).toBe(n);
        }),
      );
    });
  });

  describe('quote', () => {
    it('wraps a short value in the mark asked for', () => {
      expect(quote('h100')).toBe('"h100"');
      expect(quote('h100', "'")).toBe("'h100'");
    });

    it('writes control characters and line separators as escapes', () => {
      expect(quote('a\nb\r\tc')).toBe('"a\\nb\\r\\tc"');
      expect(quote('bell\u0007 del\u007f')).toBe('"bell\\u0007 del\\u007f"');
      expect(quote('x\u2028y\u2029z')).toBe('"x\\u2028y\\u2029z"');
    });

    it('keeps 60 characters whole and cuts 61 to 40 with the count', () => {
      expect(quote('a'.repeat(60))).toBe(`"${'a'.repeat(60)}"`);
      expect(quote('b'.repeat(61))).toBe(`"${'b'.repeat(40)}…" (61 characters)`);
    });

    it('counts the characters of the value, grouped, however long', () => {
      const q = quote('h'.repeat(50_000));
      expect(q).toBe(`"${'h'.repeat(40)}…" (50,000 characters)`);
    });

    it('measures the escaped text against the limit, and counts the original', () => {
      // 30 newlines escape to 60 characters: kept. 31 escape to 62: cut, counted as 31.
      expect(quote('\n'.repeat(30))).toBe(`"${'\\n'.repeat(30)}"`);
      expect(quote('\n'.repeat(31))).toBe(`"${'\\n'.repeat(20)}…" (31 characters)`);
    });

    it('never spans two lines nor grows past a terminal line', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (value) => {
          const q = quote(value);
          expect(q).not.toMatch(/[\n\r\u2028\u2029]/);
          expect(q.length).toBeLessThanOrEqual(80);
        }),
      );
    });
  });

  describe('shown', () => {
    it('keeps up to 120 characters unquoted', () => {
      const path = `data/${'x'.repeat(115)}`;
      expect(shown(path)).toBe(path);
    });

    it('cuts 121 characters to 60 with the count', () => {
      expect(shown('y'.repeat(121))).toBe(`${'y'.repeat(60)}… (121 characters)`);
      expect(shown('z'.repeat(12_345))).toBe(`${'z'.repeat(60)}… (12,345 characters)`);
    });

    it('escapes control characters', () => {
      expect(shown('normal(0, 1)\nnext')).toBe('normal(0, 1)\\nnext');
    });
  });

  describe('oneLine', () => {
    it('leaves runs under 200 characters as they are', () => {
      const message = `unknown id ${'a'.repeat(199)} here`;
      expect(oneLine(message)).toBe(message);
    });

    it('cuts a run of 200 or more characters to 60 and an ellipsis, leaving the rest', () => {
      expect(oneLine(`bad ${'q'.repeat(200)} value`)).toBe(`bad ${'q'.repeat(60)}… value`);
      expect(oneLine(`${'r'.repeat(5000)} ${'s'.repeat(300)}`)).toBe(`${'r'.repeat(60)}… ${'s'.repeat(60)}…`);
    });

    it('escapes line breaks first, so escapes count toward a run', () => {
      // 190 letters and 5 newlines: 200 characters once the newlines are written as \n.
      expect(oneLine(`${'a'.repeat(190)}${'\n'.repeat(5)}`)).toBe(`${'a'.repeat(60)}…`);
      expect(oneLine('first\nsecond')).toBe('first\\nsecond');
    });

    it('prints any message on one line with no run longer than 200', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (message) => {
          const line = oneLine(message);
          expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
          expect(Math.max(0, ...(line.match(/\S+/g) ?? []).map((w) => w.length))).toBeLessThan(200);
        }),
      );
    });
  });

  it('escapeControl leaves printable text, accents and emoji alone', () => {
    expect(escapeControl('Doña Ana — 7 GW 😀')).toBe('Doña Ana — 7 GW 😀');
  });

  it('rounds halves away from zero on both sides, and writes no minus on a zero', () => {
    expect(grouped(2.5)).toBe('3');
    expect(grouped(-2.5)).toBe('-3');
    expect(grouped(-0.4)).toBe('0');
  });

  it('counts and cuts by characters as a reader sees them, never halving an emoji', () => {
    const emoji = '🚀'.repeat(61);
    const q = quote(emoji);
    expect(q).toBe(`"${'🚀'.repeat(40)}…" (61 characters)`);
    expect(quote('🚀'.repeat(60))).toBe(`"${'🚀'.repeat(60)}"`);
    expect(shown('🚀'.repeat(121))).toBe(`${'🚀'.repeat(60)}… (121 characters)`);
  });
});
