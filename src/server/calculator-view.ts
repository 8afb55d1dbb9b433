import { withDefaultRanges } from '../calculators/default-ranges.js';
import { type MonteCarloResult, splitInputs } from '../calculators/monte-carlo.js';
import { CALCULATORS } from '../calculators/registry.js';
import { runCalculator } from '../calculators/run.js';
import type { Calculator, CalculatorResult, InputSpec } from '../calculators/types.js';
import type { Catalog } from '../catalog/catalog.js';
import { runMonteCarloPool } from '../io/monte-carlo-pool.js';
import { bindingSentence } from '../report/monte-carlo-report.js';
import { BASE_UNIT } from '../units/dimensions.js';
import { formatQuantity } from '../units/format.js';
import { type CalculatorView, plainCalculatorView } from './calculator-view-plain.js';

export type { CalculatorView, OutputRow } from './calculator-view-plain.js';

/** A form field, generated from the calculator's input schema. */
export interface Field {
  name: string;
  kind: 'quantity' | 'choice';
  description: string;
  /** For quantities: the dimension, and what applies when the field is left empty. */
  dimension?: string;
  unit?: string;
  placeholder: string;
  /** For choices (catalog ids among them): the options and the default. */
  choices?: Array<{ value: string; label: string }>;
  default?: string;
}

export interface CalculatorInfo {
  name: string;
  title: string;
  description: string;
  fields: Field[];
  outputs: Array<{ name: string; label: string; dimension: string; description: string }>;
  /** Groups of inputs of which at most one may be given. */
  exclusive: string[][];
  /** Inputs the form starts with when the link gives none. */
  example: Record<string, string>;
}

function fieldOf(spec: InputSpec, catalog: Catalog): Field {
  if (spec.type === 'quantity') {
    const assumption = spec.assumption ? catalog.assumptions[spec.assumption] : undefined;
    return {
      name: spec.name,
      kind: 'quantity',
      description: spec.description,
      dimension: spec.dimension,
      unit: BASE_UNIT[spec.dimension],
      placeholder: assumption
        ? `default ${formatQuantity(assumption.value, spec.dimension)}`
        : (spec.defaultText ?? 'optional'),
    };
  }
  const options =
    spec.type === 'choice'
      ? spec.choices.map((c) => ({ value: c, label: c }))
      : (spec.type === 'accelerator'
          ? catalog.accelerators
          : spec.type === 'model'
            ? catalog.models
            : spec.type === 'device'
              ? catalog.devices
              : catalog.power.powerSources
        ).map((item) => ({ value: item.id, label: `${item.id} (${item.name})` }));
  return {
    name: spec.name,
    kind: 'choice',
    description: spec.description,
    placeholder: spec.defaultText ?? '',
    choices: options,
    default: spec.default,
  };
}

export function calculatorInfo(calc: Calculator, catalog: Catalog): CalculatorInfo {
  return {
    name: calc.name,
    title: calc.title,
    description: calc.description,
    fields: calc.inputs.map((spec) => fieldOf(spec, catalog)),
    outputs: calc.outputs.map((o) => ({
      name: o.name,
      label: o.label,
      dimension: o.dimension,
      description: o.description,
    })),
    exclusive: (calc.exclusive ?? []).map((group) => [...group]),
    example: { ...calc.example },
  };
}

export const calculatorList = (catalog: Catalog) => CALCULATORS.map((c) => calculatorInfo(c, catalog));

/**
 * A calculator run as the server does it: the form's inputs (from a `CalculatorRequest`
 * body, requests.ts) with the samples settled and where and until when Monte Carlo may run.
 */
export interface CalculatorRunOptions {
  inputs: Record<string, string>;
  /** Monte Carlo samples; used when an input is a distribution. */
  samples: number;
  seed: number;
  workers: number;
  deadline: number;
}

/** The form's fields that hold something: an empty field means "use the default". */
const filledIn = (inputs: Record<string, string>) =>
  Object.fromEntries(Object.entries(inputs).filter(([, v]) => String(v).trim() !== ''));

