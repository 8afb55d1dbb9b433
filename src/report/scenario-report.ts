import { REFERENCE_COUNT } from '../model/training-scale.js';
import type { ClaimVerdict } from '../scenario/claims.js';
import { monthLabel } from '../scenario/months.js';
import { OUTPUTS, YEAR_OUTPUTS, type YearOutput, type YearRow } from '../scenario/outputs.js';
import { fleetByGroup, fleetGroups, type ScenarioRun, type ScenarioUncertainRun } from '../scenario/run.js';
import type { WorldShare } from '../scenario/world-share.js';
import { grouped } from '../text.js';
import { formatQuantity } from '../units/format.js';
import { asShown, displayPrecision } from './display-precision.js';
import { renderTable } from './table.js';
import { worldShareTable } from './world-share-table.js';

const fmt = (row: YearRow, key: YearOutput) =>
  formatQuantity(row[key] as number, YEAR_OUTPUTS[key].dimension);

function generationCell(row: YearRow, groups: ReturnType<typeof fleetGroups>): string {
  const counts = fleetByGroup(row, groups);
  return groups
    .filter((g) => (counts[g.name] ?? 0) > 0)
    .map((g) => `${g.name} ${formatQuantity(counts[g.name] ?? 0, 'count')}`)
    .join(', ');
}

function claimsTable(claims: readonly ClaimVerdict[], modelHeader: string): string {
  return renderTable(
    [
      { header: 'Year' },
      { header: 'Claim', maxWidth: 55 },
      { header: 'Claimed', align: 'right' },
      { header: modelHeader, align: 'right' },
      { header: 'Verdict' },
    ],
    claims.map((c) => [String(c.year), c.text, c.claimed, c.model, c.verdict]),
    '  ',
  );
}

/** A program's share of the world's yearly build-out, and its warnings (nothing without a baseline). */
function worldShareLines(world: WorldShare | undefined): string[] {
  if (!world) return [];
  const table = worldShareTable(world);
  return [
    '',
    'Share of the world',
    renderTable(
      table.header.map((header, i) => (i === 0 ? { header } : { header, align: 'right' as const })),
      table.rows,
      '  ',
    ),
    `  ${table.caption}`,
    ...world.warnings.map((w) => `  Warning: ${w}.`),
  ];
}

/** Power requested and delivered year by year, and what the request takes of the world's build. */
function powerLines(run: ScenarioRun): string[] {
  if (run.powerNeeds.length === 0) return [];
  const right = { align: 'right' as const };
  const delivered = renderTable(
    [
      { header: 'Year' },
      { header: 'Requested', ...right },
      { header: 'Delivered', ...right },
      { header: 'Added in year', ...right },
      { header: 'Binds' },
    ],
    run.yearly.map((r) => [
      String(r.year),
      fmt(r, 'facility_power_requested'),
      fmt(r, 'facility_power_available'),
      fmt(r, 'power_added'),
      r.binding,
    ]),
    '  ',
  );
  const first = run.yearly.find((r) => r.binding !== 'none');
  const lines = ['', 'Power brought online', delivered];
  if (first) lines.push(`  What binds first: ${first.binding}, in ${first.year}.`);
  const power = (v: number) => formatQuantity(v, 'power');
  const pct = (v: number | undefined) => (v === undefined ? '–' : formatQuantity(v, 'fraction'));
  for (const need of run.powerNeeds) {
    lines.push(
      `  What it would take: ${need.site} asks for ${power(need.pace)} a year at its steepest (from ${monthLabel(need.from)}); each source's part of that pace against the world's yearly build of it:`,
      renderTable(
        [
          { header: 'Source' },
          { header: 'Mix', ...right },
          { header: 'Firm/yr', ...right },
          { header: 'Equipment/yr', ...right },
          { header: 'World builds/yr', ...right },
          { header: 'Share needed', ...right },
          { header: 'Share available', ...right },
        ],
        need.sources.map((s) => [
          s.source,
          pct(s.mix),
          power(s.firmPerYear),
          power(s.nameplatePerYear),
          s.worldBuild === undefined ? '–' : power(s.worldBuild),
          pct(s.shareNeeded),
          pct(s.shareAvailable),
        ]),
        '  ',
      ),
    );
    const short = need.sources.filter((s) => (s.shareNeeded ?? 0) > s.shareAvailable);
    if (short.length > 0)
      lines.push(
        `  At today's build the request needs more than the site can get of ${short.map((s) => s.source).join(', ')}: a larger share, faster factory and grid growth, or a mix leaning on the other sources.`,
      );
  }
  return lines;
}

