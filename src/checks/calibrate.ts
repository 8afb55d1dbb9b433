import { parseInputs } from '../calculators/inputs.js';
import { runMonteCarlo } from '../calculators/monte-carlo.js';
import { findCalculator } from '../calculators/registry.js';
import type { Calculator } from '../calculators/types.js';
import type { Catalog } from '../catalog/catalog.js';
import { formatQuantity } from '../units/format.js';
import { parseQuantity } from '../units/parse.js';
import { parseYamlLocated } from '../yaml/document.js';
import { type Check, checkFileSchema } from './schema.js';

const SAMPLES = 2000;
const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];

export interface CalibrationRow {
  id: string;
  output: string;
  published: string;
  interval50: string;
  interval90: string;
  /** undefined when the prediction carries no uncertainty (every input exact). */
  inside50?: boolean | undefined;
  inside90?: boolean | undefined;
}

export interface CalibrationResult {
  file: string;
  rows: CalibrationRow[];
  /** Facts with an uncertain prediction. */
  counted: number;
  inside50: number;
  inside90: number;
}

/**
 * The check's inputs, plus the catalog's stated uncertainty (`range` in
 * data/assumptions.yaml) on every default the check leaves to the model.
 */
function withStatedUncertainty(
  calc: Calculator,
  inputs: Record<string, unknown>,
  catalog: Catalog,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...inputs };
  const exact = Object.fromEntries(
    Object.entries(inputs).filter(([name]) => calc.inputs.find((s) => s.name === name)?.type !== 'quantity'),
  );
  const given = parseInputs(calc.inputs, exact, (n) => n);
  for (const spec of calc.inputs) {
    if (spec.type !== 'quantity' || inputs[spec.name] !== undefined) continue;
    const key = spec.assumptionFor?.(given) ?? spec.assumption;
    const range = key ? catalog.assumptions[key].range : undefined;
    if (range) out[spec.name] = range;
  }
  return out;
}

function calibrateCheck(check: Check, catalog: Catalog): CalibrationRow[] {
  // Scenario checks carry their scenario's own uncertainty; calibration covers the calculators' defaults.
  if (check.calculator === undefined) return [];
  const calc = findCalculator(check.calculator);
  const raw = withStatedUncertainty(calc, check.inputs, catalog);
  const mc = runMonteCarlo(calc, raw, catalog, { samples: SAMPLES, seed: 1, quantiles: QUANTILES });
  return check.expect.flatMap((e) => {
    const spec = calc.outputs.find((o) => o.name === e.output);
    const summary = mc.outputs[e.output];
    if (!spec || !summary || e.value === undefined) return [];
    const published = parseQuantity(e.value, spec.dimension);
    const q = summary.quantiles;
    const [p5, p25, p75, p95] = [q.p5, q.p25, q.p75, q.p95] as number[];
    const show = (v: number) => formatQuantity(v, spec.dimension);
    const uncertain = (p95 as number) > (p5 as number) * (1 + 1e-9);
    return [
      {
        id: check.id,
        output: e.output,
        published: show(published),
        interval50: `${show(p25 as number)} to ${show(p75 as number)}`,
        interval90: `${show(p5 as number)} to ${show(p95 as number)}`,
        inside50: uncertain ? published >= (p25 as number) && published <= (p75 as number) : undefined,
        inside90: uncertain ? published >= (p5 as number) && published <= (p95 as number) : undefined,
      },
    ];
  });
}

/**
 * How often published facts fall inside the model's own 50% and 90% intervals when the
 * catalog's stated uncertainty is applied to its defaults. A calibrated model lands near
 * 50% and 90%; far more means the stated ranges are too wide, far fewer too narrow.
 */
export function calibrateCheckFile(text: string, file: string, catalog: Catalog): CalibrationResult {
  const { data } = parseYamlLocated(text, file, checkFileSchema);
  const rows = data.checks.flatMap((check) => calibrateCheck(check, catalog));
  const counted = rows.filter((r) => r.inside90 !== undefined);
  return {
    file,
    rows,
    counted: counted.length,
    inside50: counted.filter((r) => r.inside50).length,
    inside90: counted.filter((r) => r.inside90).length,
  };
}
