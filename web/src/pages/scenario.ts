import type { Control, SavedRun, ScenarioRequestBody, ScenarioSource, ScenarioView } from '@server/wire';
import { api, latest } from '../api.js';
import { chart, debounce, h, table } from '../dom.js';
import { textInFragment, writeTextToFragment } from '../fragment.js';
import { cancelMonteCarlo, loadPageModel, monteCarloInWorker, pageModelNow, paintTimes } from '../model.js';
import { readState, writeState } from '../url-state.js';
import { saveBar } from './save.js';
import { columnPicker, sensitivityControls, visibleColumns, yearlyTable } from './scenario-tables.js';

/** Keys in the URL that are not assumption edits. */
const SETTINGS = ['samples', 'seed', 'from', 'run', 'cols'];

/** The id under which the explorer's own scenario editor lives. */
const CUSTOM = 'custom';

/**
 * A scenario: yearly table, charts (bands when uncertain), claims; assumptions on sliders.
 * `/scenario/custom` adds an editor for the scenario's YAML, started from a shipped
 * scenario (?from=id) or a saved run (?run=id).
 */
export async function scenarioPage(page: HTMLElement, id: string): Promise<void> {
  const path = location.pathname;
  const state = readState();
  const overrides: Record<string, string> = Object.fromEntries(
    Object.entries(state).filter(([k]) => !SETTINGS.includes(k)),
  );
  const settings = { samples: state.samples ?? '', seed: state.seed ?? '', cols: state.cols ?? '' };
  const origin = { from: state.from ?? '', run: state.run ?? '' };
  // A shipped scenario that does not exist is a 404 before anything is drawn (main.ts says so).
  const shipped =
    id !== CUSTOM ? await api<ScenarioSource>(`/api/scenarios/${encodeURIComponent(id)}`) : undefined;
  // The model loads beside the first run; from then on a plain edit runs in the page.
  void loadPageModel().catch(() => undefined);
  const editor = id === CUSTOM ? await yamlEditor(origin) : undefined;
  const run = latest((body: ScenarioRequestBody) => api<ScenarioView>('/api/scenarios/run', { body }));
  const request = (): ScenarioRequestBody => ({
    ...(editor ? { yaml: editor.value } : { scenario: id }),
    overrides,
    samples: settings.samples ? Number(settings.samples) : undefined,
    seed: settings.seed ? Number(settings.seed) : undefined,
  });

  const title = h('h1', {}, editor ? 'Your scenario' : id);
  const description = h('p', { class: 'muted' });
  const controlsBox = h('div', { class: 'controls', 'data-testid': 'controls' });
  const error = h('div', { class: 'error', role: 'alert', 'data-testid': 'error' });
  const status = h('div', { class: 'status', 'data-testid': 'status' });
  const yearly = h('div', { 'data-testid': 'yearly' });
  const charts = h('div', { class: 'charts', 'data-testid': 'charts' });
  const claims = h('div', { 'data-testid': 'claims' });
  const download = h('a', { download: `${id}.yaml`, href: '#' }, 'Download this scenario as YAML');
  const workbook = h('button', { type: 'button', class: 'link', 'data-testid': 'xlsx' }, 'Excel workbook');
  workbook.addEventListener('click', async () => {
    // The server writes it (exceljs); the page hands it over as a download.
    try {
      const response = await fetch('/api/scenarios/xlsx', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request()),
      });
      if (!response.ok) throw new Error(((await response.json()) as { error?: string }).error ?? 'failed');
      const link = h('a', { href: URL.createObjectURL(await response.blob()), download: `${id}.xlsx` });
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
    }
  });
  const yearlyDownload = h(
    'a',
    { download: `${id}-yearly.csv`, href: '#', 'data-testid': 'yearly-csv' },
    'the yearly table as CSV',
  );

  // Controls are built from the scenario's own assumptions, and again when its text changes them.
  let controlsFrom: string | undefined;
  /** A plain run computed here (its charts drawn after); undefined when the model has not loaded or the run has ranges. */
  const source = () => ({
    text: editor?.value ?? shipped?.text ?? '',
    file: editor ? 'your scenario' : (shipped?.file ?? id),
    overrides,
  });
  const localView = () => {
    const model = pageModelNow();
    if (!model || settings.samples) return undefined;
    return model.plainView(source());
  };
  let ticket = 0;
  let editAt: number | undefined;
  const refresh = async () => {
    const mine = ++ticket;
    writeState({ ...(editor ? origin : {}), ...overrides, ...settings }, path);
    if (editor) void writeTextToFragment(editor.value, path);
    status.textContent = 'running…';
    try {
      const local = localView();
      let view = local?.view;
      const here = local !== undefined;
      if (!view) {
        // Ranges run Monte Carlo in a web worker here, once the model has loaded; else on the server.
        const samples = settings.samples ? Number(settings.samples) : 1000;
        const inWorker = monteCarloInWorker({ ...source(), samples }, (done, total) => {
          if (mine === ticket)
            status.textContent = `Monte Carlo in this page: ${done.toLocaleString()} of ${total.toLocaleString()} samples…`;
        });
        if (inWorker) {
          view = await inWorker;
          if (mine !== ticket) return;
        } else {
          const answer = await run(request());
          if (!answer || mine !== ticket) return;
          view = answer.value;
        }
      } else cancelMonteCarlo();
      error.textContent = '';
      results.classList.remove('stale');
      title.textContent = view.name;
      description.textContent = view.description;
      status.textContent = view.uncertain
        ? `Monte Carlo: ${view.samples.toLocaleString()} samples; cells show the median (p5 to p95)`
        : here
          ? 'deterministic run, computed in this page'
          : 'deterministic run';
      const builtFrom = editor?.value ?? '';
      if (controlsFrom !== builtFrom) {
        controlsBox.replaceChildren();
        buildControls(controlsBox, view.controls, overrides, settings, later);
        controlsFrom = builtFrom;
      }
      shownView = view;
      yearly.replaceChildren(
        columnPicker(settings, view.uncertain, redrawYearly),
        yearlyTable(view, visibleColumns(settings, view.uncertain)),
        ...worldTable(view),
      );
      // Computed here, the charts are drawn once the figures are on screen.
      const drawCharts = (list: ScenarioView['charts']) =>
        charts.replaceChildren(...list.map((c) => chart(c.id, c.svg, c.csv)));
      if (local)
        requestAnimationFrame(() =>
          setTimeout(() => {
            if (mine === ticket) drawCharts(local.charts());
          }),
        );
      else drawCharts(view.charts);
      if (view.uncertain && !tornadoBox.hasChildNodes())
        tornadoBox.append(...sensitivityControls(view, request));
      tornadoBox.hidden = !view.uncertain;
      claims.replaceChildren(claimsTable(view));
      URL.revokeObjectURL(download.href);
      download.href = URL.createObjectURL(new Blob([view.yaml], { type: 'application/yaml' }));
      URL.revokeObjectURL(yearlyDownload.href);
      yearlyDownload.hidden = view.yearlyCsv === undefined;
      if (view.yearlyCsv)
        yearlyDownload.href = URL.createObjectURL(new Blob([view.yearlyCsv], { type: 'text/csv' }));
      // An edit computed here: how long from the input to the painted result.
      const from = editAt;
      if (here && from !== undefined) requestAnimationFrame(() => paintTimes.push(performance.now() - from));
      editAt = undefined;
    } catch (e) {
      // A run overtaken by newer inputs says nothing.
      if (mine !== ticket) return;
      error.textContent = e instanceof Error ? e.message : String(e);
      // The figures on screen no longer answer the inputs: grey them out until they do.
      results.classList.add('stale');
      status.textContent = 'the results below are for the last inputs that worked';
    }
  };
  const slow = debounce(() => void refresh(), 200);
  // With the model in the page an edit runs at once; through the server, once typing pauses.
  const later = () => {
    editAt ??= performance.now();
    if (!pageModelNow() || settings.samples) return slow();
    void refresh();
  };
  const tornadoBox = h('div', { 'data-testid': 'scenario-sensitivity' });
  // The year table's columns change without a rerun: the last answer is drawn again.
  let shownView: ScenarioView | undefined;
  const redrawYearly = () => {
    writeState({ ...(editor ? origin : {}), ...overrides, ...settings }, path);
    const table = yearly.querySelector('[data-testid=yearly-table]')?.closest('.table-wrap');
    if (shownView && table)
      table.replaceWith(yearlyTable(shownView, visibleColumns(settings, shownView.uncertain)));
  };
  const results = h(
    'div',
    { 'data-testid': 'results' },
    h('h2', {}, 'Year by year'),
    yearly,
    h('h2', {}, 'Charts'),
    charts,
    tornadoBox,
    h('h2', {}, 'Claims'),
    claims,
  );

  page.append(
    title,
    description,
    h(
      'div',
      { class: 'layout' },
      h('div', {}, controlsBox, h('div', { class: 'bar' }, download, yearlyDownload, workbook)),
      h(
        'div',
        {},
        editor
          ? h('div', { class: 'field' }, h('label', { for: 'yaml-editor' }, 'Scenario (YAML)'), editor)
          : null,
        error,
        status,
        saveBar(() => ({ kind: 'scenario', ...request() })),
        results,
      ),
    ),
  );
  editor?.addEventListener('input', () => later());
  await refresh();
}

