import { describe, expect, it } from 'vitest';
import { CODE, CONSTRAINTS } from '../../src/scenario/constraints.js';
import { ALL_FIELDS, FIELDS, MONTH_FIELDS, MONTHLY_SERIES } from '../../src/scenario/fields.js';
import { MonthSeries } from '../../src/scenario/month-series.js';
import { mostBindingCode, OUTPUTS, YEAR_OUTPUTS, yearly, yearSpans } from '../../src/scenario/outputs.js';

/** A series from March of year 10 (month 123) for 14 months: ten months of one year, four of the next. */
function series(): MonthSeries {
  const s = new MonthSeries(10 * 12 + 2, 14);
  for (const field of FIELDS) for (let i = 0; i < s.length; i++) s.columns[field][i] = 100 + i;
  s.columns.powerUsed.set([0, 10, 10, 20, 20, 20, 30, 30, 30, 30, 30, 40, 40, 40]);
  s.columns.installs.set([5, 5, 0, 5, 0, 0, 5, 0, 0, 0, 0, 5, 0, 0]);
  s.columns.accelerators.set([5, 10, 10, 15, 15, 15, 20, 20, 20, 20, 20, 25, 25, 25]);
  return s;
}

describe('the yearly outputs', () => {
  it('reads only month fields that exist, and every month field has its own column name', () => {
    for (const output of OUTPUTS)
      for (const field of YEAR_OUTPUTS[output].reads) expect(FIELDS).toContain(field);
    const columns = FIELDS.map((f) => MONTH_FIELDS[f].column);
    expect(new Set(columns).size).toBe(columns.length);
    expect(Object.values(ALL_FIELDS).every(Boolean)).toBe(true);
    for (const [column, field] of Object.entries(MONTHLY_SERIES))
      expect(MONTH_FIELDS[field].column).toBe(column);
  });

  it('cuts a span into calendar years, a partial year at each end', () => {
    expect(yearSpans(series())).toEqual([
      { year: 10, from: 0, to: 10 },
      { year: 11, from: 10, to: 14 },
    ]);
  });

  it("takes stocks at the year's last month, sums flows, and counts a yearly rate by the months delivered", () => {
    const [first, second] = yearly(series());
    // Months 0-9 hold 100…109: the year ends at 109; opex sums to 1,045.
    expect(first?.cumulative_capex).toBe(109);
    expect(first?.annual_opex).toBe(1045);
    expect(first?.accelerators_added).toBe(20);
    // Tokens per year recorded monthly: each month delivers a twelfth of its rate.
    expect(first?.tokens_per_year).toBe(1045 / 12);
    expect(second?.energy).toBe(110 + 111 + 112 + 113);
  });

  it('adds power from the month before the year, and for the first month from before its own installs', () => {
    const [first, second] = yearly(series());
    // The first month holds 5 accelerators drawing 0 W (a test series): nothing was there before.
    expect(first?.power_added).toBe(30);
    expect(second?.power_added).toBe(40 - 30);
    const s = series();
    // 10 W with 5 of 5 accelerators just installed: the year started from nothing.
    s.columns.powerUsed[0] = 10;
    expect(yearly(s)[0]?.power_added).toBe(30);
    // 10 W with 5 installed of 10 in place: half was there before.
    s.columns.accelerators[0] = 10;
    expect(yearly(s)[0]?.power_added).toBe(30 - 5);
  });

  it('names the constraint that bound most months, the first to bind on a tie', () => {
    const s = series();
    s.binding.set([CODE.none, CODE.capital, CODE.power, CODE.power, CODE.capital, CODE.none]);
    // Months 1-5: capital twice, power twice; capital bound first.
    expect(CONSTRAINTS[mostBindingCode(s, 0, 6)]).toBe('capital');
    expect(CONSTRAINTS[mostBindingCode(s, 2, 6)]).toBe('power');
    expect(CONSTRAINTS[mostBindingCode(s, 5, 6)]).toBe('none');
    expect(yearly(s)[0]?.binding).toBe('capital');
  });
});
