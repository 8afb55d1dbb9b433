import type { DeletedRun, RunList, SavedRun, SavedRunSummary } from '@server/wire';
import { api } from '../api.js';
import { h } from '../dom.js';
import { go } from '../nav.js';

/** Saved runs: reopen, export, delete, and pick runs of one kind to compare. */
export async function runsPage(page: HTMLElement): Promise<void> {
  const { runs } = await api<RunList>('/api/runs');
  const error = h('div', { class: 'error', role: 'alert', 'data-testid': 'error' });
  page.append(h('h1', {}, 'Saved runs'), error);
  if (runs.length === 0) {
    page.append(
      h(
        'p',
        { class: 'muted', 'data-testid': 'no-runs' },
        'No saved runs yet: open a scenario or a calculator and press "Save run".',
      ),
    );
    return;
  }
  const picked = new Set<number>();
  const compare = h(
    'button',
    { type: 'button', disabled: true, 'data-testid': 'compare-button' },
    'Compare the ticked runs',
  );
  const why = h(
    'span',
    { class: 'status', 'data-testid': 'compare-why' },
    'tick two or more runs of one kind',
  );
  // Runs compare with runs of their kind: scenarios with scenarios, a calculator with itself.
  const kindOf = (id: number) => {
    const run = runs.find((r) => r.id === id);
    return run ? `${run.kind}:${run.kind === 'calculator' ? run.subject : ''}` : '';
  };
  const update = () => {
    const kinds = new Set([...picked].map(kindOf));
    compare.disabled = picked.size < 2 || kinds.size > 1;
    why.textContent =
      kinds.size > 1
        ? 'the ticked runs are of different kinds: compare scenarios with scenarios, a calculator with itself'
        : picked.size < 2
          ? 'tick two or more runs of one kind'
          : '';
  };
  compare.addEventListener('click', () => go(`/compare?runs=${[...picked].join(',')}`));
  const open = async (run: SavedRunSummary) => {
    const saved = await api<SavedRun>(`/api/runs/${run.id}`);
    const { scenario, calculator, ...rest } = saved.state;
    // A scenario written in the explorer reopens in the editor, from the saved text.
    const query = new URLSearchParams(
      scenario === 'custom' ? { run: String(run.id), ...rest } : rest,
    ).toString();
    go(`${scenario ? `/scenario/${scenario}` : `/calc/${calculator}`}${query ? `?${query}` : ''}`);
  };
  const remove = async (run: SavedRunSummary, row: HTMLElement) => {
    if (!window.confirm(`Delete the saved run "${run.name}" for good?`)) return;
    try {
      await api<DeletedRun>(`/api/runs/${run.id}`, { method: 'DELETE' });
      row.remove();
      picked.delete(run.id);
      update();
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
    }
  };
  const body = runs.map((run) => {
    const tick = h('input', {
      type: 'checkbox',
      'aria-label': `pick ${run.name}`,
      'data-testid': `pick-${run.id}`,
    });
    tick.addEventListener('change', () => {
      if (tick.checked) picked.add(run.id);
      else picked.delete(run.id);
      update();
    });
    const openButton = h(
      'button',
      { type: 'button', class: 'plain', 'data-testid': `open-${run.id}` },
      'Open',
    );
    openButton.addEventListener('click', () => void open(run));
    const deleteButton = h(
      'button',
      { type: 'button', class: 'plain', 'data-testid': `delete-${run.id}` },
      'Delete',
    );
    const exportLinks = ['csv', 'json', 'yaml'].map((f) =>
      h('a', { href: `/api/runs/${run.id}/export.${f}`, download: true }, f.toUpperCase()),
    );
    const row = h(
      'tr',
      { 'data-testid': `run-${run.id}` },
      h('td', {}, tick),
      h('td', { class: 'text' }, run.name),
      h('td', {}, run.kind),
      h('td', { class: 'text' }, run.subject),
      h('td', {}, new Date(run.createdAt).toLocaleString()),
      h('td', {}, h('span', { class: 'bar' }, openButton, ...exportLinks, deleteButton)),
    );
    deleteButton.addEventListener('click', () => void remove(run, row));
    return row;
  });
  page.append(
    h('div', { class: 'bar' }, compare, why),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { 'data-testid': 'runs-table' },
        h('thead', {}, h('tr', {}, ...['', 'Name', 'Kind', 'Of', 'Saved', ''].map((x) => h('th', {}, x)))),
        h('tbody', {}, ...body),
      ),
    ),
  );
}
