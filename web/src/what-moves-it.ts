import { h } from './dom.js';

/** The "What moves it?" box shared by calculator and scenario pages: controls,
 * a button that asks the server, a status line, and the answer once it comes. */
export function whatMovesIt(opts: {
  controls: HTMLElement[];
  buttonTestId: string;
  shownTestId?: string;
  baseLabel: string;
  load: () => Promise<{ base: string; shown: HTMLElement[] }>;
}): HTMLElement[] {
  const status = h('span', { class: 'status' });
  const shown = h('div', opts.shownTestId ? { 'data-testid': opts.shownTestId } : {});
  const button = h('button', { type: 'button', 'data-testid': opts.buttonTestId }, 'What moves it?');
  button.addEventListener('click', async () => {
    status.textContent = 'computing…';
    try {
      const answer = await opts.load();
      status.textContent = `${opts.baseLabel}: ${answer.base}`;
      shown.replaceChildren(...answer.shown);
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
    }
  });
  return [
    h('h2', {}, 'What moves an output'),
    h('div', { class: 'bar' }, ...opts.controls, button, status),
    shown,
  ];
}
