import { withDefaultRanges } from '../calculators/default-ranges.js';
import { runMonteCarlo, sensitivity } from '../calculators/monte-carlo.js';
import type { Calculator } from '../calculators/types.js';
import type { Catalog } from '../catalog/catalog.js';
import { InputError, unknownId } from '../errors.js';
import { histogramSvg } from '../report/histogram.js';
import { tornadoSvg } from '../report/tornado.js';
import { formatQuantity } from '../units/format.js';

/**
 * One output of an uncertain calculator run, taken apart: which uncertain inputs move it
 * most (a tornado, each input from its p5 to its p95) and how it is spread (a histogram
 * from its quantiles, p5, p50 and p95 marked).
 */

export interface SensitivityRequest {
  inputs: Record<string, string>;
  output: string;
  samples: number;
  seed: number;
  deadline: number;
}

export interface SensitivityView {
  output: string;
  label: string;
  /** The output at every input's median. */
  base: string;
  rows: Array<{ input: string; low: string; high: string; swing: string }>;
  tornado: string;
  histogram: string;
}

/** Quantiles a histogram is drawn from: every 5% (coarse enough that the sketch's steps do not show), p1 and p99. */
const HISTOGRAM_QUANTILES = [
  0.01,
  ...Array.from({ length: 19 }, (_, i) => Number(((i + 1) * 0.05).toFixed(2))),
  0.99,
];

export function sensitivityView(
  calc: Calculator,
  request: SensitivityRequest,
  catalog: Catalog,
): SensitivityView {
  const spec = calc.outputs.find((o) => o.name === request.output);
  if (!spec)
    throw new InputError(
      `output: ${unknownId(
        `${calc.name} output`,
        request.output,
        calc.outputs.map((o) => o.name),
      )}`,
    );
  const label = (n: string) => n.replaceAll('_', ' ');
  const filled = Object.fromEntries(Object.entries(request.inputs).filter(([, v]) => v.trim() !== ''));
  const raw = withDefaultRanges(calc, filled, catalog, label);
  const show = (v: number) => formatQuantity(v, spec.dimension);
  const tornado = sensitivity(calc, raw, catalog, spec.name, label);
  const mc = runMonteCarlo(calc, raw, catalog, {
    samples: request.samples,
    seed: request.seed,
    quantiles: HISTOGRAM_QUANTILES,
    outputs: [spec.name],
    label,
    deadline: request.deadline,
  });
  const quantiles = mc.outputs[spec.name]?.quantiles ?? {};
  const points = HISTOGRAM_QUANTILES.flatMap((q) => {
    const value = quantiles[`p${Number((q * 100).toPrecision(6))}`];
    return value === undefined ? [] : [{ q, value }];
  });
  return {
    output: spec.name,
    label: spec.label,
    base: show(tornado.base),
    rows: tornado.rows.map((r) => ({
      input: r.input,
      low: show(r.low),
      high: show(r.high),
      swing: show(r.swing),
    })),
    tornado: tornadoSvg(`Sensitivity of ${spec.label}`, tornado.base, tornado.rows, 1, '', show),
    histogram: histogramSvg(
      `${spec.label}: ${mc.samples.toLocaleString('en-US')} samples`,
      points,
      spec.dimension,
    ),
  };
}
