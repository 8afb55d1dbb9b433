/**
 * Plain text for messages and tables: digits grouped by thousands, and user values made
 * safe to quote (one line, cut short). The bottom layer: it imports nothing.
 */

/** 16384 → "16,384" (toLocaleString would load ICU data, some 15 ms, on every CLI call). */
export function grouped(value: number): string {
  // Rounded as a magnitude, so halves round away from zero on both sides and -0.4 is "0".
  const whole = Math.round(Math.abs(value));
  const digits = String(whole);
  return (value < 0 && whole > 0 ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Characters as a reader counts them: code points, so an emoji is one and is never cut in half. */
const characters = (text: string) => Array.from(text);

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/g;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Control characters written as escapes, so a value can never break a message onto two lines. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Values longer than this are cut when a message quotes them. */
const QUOTE_LIMIT = 60;

/**
 * A user's value as a message quotes it: on one line, and cut short when long
 * ("hhhhhhhh…" (50,000 characters)), so a pasted file never floods the terminal.
 */
export function quote(value: string, mark: '"' | "'" = '"'): string {
  const text = characters(escapeControl(value));
  if (text.length <= QUOTE_LIMIT) return `${mark}${text.join('')}${mark}`;
  return `${mark}${text.slice(0, QUOTE_LIMIT - 20).join('')}…${mark} (${grouped(characters(value).length)} characters)`;
}

/** Text a message names without quotes (a path, a distribution): on one line, and cut short when long. */
export function shown(value: string): string {
  const text = characters(escapeControl(value));
  return text.length <= QUOTE_LIMIT * 2
    ? text.join('')
    : `${text.slice(0, QUOTE_LIMIT).join('')}… (${grouped(characters(value).length)} characters)`;
}

/**
 * A message as a face prints it: one line, and no run of characters longer than a
 * terminal line, whatever a value quoted deep inside it held.
 */
export function oneLine(message: string): string {
  return escapeControl(message).replace(/\S{200,}/g, (word) => `${word.slice(0, 60)}…`);
}
