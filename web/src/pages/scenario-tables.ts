import type {
  ScenarioRequestBody,
  ScenarioSensitivityBody,
  ScenarioSensitivityView,
  ScenarioView,
} from '@server/wire';
import { api } from '../api.js';
import { chart, h, table } from '../dom.js';
import { whatMovesIt } from '../what-moves-it.js';

/** The scenario page's year table, its column picker, and its tornado of a yearly output. */

/** The year table's outputs, in order: every one can be shown; the first few fit a desktop. */
const YEAR_COLUMNS: Array<ScenarioView['outputs'][number]['key']> = [
  'facility_power',
  'accelerators',
  'h100e',
  'cumulative_capex',
  'energy',
  'revenue_needed',
  'largest_training_run',
  'accelerators_added',
  'h100e_added',
  'capex',
  'annual_opex',
  'tokens_per_year',
];
/** As many as fit a 1400 px desktop: fewer when each cell carries its interval. */
const defaultColumns = (uncertain: boolean) => YEAR_COLUMNS.slice(0, uncertain ? 5 : 6);

/** The columns the URL asks for (?cols=a,b), else the default ones. */
export function visibleColumns(settings: { cols: string }, uncertain: boolean): string[] {
  const asked = settings.cols.split(',').filter((c) => (YEAR_COLUMNS as string[]).includes(c));
  return asked.length > 0 ? asked : defaultColumns(uncertain);
}

/** Which outputs the year table shows: a box per output, kept in the URL. */
export function columnPicker(
  settings: { cols: string },
  uncertain: boolean,
  changed: () => void,
): HTMLElement {
  const visible = new Set(visibleColumns(settings, uncertain));
  const summary = h('summary', {}, `Columns (${visible.size} of ${YEAR_COLUMNS.length})`);
  const boxes = YEAR_COLUMNS.map((key) => {
    const box = h('input', { type: 'checkbox', 'data-testid': `column-${key}` });
    box.checked = visible.has(key);
    box.addEventListener('change', () => {
      if (box.checked) visible.add(key);
      else visible.delete(key);
      const ordered = YEAR_COLUMNS.filter((k) => visible.has(k));
      settings.cols = ordered.join(',') === defaultColumns(uncertain).join(',') ? '' : ordered.join(',');
      summary.textContent = `Columns (${visible.size} of ${YEAR_COLUMNS.length})`;
      changed();
    });
    return h('label', { class: 'column-choice' }, box, ` ${key.replaceAll('_', ' ')}`);
  });
  return h('details', { class: 'columns', 'data-testid': 'column-picker' }, summary, h('div', {}, ...boxes));
}

/** "6.4 GW (5.9 GW to 7 GW)" as the median over its interval, so uncertain columns stay narrow. */
function medianOver(cell: string): Array<string | HTMLElement> {
  const parts = /^(.*?) \((.* to .*)\)$/.exec(cell);
  return parts ? [parts[1] as string, h('br'), h('small', { class: 'muted' }, parts[2] as string)] : [cell];
}

export function yearlyTable(view: ScenarioView, columns: readonly string[]): HTMLElement {
  const shown = YEAR_COLUMNS.filter((k) => columns.includes(k)).flatMap((k) =>
    view.outputs.filter((o) => o.key === k),
  );
  return table(
    ['Year', ...shown.map((o) => o.label), 'Binds'],
    view.yearly.map((y) => [
      String(y.year),
      ...shown.map((o) =>
        h('span', { 'data-testid': `cell-${y.year}-${o.key}` }, ...medianOver(y.cells[o.key] ?? '')),
      ),
      h('span', { class: 'binds' }, y.binding),
    ]),
    { 'data-testid': 'yearly-table' },
  );
}

/**
 * Under uncertainty, a yearly output taken apart: the scenario's uncertain numbers ranked
 * by the swing each causes in it (a tornado), as `gigawatt run --sensitivity output@year`.
 */
export function sensitivityControls(view: ScenarioView, request: () => ScenarioRequestBody): HTMLElement[] {
  const output = h(
    'select',
    { 'aria-label': 'output to take apart', 'data-testid': 'tornado-output' },
    ...view.outputs.map((o) => h('option', { value: o.key }, o.label)),
  );
  output.value = 'cumulative_capex';
  const years = view.yearly.map((y) => y.year);
  const year = h(
    'select',
    { 'aria-label': 'year', 'data-testid': 'tornado-year' },
    ...years.map((y) => h('option', { value: y }, String(y))),
  );
  year.value = String(years[years.length - 1] ?? '');
  return whatMovesIt({
    controls: [output, year],
    buttonTestId: 'tornado-button',
    baseLabel: "at every number's median",
    load: async () => {
      const s = await api<ScenarioSensitivityView>('/api/scenarios/sensitivity', {
        body: {
          ...request(),
          output: output.value,
          year: Number(year.value),
        } satisfies ScenarioSensitivityBody,
      });
      return {
        base: s.base,
        shown: [
          chart('scenario-tornado', s.tornado),
          table(
            ['Uncertain number', 'at its p5', 'at its p95', 'swing'],
            s.rows.map((r) => [r.input, r.low, r.high, r.swing]),
          ),
        ],
      };
    },
  });
}
