import type { Hono } from 'hono';
import { stringify } from 'yaml';
import { findCalculator } from '../calculators/registry.js';
import { InputError } from '../errors.js';
import type { ComparableSeries } from '../report/comparison-chart.js';
import { toCsv } from '../report/csv.js';
import type { RunStore, SavedRun } from '../store/runs.js';
import { quote } from '../text.js';
import type { CalculatorView } from './calculator-view.js';
import { calculatorTables, comparableRuns, type StoredScenario, scenarioTables } from './compare-view.js';
import { HttpError, notFound, readJson } from './http.js';
import { type SaveRunRequest, saveRunSchema } from './requests.js';
import type { ScenarioView } from './scenario-view.js';
import type { Comparison, DeletedRun, RunList } from './wire.js';

/** Computes the view a save request describes (the server never stores a result it did not compute). */
export interface RunComputer {
  scenario(request: Extract<SaveRunRequest, { kind: 'scenario' }>): Promise<ScenarioView>;
  calculator(request: Extract<SaveRunRequest, { kind: 'calculator' }>): Promise<CalculatorView>;
  /** The comparison charts of several runs' series. */
  compare(runs: Array<{ label: string; series: ComparableSeries }>): Promise<Comparison['charts']>;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'run';

function runId(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1) throw new InputError(`run id: expected a whole number, got '${text}'`);
  return id;
}

function savedOrThrow(store: RunStore, text: string): SavedRun {
  const run = store.get(runId(text));
  if (!run) throw notFound(`no saved run ${text}`);
  return run;
}

/** The scenario series and yearly values a saved scenario run keeps. */

export function registerRunRoutes(app: Hono, store: RunStore, compute: RunComputer): void {
  app.get('/api/runs', (c) => c.json({ runs: store.list() } satisfies RunList));

  app.post('/api/runs', async (c) => {
    const request = await readJson(c, saveRunSchema);
    const { name } = request;
    // Names are how runs are found and compared: one run per name.
    const taken = store.list().find((run) => run.name === name);
    if (taken)
      throw new HttpError(
        409,
        `name: a run named ${quote(name, "'")} is saved already (run ${taken.id}); pick another name`,
      );
    if (request.kind === 'scenario') {
      const { charts: _charts, yaml, ...result } = await compute.scenario(request);
      // A scenario written in the explorer reopens from the saved text ("custom").
      const state = { scenario: request.scenario ?? 'custom', ...request.overrides, ...numbers(request) };
      const saved = store.save({ name, kind: 'scenario', subject: result.name, spec: yaml, state, result });
      return c.json(saved, 201);
    }
    const result = await compute.calculator(request);
    const state = { calculator: request.calculator, ...request.inputs, ...numbers(request) };
    const spec = JSON.stringify({ calculator: request.calculator, inputs: request.inputs });
    const saved = store.save({ name, kind: 'calculator', subject: request.calculator, spec, state, result });
    return c.json(saved, 201);
  });

  app.get('/api/runs/:id', (c) => c.json(savedOrThrow(store, c.req.param('id'))));

  app.delete('/api/runs/:id', (c) => {
    const id = runId(c.req.param('id'));
    if (!store.delete(id)) throw notFound(`no saved run ${id}`);
    return c.json({ deleted: id } satisfies DeletedRun);
  });

  app.get('/api/runs/:id/export.:format', (c) => {
    const run = savedOrThrow(store, c.req.param('id'));
    const format = c.req.param('format');
    const file = `${slug(run.name)}.${format}`;
    const attach = (body: string, type: string) =>
      c.body(body, 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${file}"` });
    if (format === 'json') return attach(`${JSON.stringify(exportJson(run), null, 2)}\n`, 'application/json');
    if (format === 'csv') return attach(exportCsv(run), 'text/csv; charset=utf-8');
    if (format === 'yaml')
      return attach(
        run.kind === 'scenario' ? run.spec : stringify(JSON.parse(run.spec)),
        'application/yaml; charset=utf-8',
      );
    throw notFound(`unknown export format '${format}'; expected csv, json or yaml`);
  });

  app.get('/api/compare', async (c) => {
    const listed = c.req.query('runs');
    const ids =
      listed !== undefined
        ? listed.split(',').filter((id) => id.trim() !== '')
        : [c.req.query('a'), c.req.query('b')];
    if (ids.some((id) => id === undefined))
      throw new InputError('compare: give the saved runs as ?runs=1,2,3');
    if (ids.length > MAX_COMPARED)
      throw new InputError(`compare: at most ${MAX_COMPARED} runs side by side, got ${ids.length}`);
    const runs = ids.map((id) => savedOrThrow(store, id as string));
    const kind = comparableRuns(runs);
    const labels = runs.map((r, i) => `${String.fromCharCode(65 + i)}: ${r.name}`);
    const charts =
      kind === 'scenario'
        ? await compute.compare(
            runs.map((r, i) => ({ label: labels[i] as string, series: (r.result as StoredScenario).series })),
          )
        : [];
    const calc = kind === 'calculator' ? findCalculator(runs[0]?.subject ?? '') : undefined;
    const tables =
      kind === 'scenario'
        ? scenarioTables(runs)
        : calculatorTables(
            runs,
            (output) => calc?.outputs.find((o) => o.name === output)?.dimension ?? 'ratio',
          );
    return c.json({
      runs: runs.map((r, i) => ({ id: r.id, name: r.name, subject: r.subject, label: labels[i] as string })),
      charts,
      ...tables,
    } satisfies Comparison);
  });
}

/** Runs side by side, at most: one colour and letter each. */
const MAX_COMPARED = 10;

function numbers(request: {
  samples?: number | undefined;
  seed?: number | undefined;
}): Record<string, string> {
  const out: Record<string, string> = {};
  if (request.samples !== undefined) out.samples = String(request.samples);
  if (request.seed !== undefined) out.seed = String(request.seed);
  return out;
}

function exportJson(run: SavedRun) {
  return {
    name: run.name,
    kind: run.kind,
    subject: run.subject,
    createdAt: run.createdAt,
    state: run.state,
    result: run.result,
  };
}

function exportCsv(run: SavedRun): string {
  if (run.kind === 'scenario') return toCsv((run.result as StoredScenario).records);
  const view = run.result as CalculatorView;
  return toCsv(
    view.outputs.map((o) => ({
      output: o.name,
      label: o.label,
      value: o.value,
      display: o.display,
      p5: o.interval?.p5 ?? '',
      p95: o.interval?.p95 ?? '',
      mean: o.interval?.mean ?? '',
    })),
  );
}
