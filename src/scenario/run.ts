import type { Catalog } from '../catalog/catalog.js';
import { type ClaimVerdict, judgeClaims } from './claims.js';
import type { Constraint } from './constraints.js';
import { FIELDS, MONTH_FIELDS, type MonthState } from './fields.js';
import { checkFiniteRows } from './finite.js';
import type { ParsedScenario } from './inputs.js';
import { type LoadedScenario, parseScenario } from './load.js';
import {
  runScenarioMonteCarlo,
  type ScenarioMonteCarlo,
  type ScenarioMonteCarloOptions,
} from './monte-carlo.js';
import { monthLabel } from './months.js';
import { type YearOutput, type YearRow, yearly } from './outputs.js';
import { type PowerNeeds, powerNeeds } from './power-needs.js';
import { resolveScenario } from './resolve.js';
import { timelineSeries } from './timeline.js';
import { type WorldShare, worldShare } from './world-share.js';

/** A finished scenario run: the monthly series, the yearly table and the claims' verdicts. */
export interface ScenarioRun {
  loaded: LoadedScenario;
  monthly: MonthState[];
  yearly: YearRow[];
  claims: ClaimVerdict[];
  /** A program's share of the world (absent for the world itself, or without a baseline). */
  world?: WorldShare | undefined;
  /** What each site's power request takes of the world's build. */
  powerNeeds: PowerNeeds[];
}

/**
 * The scenario pipeline, named once:
 *   parse YAML → validate (schema, catalog) → resolve to SI inputs → monthly timeline
 *   → yearly table → claims judged against it.
 */
export function runScenario(text: string, file: string, catalog: Catalog): ScenarioRun {
  return runParsedScenario(parseScenario(text, file, catalog), catalog);
}

/** The deterministic run (distributions at their medians) of an already parsed file. */
export function runParsedScenario(parsed: ParsedScenario, catalog: Catalog): ScenarioRun {
  const loaded: LoadedScenario = { ...parsed, inputs: resolveScenario(parsed, catalog) };
  const series = timelineSeries(loaded.inputs);
  const rows = yearly(series);
  checkFiniteRows(parsed.file, rows);
  return {
    loaded,
    monthly: series.toMonthStates(),
    yearly: rows,
    claims: judgeClaims(loaded, rows),
    world: shareOfWorld(parsed, rows, catalog),
    powerNeeds: powerNeeds(parsed, catalog),
  };
}

/** A program's rows against the world baseline; nothing for a world scenario or without a baseline. */
function shareOfWorld(
  parsed: ParsedScenario,
  rows: readonly YearRow[],
  catalog: Catalog,
): WorldShare | undefined {
  if (parsed.scenario.world || !catalog.world) return undefined;
  return worldShare(rows, catalog.world, catalog);
}

/** Every generation id that appears in a run, in fleet order. */
export function generationIds(run: ScenarioRun): string[] {
  return [...new Set(run.loaded.inputs.generations.map((g) => g.id))];
}

/**
 * How a run's fleet is split for reading: by vendor for a world (its lines), by generation
 * otherwise. Each group names the generation ids it adds up.
 */
export function fleetGroups(run: ScenarioRun): Array<{ name: string; ids: string[] }> {
  const world = run.loaded.scenario.world;
  if (!world) return generationIds(run).map((id) => ({ name: id, ids: [id] }));
  const gens = run.loaded.inputs.generations;
  return world.lines.map((line, l) => ({
    name: line.vendor,
    ids: [...new Set(gens.filter((g) => g.line === l).map((g) => g.id))],
  }));
}

/** A year's installed fleet by group (fleetGroups). */
export function fleetByGroup(row: YearRow, groups: ReturnType<typeof fleetGroups>): Record<string, number> {
  return Object.fromEntries(
    groups.map((g) => [g.name, g.ids.reduce((sum, id) => sum + (row.by_generation[id] ?? 0), 0)]),
  );
}

