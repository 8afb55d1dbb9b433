import type { Catalog } from '../catalog/catalog.js';
import { type LoadedScenario, loadScenario } from './load.js';
import { monthLabel } from './schema.js';
import { type ClaimVerdict, judgeClaims, type YearRow, yearly } from './summary.js';
import { type MonthState, runTimeline } from './timeline.js';

/** A finished scenario run: the monthly series, the yearly table and the claims' verdicts. */
export interface ScenarioRun {
  loaded: LoadedScenario;
  monthly: MonthState[];
  yearly: YearRow[];
  claims: ClaimVerdict[];
}

/**
 * The scenario pipeline, named once:
 *   parse YAML → validate (schema, catalog) → resolve to SI inputs → monthly timeline
 *   → yearly table → claims judged against it.
 */
export function runScenario(text: string, file: string, catalog: Catalog): ScenarioRun {
  const loaded = loadScenario(text, file, catalog);
  const monthly = runTimeline(loaded.inputs);
  const rows = yearly(monthly);
  return { loaded, monthly, yearly: rows, claims: judgeClaims(loaded, rows) };
}

/** Every generation id that appears in a run, in fleet order. */
export function generationIds(run: ScenarioRun): string[] {
  return [...new Set(run.loaded.inputs.generations.map((g) => g.id))];
}

/** The monthly series as plain records with SI units in the names, for CSV and JSON. */
export function monthlyRecords(run: ScenarioRun): Array<Record<string, string | number>> {
  const gens = generationIds(run);
  return run.monthly.map((m) => {
    const record: Record<string, string | number> = {
      month: monthLabel(m.month),
      power_available_w: m.powerAvailable,
      power_used_w: m.powerUsed,
      installs: m.installs,
      accelerators: m.accelerators,
    };
    for (const g of gens) record[`accelerators_${g}`] = m.byGeneration[g] ?? 0;
    Object.assign(record, {
      peak_flops_bf16: m.peakBf16,
      peak_flops_fp8: m.peakFp8,
      cumulative_capex_usd: m.cumulativeCapex,
      capital_available_usd: m.capitalAvailable,
      energy_j: m.energy,
      opex_usd: m.opex,
      tokens_per_year: m.tokensPerYear,
      revenue_needed_usd_per_year: m.revenueNeeded,
      largest_training_run_flop: m.largestTrainingRun,
      binding: m.binding,
    });
    return record;
  });
}
