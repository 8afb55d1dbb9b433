/** A calendar month as scenario files write it: "YYYY-MM". */
export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-01" → months since year 0, so months subtract. */
export function monthIndex(text: string): number {
  const match = MONTH.exec(text);
  if (!match) throw new Error(`not a month: ${text}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthLabel(index: number): string {
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}
