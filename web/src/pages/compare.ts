import type { Comparison } from '@server/wire';
import { api } from '../api.js';
import { chart, h, table } from '../dom.js';
import { readState } from '../url-state.js';

/** Two saved scenario runs: their series on shared charts, and a table of differences by year. */
export async function comparePage(page: HTMLElement): Promise<void> {
  const { a, b } = readState();
  const view = await api<Comparison>(
    `/api/compare?a=${encodeURIComponent(a ?? '')}&b=${encodeURIComponent(b ?? '')}`,
  );
  const years = view.differences.map((d) => d.year);
  const select = h(
    'select',
    { 'aria-label': 'year', 'data-testid': 'compare-year' },
    ...years.map((y) => h('option', { value: y }, String(y))),
  );
  select.value = String(years[years.length - 1] ?? '');
  const box = h('div', { 'data-testid': 'differences' });
  const show = () => {
    const year = view.differences.find((d) => String(d.year) === select.value);
    box.replaceChildren(
      year
        ? table(
            ['Output', view.runs[0]?.label ?? 'A', view.runs[1]?.label ?? 'B', 'B − A', 'Change'],
            year.rows.map((r) => [r.label, r.a, r.b, r.difference, r.change]),
          )
        : h('p', { class: 'muted' }, 'The two runs share no year.'),
    );
  };
  select.addEventListener('change', show);
  show();
  page.append(
    h('h1', {}, 'Compare runs'),
    h('ul', {}, ...view.runs.map((r) => h('li', {}, `${r.label} (${r.subject})`))),
    h('h2', {}, 'Differences in ', select),
    box,
    h('h2', {}, 'Series'),
    h(
      'div',
      { class: 'charts', 'data-testid': 'compare-charts' },
      ...view.charts.map((c) => chart(c.id, c.svg)),
    ),
  );
}
