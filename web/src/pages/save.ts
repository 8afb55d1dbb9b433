import type { SavedRunSummary, SaveRunRequestBody } from '@server/wire';
import { api } from '../api.js';
import { h } from '../dom.js';

/** A save request before the user has named the run (one per kind). */
type Unnamed<T> = T extends unknown ? Omit<T, 'name'> : never;

/** A name box and a Save button; `request` gives what to save (the server recomputes it). */
export function saveBar(request: () => Unnamed<SaveRunRequestBody>): HTMLElement {
  const name = h('input', {
    type: 'text',
    placeholder: 'name this run',
    'aria-label': 'run name',
    'data-testid': 'save-name',
  });
  const status = h('span', { class: 'status', 'data-testid': 'save-status' });
  const button = h('button', { type: 'button', 'data-testid': 'save-button' }, 'Save run');
  // Enter in the name box saves, as the button does.
  name.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      button.click();
    }
  });
  button.addEventListener('click', async () => {
    if (!name.value.trim()) {
      status.textContent = 'give the run a name first';
      return;
    }
    button.disabled = true;
    status.textContent = 'saving…';
    try {
      const saved = await api<SavedRunSummary>('/api/runs', {
        body: { ...request(), name: name.value.trim() } satisfies SaveRunRequestBody,
      });
      status.replaceChildren('saved as ', h('a', { href: '/runs' }, `run ${saved.id}`));
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'bar' }, name, button, status);
}
