import type { SourceRow, SourcesView } from '@server/wire';
import { api } from '../api.js';
import { h, table } from '../dom.js';

const link = (s: { title: string; url?: string | undefined }) =>
  s.url ? h('a', { href: s.url, target: '_blank', rel: 'noopener' }, s.title) : s.title;

/** Every catalog figure and assumption with its source, searchable. */
export async function sourcesPage(page: HTMLElement): Promise<void> {
  page.append(h('h1', {}, 'Sources'), h('p', { class: 'status' }, 'loading…'));
  const view = await api<SourcesView>('/api/sources');
  const count = view.sections.reduce((n, s) => n + s.rows.length, 0);
  const search = h('input', {
    type: 'search',
    placeholder: 'filter: an id, a figure or a source (e.g. h100, price, Epoch)',
    'aria-label': 'filter the sources',
    'data-testid': 'sources-filter',
  });
  const body = h('div', { 'data-testid': 'sources' });
  const matches = (words: string[], ...texts: Array<string | undefined>) => {
    const text = texts.join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  };
  const draw = () => {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const row = (r: SourceRow) => [
      h('span', { class: 'text' }, r.entry),
      h('span', { class: 'text' }, r.figure),
      r.value,
      r.estimate ? 'estimate' : '',
      h('span', { class: 'text' }, link(r.source)),
    ];
    const sections = view.sections.flatMap((s) => {
      const rows = s.rows.filter((r) => matches(words, s.file, r.entry, r.figure, r.source.title, r.note));
      return rows.length === 0
        ? []
        : [
            h('h2', {}, `${s.file} (${rows.length})`),
            table(['Entry', 'Figure', 'Value', '', 'Source'], rows.map(row)),
          ];
    });
    const assumptions = view.assumptions.filter((a) =>
      matches(words, 'data/assumptions.yaml', a.key, a.description, ...a.sources.map((s) => s.title)),
    );
    body.replaceChildren(
      ...sections,
      ...(assumptions.length === 0
        ? []
        : [
            h('h2', {}, `data/assumptions.yaml (${assumptions.length})`),
            table(
              ['Assumption', 'Value', 'Range', '', 'Sources'],
              assumptions.map((a) => [
                h('span', { class: 'text', title: a.description }, a.key),
                a.value,
                a.range ?? '',
                a.estimate ? 'estimate' : '',
                h('span', { class: 'text' }, ...a.sources.flatMap((s, i) => [i > 0 ? '; ' : '', link(s)])),
              ]),
            ),
          ]),
    );
    if (!body.hasChildNodes()) body.append(h('p', { class: 'muted' }, 'Nothing matches.'));
  };
  search.addEventListener('input', draw);
  page.replaceChildren(
    h('h1', {}, 'Sources'),
    h(
      'p',
      { class: 'muted' },
      `Every figure of the catalog (${count.toLocaleString('en-US')}) and every default assumption (${view.assumptions.length}), with where it comes from. Estimates are marked; the notes in the data files say how each was derived.`,
    ),
    h('div', { class: 'field' }, search),
    body,
  );
  draw();
}
