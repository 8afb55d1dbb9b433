import type { Comparison } from '@server/wire';
import { api } from '../api.js';
import { chart, h, table } from '../dom.js';
import { readState, writeState } from '../url-state.js';

/**
 * Saved runs side by side: what they were given differently, each figure with its change
 * from the first (a year at a time for scenarios, the year kept in the URL), and for
 * scenarios every series on shared charts.
 */
export async function comparePage(page: HTMLElement): Promise<void> {
  const path = location.pathname;
  const state = readState();
  const ids = state.runs ?? [state.a, state.b].filter(Boolean).join(',');
  const view = await api<Comparison>(`/api/compare?runs=${encodeURIComponent(ids)}`);
  const labels = view.runs.map((r) => r.label);
  const others = labels.slice(1).map((l) => `${l.slice(0, 1)} vs A`);
  const years = view.differences.flatMap((d) => (d.year === undefined ? [] : [d.year]));
  const select = h(
    'select',
    { 'aria-label': 'year', 'data-testid': 'compare-year' },
    ...years.map((y) => h('option', { value: y }, String(y))),
  );
  select.value = years.map(String).includes(state.year ?? '')
    ? (state.year as string)
    : String(years[years.length - 1] ?? '');
  const box = h('div', { 'data-testid': 'differences' });
  const show = () => {
    writeState({ runs: ids, ...(view.kind === 'scenario' ? { year: select.value } : {}) }, path);
    const at = view.differences.find((d) => d.year === undefined || String(d.year) === select.value);
    box.replaceChildren(
      at
        ? table(
            ['Output', ...labels, ...others],
            at.rows.map((r) => [r.label, ...r.values, ...r.changes]),
          )
        : h('p', { class: 'muted' }, 'The runs share no year.'),
    );
  };
  select.addEventListener('change', show);
  show();
  const settings =
    view.settings.length === 0
      ? h(
          'p',
          { class: 'muted', 'data-testid': 'compare-settings' },
          `The runs were given the same ${view.kind === 'scenario' ? 'assumptions' : 'inputs'}.`,
        )
      : table(
          [view.kind === 'scenario' ? 'Assumption' : 'Input', ...labels],
          view.settings.map((s) => [s.label, ...s.values]),
          { 'data-testid': 'compare-settings' },
        );
  page.append(
    h('h1', {}, 'Compare runs'),
    h('ul', {}, ...view.runs.map((r) => h('li', {}, `${r.label} (${r.subject})`))),
    h('h2', {}, view.kind === 'scenario' ? 'Assumptions that differ' : 'Inputs that differ'),
    settings,
    view.kind === 'scenario' ? h('h2', {}, 'Figures in ', select) : h('h2', {}, 'Figures'),
    box,
    ...(view.charts.length > 0
      ? [
          h('h2', {}, 'Series'),
          h(
            'div',
            { class: 'charts', 'data-testid': 'compare-charts' },
            ...view.charts.map((c) => chart(c.id, c.svg)),
          ),
        ]
      : []),
  );
}