/** The monthly series as plain records with SI units in the names, for CSV and JSON (columns from fields.ts). */
export function monthlyRecords(run: ScenarioRun): Array<Record<string, string | number>> {
  const gens = generationIds(run);
  return run.monthly.map((m) => {
    const record: Record<string, string | number> = { month: monthLabel(m.month) };
    for (const field of FIELDS) {
      record[MONTH_FIELDS[field].column] = m[field];
      // Counts by generation follow the total they split.
      if (field === 'accelerators')
        for (const g of gens) record[`accelerators_${g}`] = m.byGeneration[g] ?? 0;
    }
    record.binding = m.binding;
    return record;
  });
}

/** A Monte Carlo scenario run: quantiles per year and month, and claims judged against them. */
export interface ScenarioUncertainRun {
  parsed: ParsedScenario;
  mc: ScenarioMonteCarlo;
  /** Each year's medians, and the constraint that bound most often across samples. */
  medianRows: YearRow[];
  claims: ClaimVerdict[];
  /** The medians' share of the world. */
  world?: WorldShare | undefined;
  /** The deterministic run at the medians: what the fleet is made of, by group. */
  atMedians: ScenarioRun;
}

export function runScenarioUncertain(
  text: string,
  file: string,
  catalog: Catalog,
  options: ScenarioMonteCarloOptions,
): ScenarioUncertainRun {
  return runParsedScenarioUncertain(parseScenario(text, file, catalog), catalog, options);
}

export function runParsedScenarioUncertain(
  parsed: ParsedScenario,
  catalog: Catalog,
  options: ScenarioMonteCarloOptions,
): ScenarioUncertainRun {
  return judgeUncertainRun(
    parsed,
    runScenarioMonteCarlo(parsed, catalog, withIntervalQuantiles(options)),
    catalog,
  );
}

/** The 90% interval is always computed, whatever quantiles the user asked to see. */
export function withIntervalQuantiles<O extends { quantiles: readonly number[] }>(options: O): O {
  return {
    ...options,
    quantiles: [...new Set([...options.quantiles, 0.05, 0.5, 0.95])].sort((a, b) => a - b),
  };
}

/** Claims judged against a finished Monte Carlo run: its medians, and its 90% intervals. */
export function judgeUncertainRun(
  parsed: ParsedScenario,
  mc: ScenarioMonteCarlo,
  catalog: Catalog,
): ScenarioUncertainRun {
  const medianRows: YearRow[] = mc.yearly.map((y) => {
    const row = Object.fromEntries(Object.entries(y.outputs).map(([k, s]) => [k, s.quantiles.p50 ?? 0]));
    const binding = (Object.entries(y.binding) as Array<[Constraint, number]>).reduce((a, b) =>
      b[1] > a[1] ? b : a,
    )[0];
    return { year: y.year, by_generation: {}, binding, ...row } as YearRow;
  });
  const interval = (year: number, output: YearOutput): [number, number] => {
    const q = mc.yearly.find((y) => y.year === year)?.outputs[output]?.quantiles;
    return [q?.p5 ?? 0, q?.p95 ?? 0];
  };
  return {
    parsed,
    mc,
    medianRows,
    claims: judgeClaims(parsed, medianRows, interval),
    world: shareOfWorld(parsed, medianRows, catalog),
    atMedians: runParsedScenario(parsed, catalog),
  };
}

/** The monthly quantiles as records: one column per series and quantile. */
export function monthlyQuantileRecords(run: ScenarioUncertainRun): Array<Record<string, string | number>> {
  return run.mc.monthly.map((m) => {
    const record: Record<string, string | number> = { month: monthLabel(m.month) };
    for (const [series, summary] of Object.entries(m.series)) {
      for (const [key, value] of Object.entries(summary.quantiles)) record[`${series}_${key}`] = value;
      record[`${series}_mean`] = summary.mean;
    }
    return record;
  });
}