/** The terminal report of a scenario: what it is, two yearly tables, and the claims' verdicts. */
export function renderScenarioReport(run: ScenarioRun): string {
  const s = run.loaded.scenario;
  const groups = fleetGroups(run);
  const right = { align: 'right' as const };
  const buildOut = renderTable(
    [
      { header: 'Year' },
      { header: 'Power avail.', ...right },
      { header: 'Power used', ...right },
      { header: 'Accelerators', ...right },
      { header: 'Added', ...right },
      { header: 'H100e', ...right },
      { header: 'H100e added', ...right },
      { header: s.world ? 'By vendor' : 'By generation' },
      { header: 'Binds' },
    ],
    run.yearly.map((r) => [
      String(r.year),
      fmt(r, 'facility_power_available'),
      fmt(r, 'facility_power'),
      fmt(r, 'accelerators'),
      fmt(r, 'accelerators_added'),
      fmt(r, 'h100e'),
      fmt(r, 'h100e_added'),
      generationCell(r, groups),
      r.binding,
    ]),
    '  ',
  );
  const money = renderTable(
    [
      { header: 'Year' },
      { header: 'Capex/yr', ...right },
      { header: 'Capex (cum.)', ...right },
      { header: 'Opex/yr', ...right },
      { header: 'Energy/yr', ...right },
      { header: 'BF16 peak', ...right },
      { header: 'Largest run', ...right },
      { header: 'Tokens/yr', ...right },
      { header: 'Revenue needed/yr', ...right },
    ],
    run.yearly.map((r) => [
      String(r.year),
      fmt(r, 'capex'),
      fmt(r, 'cumulative_capex'),
      fmt(r, 'annual_opex'),
      fmt(r, 'energy'),
      fmt(r, 'peak_flops_bf16'),
      fmt(r, 'largest_training_run'),
      fmt(r, 'tokens_per_year').replace(' tokens', ''),
      fmt(r, 'revenue_needed'),
    ]),
    '  ',
  );
  const a = run.loaded.inputs.assumptions;
  const model = s.assumptions.reference_model ?? 'llama-3.3-70b';
  const parts = [`${s.name}`, ...(s.description ? [s.description] : []), ''];
  if (s.claim) parts.push(`Claim: ${s.claim}`, '');
  parts.push(
    'Build-out (end of year)',
    buildOut,
    ...powerLines(run),
    '',
    'Money, energy and output',
    money,
    '',
  );
  parts.push(
    `  Largest run: the largest site's fleet for ${formatQuantity(a.trainingRun, 'time')}, at ${formatQuantity(a.mfu, 'fraction')} MFU up to ${grouped(REFERENCE_COUNT)} accelerators and less beyond, ${Number.isNaN(a.goodput) ? 'goodput after interruptions at its size' : `${formatQuantity(a.goodput, 'fraction')} goodput`}; \`calc frontier-run\` bounds the world's.`,
    `  Tokens: ${model} served at ${formatQuantity(a.servingUtilization, 'fraction')} utilization. Revenue needed: capex repaid at ${formatQuantity(a.costOfCapital, 'fraction')} plus opex.`,
    '  Binds: which of power, capital, supply (or the plan) limited purchases most months of the year.',
    ...run.loaded.notes.map((note) => `  Note: ${note}.`),
  );
  parts.push(...worldShareLines(run.world));
  if (run.claims.length > 0) parts.push('', 'Claims', claimsTable(run.claims, 'Model'));
  return `${parts.join('\n')}\n`;
}

/** Several runs side by side: the last year of each, or one year they all run. */
export function renderComparison(runs: readonly ScenarioRun[], year?: number): string {
  const keys = OUTPUTS;
  const lasts = runs.map(
    (r) => (year === undefined ? r.yearly.at(-1) : r.yearly.find((y) => y.year === year)) as YearRow,
  );
  // A row shows its values to the display precision of the largest of them: float noise reads as 0.
  const shown = (k: YearOutput) => {
    const p = displayPrecision(lasts.map((r) => r[k]));
    return lasts.map((r) => formatQuantity(asShown(r[k], p), YEAR_OUTPUTS[k].dimension));
  };
  const rows = [
    [year === undefined ? 'Last year' : 'Year', ...lasts.map((r) => String(r.year))],
    ...keys.map((k) => [YEAR_OUTPUTS[k].label, ...shown(k)]),
    [year === undefined ? 'Binds (last year)' : 'Binds', ...lasts.map((r) => r.binding)],
    [
      'Claims consistent',
      ...runs.map((r) => `${r.claims.filter((c) => c.holds).length} of ${r.claims.length}`),
    ],
  ];
  return `${renderTable(
    [
      { header: '' },
      ...runs.map((r) => ({
        header: r.loaded.file.replace(/^.*\//, '').replace(/\.ya?ml$/, ''),
        align: 'right' as const,
      })),
    ],
    rows,
    '  ',
  )}\n`;
}

