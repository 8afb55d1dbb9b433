import { isMap, parseDocument } from 'yaml';
import { InputError, unknownId, withContext } from '../errors.js';
import { parseDistribution, rangeEnds } from '../uncertainty/parse.js';
import { CONTROL_SPECS, type ControlSpec } from './assumption-units.js';

/**
 * Edits to a scenario's assumptions, as the explorer's sliders and text boxes and
 * `gigawatt run --set key=value` make them: checked against the assumption they set, then
 * written into the scenario's text, its comments and layout kept.
 */

/**
 * Apply the edits to the scenario's text, keeping its comments and layout, and read back
 * what each assumption is now written as (numbers and distributions as text).
 */
export function applyOverrides(
  text: string,
  overrides: Record<string, string>,
): { text: string; written: Record<string, string> } {
  const keys = CONTROL_SPECS.map((c) => c.key);
  const edits: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(overrides)) {
    const spec = CONTROL_SPECS.find((c) => c.key === key);
    if (!spec) throw new InputError(unknownId('scenario assumption', key, keys));
    if (typeof value !== 'string' || value.trim() === '')
      throw new InputError(`${spec.label}: expected a value such as "1.3" or "1.1 to 1.4"`);
    // Checked here, so a mistake names the control the user typed in, not a line of YAML.
    const written = inControlUnit(spec, value.trim());
    withContext(spec.label, () => parseDistribution(written, spec.dimension));
    edits.push([key, written]);
  }
  const doc = parseDocument(text);
  // Text that is not a YAML mapping cannot take edits; parsing it then names the mistake by line:col.
  if (doc.errors.length > 0 || !(doc.contents === null || isMap(doc.contents))) return { text, written: {} };
  for (const [key, value] of edits) doc.setIn(['assumptions', key], value);
  const written: Record<string, string> = {};
  for (const key of keys) {
    const value = doc.getIn(['assumptions', key]);
    if (value !== undefined && value !== null) written[key] = String(value);
  }
  return { text: Object.keys(overrides).length > 0 ? doc.toString() : text, written };
}

/**
 * A bare number typed in a control is in the unit the control shows ("5" for a lifetime in
 * years, "0.1" for a price in $/kWh), as are both ends of a bare range ("4-6"); anything
 * with a unit, and shares and ratios, read as on the CLI.
 */
function inControlUnit(spec: ControlSpec, text: string): string {
  if (spec.dimension === 'fraction' || spec.dimension === 'ratio') return text;
  const inUnit = (n: string) => `${spec.prefix}${n.trim()}${spec.suffix}`;
  const bare = (n: string) => /^\s*\d[\d,]*(\.\d+)?([eE][+-]?\d+)?\s*$/.test(n);
  if (bare(text)) return inUnit(text);
  const ends = rangeEnds(text);
  if (ends && bare(ends[0]) && bare(ends[1])) return `${inUnit(ends[0])} to ${inUnit(ends[1])}`;
  return text;
}