/** Does the form write any input as a distribution, making the run a Monte Carlo one? */
export function isMonteCarlo(calc: Calculator, inputs: Record<string, string>, catalog: Catalog): boolean {
  const drawn = withDefaultRanges(calc, filledIn(inputs), catalog, (n) => n);
  return splitInputs(calc, drawn, (n) => n).uncertain.length > 0;
}

/** Run a calculator as the form asks: deterministic, or Monte Carlo when an input is a distribution. */
export async function calculatorView(
  calc: Calculator,
  request: CalculatorRunOptions,
  catalog: Catalog,
): Promise<CalculatorView> {
  // A calculator uncertain by default draws every input left out from its sourced range.
  const inputs = withDefaultRanges(calc, filledIn(request.inputs), catalog, (n) => n);
  const uncertain = splitInputs(calc, inputs, (n) => n).uncertain.length > 0;
  if (!uncertain) return plainCalculatorView(calc, inputs, catalog);
  const mc = await runMonteCarloPool(calc, inputs, catalog, {
    samples: request.samples,
    seed: request.seed,
    quantiles: [0.05, 0.5, 0.95],
    workers: request.workers,
    deadline: request.deadline,
  });
  return {
    calculator: calc.name,
    title: calc.title,
    uncertain,
    samples: request.samples,
    outputs: calc.outputs
      // Indicator outputs are summed up in the binding note, not shown as 0s and 1s.
      .filter((o) => mc.outputs[o.name] && !calc.binding?.some((b) => b.output === o.name))
      .map((o) => {
        const s = mc.outputs[o.name] as { mean: number; quantiles: Record<string, number> };
        const f = (v: number | undefined) => formatQuantity(v ?? 0, o.dimension);
        return {
          name: o.name,
          label: o.label,
          value: s.quantiles.p50 ?? 0,
          display: f(s.quantiles.p50),
          interval: {
            p5: f(s.quantiles.p5),
            p50: f(s.quantiles.p50),
            p95: f(s.quantiles.p95),
            mean: f(s.mean),
          },
        };
      }),
    inputs: monteCarloInputs(calc, filledIn(request.inputs), mc, catalog),
    notes: [
      ...(mc.binding ? [bindingSentence(mc.binding)] : []),
      ...(mc.rejected > 0 ? [`${mc.rejected} samples were impossible and left out`] : []),
    ],
  };
}

/**
 * Every input of a Monte Carlo run with where it comes from, as a plain run lists them:
 * the run at the drawn inputs' medians gives the rest their values and sources, and each
 * drawn input shows its range, "given" when the form gave it and "default" when it is the
 * sourced range of a default.
 */
function monteCarloInputs(
  calc: Calculator,
  given: Record<string, string>,
  mc: MonteCarloResult,
  catalog: Catalog,
): CalculatorView['inputs'] {
  // The form's own ranges at their medians; inputs drawn by default are left to their defaults.
  const medians = Object.fromEntries(
    mc.uncertain.filter((u) => given[u.name] !== undefined).map((u) => [u.name, u.quantiles.p50 ?? 0]),
  );
  const drawn = new Map(mc.uncertain.map((u) => [u.name, u.written]));
  let resolved: CalculatorResult['inputs'] = {};
  try {
    resolved = runCalculator(calc, { ...given, ...medians }, catalog).inputs;
  } catch {
    // The medians alone may be impossible (rare): the drawn inputs are still listed.
  }
  const rows: CalculatorView['inputs'] = [];
  for (const spec of calc.inputs) {
    const range = drawn.get(spec.name);
    const r = resolved[spec.name];
    if (range !== undefined) {
      const fromUser = given[spec.name] !== undefined;
      rows.push({
        name: spec.name,
        display: range,
        origin: fromUser ? 'given' : 'default',
        via: fromUser ? undefined : r?.via,
      });
    } else if (r) rows.push({ name: spec.name, display: r.display, origin: r.origin, via: r.via });
  }
  return rows;
}