/** The editor's text: a saved run's scenario, a shipped one, or Stargate to start from. */
async function yamlEditor(origin: { from: string; run: string }): Promise<HTMLTextAreaElement> {
  // The text in the link's fragment first: a reload or a shared link brings back what was written.
  const text =
    (await textInFragment()) ??
    (origin.run
      ? (await api<SavedRun>(`/api/runs/${encodeURIComponent(origin.run)}`)).spec
      : (await api<ScenarioSource>(`/api/scenarios/${encodeURIComponent(origin.from || 'stargate')}`)).text);
  const editor = h('textarea', {
    id: 'yaml-editor',
    rows: 18,
    spellcheck: 'false',
    'data-testid': 'yaml-editor',
  });
  editor.value = text;
  return editor;
}

/** A slider and a text box per assumption; the text box also takes ranges ("1.1 to 1.4"). */
function buildControls(
  box: HTMLElement,
  controls: Control[],
  overrides: Record<string, string>,
  settings: { samples: string; seed: string },
  changed: () => void,
): void {
  box.append(
    h('h2', {}, 'Assumptions'),
    h(
      'p',
      { class: 'hint muted' },
      'Move a slider or type a value; a range like "1.1 to 1.4" runs Monte Carlo.',
    ),
  );
  for (const c of controls) {
    const slider = h('input', {
      type: 'range',
      min: c.min,
      max: c.max,
      step: c.step || 'any',
      'aria-label': c.label,
      'data-testid': `slider-${c.key}`,
    });
    slider.value = String(c.value);
    const text = h('input', {
      type: 'text',
      'aria-label': `${c.label} value`,
      'data-testid': `input-${c.key}`,
      placeholder: c.unsetMeans ?? `${c.prefix}${c.value}${c.suffix}`,
    });
    text.value = overrides[c.key] ?? c.written;
    slider.addEventListener('input', () => {
      text.value = `${c.prefix}${Number(Number(slider.value).toPrecision(4))}${c.suffix}`;
      overrides[c.key] = text.value;
      changed();
    });
    text.addEventListener('input', () => {
      if (text.value.trim() === '') delete overrides[c.key];
      else overrides[c.key] = text.value.trim();
      const plain = Number(text.value.replace(c.prefix, '').replace(c.suffix.trim(), '').trim());
      if (Number.isFinite(plain) && text.value.trim() !== '') slider.value = String(plain);
      changed();
    });
    box.append(
      h(
        'div',
        { class: 'field' },
        h('label', {}, c.label, c.uncertain ? h('span', { class: 'badge' }, ' range') : null),
        h('div', { class: 'pair' }, slider, text),
      ),
    );
  }
  const samples = h('input', {
    type: 'text',
    value: settings.samples,
    placeholder: '1000',
    'aria-label': 'samples',
    'data-testid': 'samples',
  });
  samples.addEventListener('input', () => {
    settings.samples = samples.value.trim();
    changed();
  });
  box.append(
    h('div', { class: 'field' }, h('label', {}, 'Monte Carlo samples (when a value is a range)'), samples),
  );
}

/** A program's share of what the world adds each year, and the warnings where it needs more. */
function worldTable(view: ScenarioView): HTMLElement[] {
  const world = view.world;
  if (!world) return [];
  return [
    h('h2', {}, 'Share of the world'),
    h('p', { class: 'muted' }, world.caption),
    table(world.header, world.rows, { 'data-testid': 'world-share' }),
    ...world.warnings.map((w) =>
      h('p', { class: 'fails', 'data-testid': 'world-warning' }, `Warning: ${w}.`),
    ),
  ];
}

function claimsTable(view: ScenarioView): HTMLElement {
  if (view.claims.length === 0) return h('p', { class: 'muted' }, 'This scenario states no claims.');
  return table(
    ['Year', 'Claim', 'Claimed', 'Model', 'Verdict'],
    view.claims.map((c) => [
      String(c.year),
      h('span', { class: 'text' }, c.text),
      c.claimed,
      c.model,
      h('span', { class: c.holds ? 'holds' : 'fails' }, c.verdict),
    ]),
    { class: 'wrap' },
  );
}
