import type { Catalog } from '../catalog/catalog.js';
import { InputError, withContext } from '../errors.js';
import { quote } from '../text.js';
import type { Distribution } from '../uncertainty/distributions.js';
import { drawRange } from '../uncertainty/parse.js';
import type { UncertainInput } from '../uncertainty/sampler.js';
import { formatPath, parseYamlLocated } from '../yaml/document.js';
import type { ParsedScenario, TimelineInputs } from './inputs.js';

import { capacityCost, resolveScenario } from './resolve.js';
import { scenarioSchema, uncertainNumberInfo } from './schema.js';
import { referenceServing } from './serving.js';

export interface LoadedScenario extends ParsedScenario {
  inputs: TimelineInputs;
}

const DISTRIBUTION_KINDS = new Set([
  'point',
  'normal',
  'lognormal',
  'uniform',
  'triangular',
  'pert',
  'mixture',
]);

function isDistribution(v: unknown): v is Distribution {
  return typeof v === 'object' && v !== null && DISTRIBUTION_KINDS.has((v as { kind?: string }).kind ?? '');
}

/** Every non-point distribution in the parsed file, with its path. */
function uncertainNumbers(value: unknown, path: PropertyKey[] = []): UncertainInput[] {
  if (isDistribution(value)) {
    if (value.kind === 'point') return [];
    const info = uncertainNumberInfo.get(value);
    return [
      {
        name: formatPath(path),
        distribution: value,
        dimension: info?.dimension,
        ...(info ? drawRange(info.dimension, info.range) : {}),
      },
    ];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => uncertainNumbers(v, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => uncertainNumbers(v, [...path, k]));
  }
  return [];
}

/** Validate a scenario file against the schema and the catalog; done once per file. */
export function parseScenario(text: string, file: string, catalog: Catalog): ParsedScenario {
  const { data: s, locate } = parseYamlLocated(text, file, scenarioSchema);
  const at = (path: PropertyKey[]) => `${locate(path)}: ${formatPath(path)}`;
  const model = withContext(at(['assumptions', 'reference_model']), () =>
    catalog.model(s.assumptions.reference_model ?? 'llama-3.3-70b'),
  );
  const accelerators = s.fleet.map((entry, i) =>
    withContext(at(['fleet', i, 'accelerator']), () => catalog.accelerator(entry.accelerator)),
  );
  const constrained = s.sites.length > 0 || s.programs.length > 0 || s.supply !== undefined;
  const open = s.fleet.findIndex((f) => f.target === undefined);
  if (!constrained && open >= 0) {
    throw new InputError(
      `${at(['fleet', open])}: nothing limits how many are bought; give sites (power), programs (capital), supply, or a target`,
    );
  }
  const uncertain = uncertainNumbers(s);
  const names = new Set(uncertain.map((u) => u.name));
  (s.uncertainty?.correlations ?? []).forEach((c, i) => {
    if (c.a === c.b)
      throw new InputError(
        `${at(['uncertainty', 'correlations', i, 'b'])}: cannot correlate ${quote(c.a, "'")} with itself`,
      );
    for (const key of ['a', 'b'] as const) {
      if (!names.has(c[key])) {
        throw new InputError(
          `${at(['uncertainty', 'correlations', i, key])}: ${quote(c[key], "'")} is not an uncertain number of this scenario (known: ${[...names].join(', ') || 'none'})`,
        );
      }
    }
  });
  const precision = s.assumptions.serving_precision ?? 'fp8';
  const notes: string[] = [];
  const tokensPerSecond = accelerators.map((a, i) => {
    const served = withContext(at(['fleet', i, 'accelerator']), () =>
      referenceServing(catalog, model, a, precision),
    );
    if (served.precision !== precision && !notes.some((n) => n.startsWith(`${a.id} `)))
      notes.push(`${a.id} has no ${precision}: ${model.id} is served on it at ${served.precision}`);
    return served.tokensPerSecond;
  });
  const parsed: ParsedScenario = {
    file,
    scenario: s,
    uncertain,
    locate,
    accelerators,
    tokensPerSecond,
    notes,
  };
  if (s.supply?.fabs)
    withContext(at(['supply', 'fabs']), () => {
      for (const a of accelerators) capacityCost(catalog, a);
    });
  return parsed;
}

/** Parse and resolve at the medians: the deterministic run. */
export function loadScenario(text: string, file: string, catalog: Catalog): LoadedScenario {
  const parsed = parseScenario(text, file, catalog);
  return { ...parsed, inputs: resolveScenario(parsed, catalog) };
}
