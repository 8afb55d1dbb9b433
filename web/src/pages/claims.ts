import type { ClaimsLedger } from '@server/wire';
import { api } from '../api.js';
import { h, table } from '../dom.js';

/** Press claims and published facts, each held against the model, with its sources. */
export async function claimsPage(page: HTMLElement): Promise<void> {
  const title = 'Claims, published facts and forecasts';
  page.append(h('h1', {}, title), h('p', { class: 'status' }, 'evaluating…'));
  const { files } = await api<ClaimsLedger>('/api/claims');
  page.replaceChildren(h('h1', {}, title));
  for (const file of files) {
    const rows = file.results.flatMap((r) =>
      r.expectations.map((e) => [
        h('span', { class: 'text' }, r.title),
        e.year === undefined ? e.label : `${e.label}, ${e.year}`,
        e.reference?.display ?? '',
        e.model.display,
        h('span', { class: e.holds === false ? 'fails' : e.holds ? 'holds' : '' }, e.verdict),
        h(
          'span',
          { class: 'text' },
          ...r.sources.flatMap((s, i) => [
            i > 0 ? '; ' : '',
            s.url ? h('a', { href: s.url, target: '_blank', rel: 'noopener' }, s.title) : s.title,
          ]),
        ),
      ]),
    );
    page.append(
      h(
        'h2',
        {},
        file.kind === 'published'
          ? `Published facts (${file.file}): ${file.failures} outside tolerance`
          : file.kind === 'forecasts'
            ? `Forecasts of the world's build-out (${file.file})`
            : `Press claims (${file.file})`,
      ),
      table(
        [
          'Check',
          'Output',
          file.kind === 'published' ? 'Published' : file.kind === 'forecasts' ? 'Forecast' : 'Claimed',
          'Model',
          'Verdict',
          'Source',
        ],
        rows,
        { 'data-testid': `checks-${file.kind}` },
      ),
    );
  }
}