const UNCERTAIN_BUILD: Array<YearOutput> = ['facility_power', 'accelerators', 'accelerators_added'];
const UNCERTAIN_COMPUTE: Array<YearOutput> = ['h100e', 'h100e_added', 'largest_training_run'];
const UNCERTAIN_MONEY: Array<YearOutput> = ['capex', 'cumulative_capex', 'energy', 'revenue_needed'];

/** The installed fleet by vendor (a world) or generation, each year of the run at the medians. */
function fleetTable(run: ScenarioRun): string {
  const groups = fleetGroups(run);
  return renderTable(
    [{ header: 'Year' }, ...groups.map((g) => ({ header: g.name, align: 'right' as const }))],
    run.yearly.map((row) => {
      const counts = fleetByGroup(row, groups);
      return [String(row.year), ...groups.map((g) => formatQuantity(counts[g.name] ?? 0, 'count'))];
    }),
    '  ',
  );
}

/** A scenario run under uncertainty: each year's median with its 90% interval, and what binds how often. */
export function renderScenarioUncertainReport(run: ScenarioUncertainRun): string {
  const s = run.parsed.scenario;
  const cell = (year: ScenarioUncertainRun['mc']['yearly'][number], key: YearOutput) => {
    const q = year.outputs[key]?.quantiles ?? {};
    const show = (v: number | undefined) => formatQuantity(v ?? 0, YEAR_OUTPUTS[key].dimension);
    // A year no uncertain number reaches (a history) is one figure, not an interval.
    if ((q.p95 ?? 0) <= (q.p5 ?? 0) * (1 + 1e-9)) return show(q.p50);
    return `${show(q.p50)} (${show(q.p5)} to ${show(q.p95)})`;
  };
  const binds = (b: Record<string, number>) =>
    Object.entries(b)
      .filter(([, share]) => share > 0)
      .sort((x, y) => y[1] - x[1])
      .map(([name, share]) => `${name} ${share < 0.005 ? '<1' : Math.round(share * 100)}%`)
      .join(', ');
  const yearTable = (keys: Array<YearOutput>, withBinds: boolean) =>
    renderTable(
      [
        { header: 'Year' },
        ...keys.map((k) => ({ header: YEAR_OUTPUTS[k].label, align: 'right' as const })),
        ...(withBinds ? [{ header: 'Binds (share of runs)' }] : []),
      ],
      run.mc.yearly.map((y) => [
        String(y.year),
        ...keys.map((k) => cell(y, k)),
        ...(withBinds ? [binds(y.binding)] : []),
      ]),
      '  ',
    );
  const show = (u: ScenarioUncertainRun['mc']['uncertain'][number], key: string) =>
    u.dimension ? formatQuantity(u.quantiles[key] ?? 0, u.dimension) : significantOf(u.quantiles[key] ?? 0);
  const inputs = renderTable(
    [
      { header: 'Uncertain number' },
      { header: 'p5', align: 'right' },
      { header: 'p50', align: 'right' },
      { header: 'p95', align: 'right' },
    ],
    run.mc.uncertain.map((u) => [u.name, show(u, 'p5'), show(u, 'p50'), show(u, 'p95')]),
    '  ',
  );
  const parts = [
    `${s.name} (Monte Carlo: ${formatQuantity(run.mc.samples, 'count')} samples, seed ${run.mc.seed})`,
    ...(s.claim ? ['', `Claim: ${s.claim}`] : []),
    '',
    'Build-out, end of year: median (5th to 95th percentile)',
    yearTable(UNCERTAIN_BUILD, true),
    '',
    'Compute',
    yearTable(UNCERTAIN_COMPUTE, false),
    '',
    'Money and energy',
    yearTable(UNCERTAIN_MONEY, false),
    '',
    `Accelerators installed by ${s.world ? 'vendor' : 'generation'}, at the medians`,
    fleetTable(run.atMedians),
    '',
    inputs,
  ];
  parts.push(...worldShareLines(run.world));
  if (run.claims.length > 0) parts.push('', 'Claims', claimsTable(run.claims, 'Model (90%)'));
  return `${parts.join('\n')}\n`;
}

/** Uncertain numbers are in SI base units; three significant digits keep them readable. */
function significantOf(v: number): string {
  return Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0)
    ? v.toExponential(2)
    : String(Number(v.toPrecision(3)));
}
