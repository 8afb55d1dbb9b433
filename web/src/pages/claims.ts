import type { CheckResult, ClaimRow, ClaimsLedger } from '@server/wire';
import { api } from '../api.js';
import { h, table } from '../dom.js';

/** Press claims and published facts, each held against the model, with its sources. */
export async function claimsPage(page: HTMLElement): Promise<void> {
  const title = 'Claims, published facts and forecasts';
  page.append(h('h1', {}, title), h('p', { class: 'status' }, 'evaluating…'));
  const { founding, files } = await api<ClaimsLedger>('/api/claims');
  page.replaceChildren(
    h('h1', {}, title),
    h('h2', {}, 'The founding claims'),
    h(
      'p',
      { class: 'text' },
      'Each claim the project was founded to test, where it is answered and what the model found (the README’s claims table, from the same run). A claim opens its calculator or scenario with its inputs.',
    ),
    foundingTable(founding),
  );
  for (const file of files) {
    const rows = file.results.flatMap((r) =>
      r.expectations.map((e, i) => [
        i === 0 ? why(r) : '',
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

/** A command that wraps between its flags, never inside one ("--count 100k" stays whole). */
function commandCode(command: string): HTMLElement {
  const parts = command.split(/ (?=--)/);
  return h(
    'code',
    {},
    ...parts.flatMap((part, i) => [i > 0 ? ' ' : '', h('span', { class: 'nowrap' }, part)]),
  );
}

/** One row a founding claim: the claim (opening its check), the command that answers it, the verdict. */
function foundingTable(rows: readonly ClaimRow[]): HTMLElement {
  return table(
    ['ID', 'Claim', 'Answered by', 'Verdict'],
    rows.map((r) => [
      r.id,
      r.href ? h('a', { href: r.href, 'data-testid': `claim-${r.id}` }, r.claim) : r.claim,
      r.command ? commandCode(r.command) : '–',
      h('span', { class: r.outOfScope ? 'text muted' : 'text' }, r.verdict),
    ]),
    { 'data-testid': 'founding-claims' },
  );
}

/** A check's title, opening onto why: its note, inputs, tolerance, closest reading and a link to rerun it. */
function why(r: CheckResult): HTMLElement {
  const link = r.href;
  const inputs = Object.entries(r.inputs)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const details = r.expectations.flatMap((e) => [
    e.tolerance
      ? h('li', {}, `${e.label}: held to ${e.tolerance}${e.difference ? `; ${e.difference}` : ''}`)
      : null,
    e.closest
      ? h(
          'li',
          { 'data-testid': `closest-${r.id}` },
          `Closest reading: ${Object.entries(e.closest.inputs)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')} gives ${e.closest.display} (${e.closest.difference} from the claim)`,
        )
      : null,
  ]);
  return h(
    'details',
    { class: 'text why', 'data-testid': `why-${r.id}` },
    h('summary', {}, r.title),
    h(
      'ul',
      {},
      r.note ? h('li', {}, r.note) : null,
      inputs ? h('li', {}, `Inputs: ${inputs}`) : null,
      ...details,
      link
        ? h(
            'li',
            {},
            h(
              'a',
              { href: link, 'data-testid': `open-${r.id}` },
              r.calculator ? `Open in calc ${r.calculator}` : 'Open the scenario',
            ),
          )
        : null,
    ),
  );
}
