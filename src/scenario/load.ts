import type { Catalog } from '../catalog/catalog.js';
import type { Accelerator } from '../catalog/types.js';
import { InputError, withContext } from '../errors.js';
import { quote } from '../text.js';
import { copulaFactor } from '../uncertainty/correlation.js';
import { isDistribution } from '../uncertainty/distributions.js';
import { drawRange } from '../uncertainty/parse.js';
import type { UncertainInput } from '../uncertainty/sampler.js';
import { formatPath, parseYamlLocated } from '../yaml/document.js';
import type { ParsedScenario, TimelineInputs } from './inputs.js';
import { monthIndex } from './months.js';
import { capacityCost, resolveScenario } from './resolve.js';
import type { Scenario } from './schema.js';
import { scenarioSchema, uncertainNumberInfo } from './schema.js';
import { referenceServing } from './serving.js';
import { sharesBySource } from './site-power.js';

export interface LoadedScenario extends ParsedScenario {
  inputs: TimelineInputs;
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
  s.fleet.forEach((entry, i) => {
    const accelerator = accelerators[i] as Accelerator;
    if (entry.line !== undefined && accelerator.vendor !== entry.line)
      throw new InputError(
        `${at(['fleet', i, 'accelerator'])}: ${accelerator.id} is ${accelerator.vendor}'s, not a generation of the ${entry.line} line`,
      );
  });
  const history = s.world ? worldHistory(s, catalog, at) : undefined;
  if (history) accelerators.push(...history.accelerators);
  const powerSources = s.sites.map((site, i) => {
    const power = site.power;
    if (!power) return [];
    const shares = sharesBySource(power);
    for (const key of Object.keys(shares ?? {}))
      withContext(at(['sites', i, 'power', 'share', key]), () => catalog.powerSource(key));
    // The mix's sources; without one, those given a share; without those, every source.
    if (power.mix)
      return Object.keys(power.mix).map((key) =>
        withContext(at(['sites', i, 'power', 'mix', key]), () => catalog.powerSource(key)),
      );
    return shares
      ? Object.keys(shares).map((key) => catalog.powerSource(key))
      : [...catalog.power.powerSources];
  });
  const constrained =
    s.sites.length > 0 || s.programs.length > 0 || s.supply !== undefined || s.world !== undefined;
  const open = s.fleet.findIndex((f) => f.target === undefined);
  if (!constrained && open >= 0) {
    throw new InputError(
      `${at(['fleet', open])}: nothing limits how many are bought; give sites (power), programs (capital), supply, or a target`,
    );
  }
  const uncertain = uncertainNumbers(s);
  const names = new Set(uncertain.map((u) => u.name));
  const correlations = s.uncertainty?.correlations ?? [];
  const pairs = new Map<string, number>();
  correlations.forEach((c, i) => {
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
    const pair = [c.a, c.b].sort().join(' and ');
    const first = pairs.get(pair);
    if (first !== undefined)
      throw new InputError(
        `${at(['uncertainty', 'correlations', i])}: correlates ${pair} again (already at ${at(['uncertainty', 'correlations', first])}); give each pair once`,
      );
    pairs.set(pair, i);
  });
  // Correlations that cannot hold together (a with b and b with c, but not a with c) are
  // refused here, where the file can be named, not when the first sample is drawn.
  if (correlations.length > 0)
    withContext(at(['uncertainty', 'correlations']), () =>
      copulaFactor(
        [...names],
        correlations.map((c) => ({ a: c.a, b: c.b, spearman: c.rho })),
      ),
    );
  const precision = s.assumptions.serving_precision ?? 'fp8';
  const notes: string[] = [];
  const tokensPerSecond = accelerators.map((a, i) => {
    const served = withContext(at(i < s.fleet.length ? ['fleet', i, 'accelerator'] : ['world']), () =>
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
    shipped: history?.shipped ?? [],
    historyYear: history?.year,
    powerSources,
    notes,
  };
  if (s.supply?.share) withContext(at(['supply', 'share']), () => catalog.worldBaseline());
  if (s.supply?.fabs)
    withContext(at(['supply', 'fabs']), () => {
      for (const a of accelerators) capacityCost(catalog, a);
    });
  return parsed;
}

/**
 * A world's history: the shipment rows of data/shipments.yaml from the span's first year to
 * the history's last, each with the line (vendor) that continues it.
 */
function worldHistory(s: Scenario, catalog: Catalog, at: (path: PropertyKey[]) => string) {
  const world = s.world as NonNullable<Scenario['world']>;
  const years = catalog.shipments.years;
  const last = years[years.length - 1]?.year ?? 0;
  const year = world.history ?? last;
  if (!years.some((y) => y.year === year))
    throw new InputError(
      `${at(['world', 'history'])}: data/shipments.yaml has no ${year}; it covers ${years[0]?.year}-${last}`,
    );
  const first = Math.floor(monthIndex(s.span.start) / 12);
  const firstShipped = years[0]?.year ?? first;
  // The projection grows from the fleet the history installed, so the run starts with it.
  if (first > firstShipped)
    throw new InputError(
      `${at(['span', 'start'])}: a world scenario starts by ${firstShipped}-01, where data/shipments.yaml begins: its history is the fleet the projection grows from`,
    );
  const accelerators: Accelerator[] = [];
  const shipped: ParsedScenario['shipped'] = [];
  for (const y of years) {
    if (y.year < first || y.year > year) continue;
    for (const row of y.rows) {
      const accelerator = catalog.accelerator(row.accelerator);
      const line = world.lines.findIndex((l) => l.vendor === accelerator.vendor);
      if (line < 0)
        throw new InputError(
          `${at(['world', 'lines'])}: ${accelerator.vendor} shipped ${accelerator.id} in ${y.year} but has no line to continue it; add {vendor: ${accelerator.vendor}}`,
        );
      accelerators.push(accelerator);
      shipped.push({ year: y.year, units: row.units.value, line });
    }
  }
  return { year, accelerators, shipped };
}

/** Parse and resolve at the medians: the deterministic run. */
export function loadScenario(text: string, file: string, catalog: Catalog): LoadedScenario {
  const parsed = parseScenario(text, file, catalog);
  return { ...parsed, inputs: resolveScenario(parsed, catalog) };
}
