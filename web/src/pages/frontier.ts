import type { FrontierField, FrontierInfo, FrontierRequestBody, FrontierView } from '@server/wire';
import { api, latest } from '../api.js';
import { chart, debounce, h, table } from '../dom.js';
import { frontierInWorker, loadPageModel, pageModelNow, warmWorker } from '../model.js';
import { readState, writeState } from '../url-state.js';

/** Slider positions: 0 to STEPS along the field's span. */
const STEPS = 200;

/** Significant figures, without float noise: 2.2, 510, 0.0476. */
const sig = (v: number) => String(Number(v.toPrecision(2)));

/**
 * A value written so the CLI's parser reads it back: "2.2 GW", "181 days", "20%",
 * "510T tokens". SI numbers in, one of the units people use out.
 */
export function writeQuantity(value: number, unit: string): string {
  switch (unit) {
    case 'W':
      return value >= 1e9 ? `${sig(value / 1e9)} GW` : `${sig(value / 1e6)} MW`;
    case 's':
      if (value < 1e-3) return `${sig(value * 1e6)} µs`;
      if (value < 3600) return `${sig(value / 60)} minutes`;
      if (value < 86400 * 365) return `${sig(value / 86400)} days`;
      return `${sig(value / (86400 * 365.25))} years`;
    case 'fraction':
      return `${sig(value * 100)}%`;
    case 'token':
      return value >= 1e12 ? `${sig(value / 1e12)}T tokens` : `${sig(value / 1e6)}M tokens`;
    case 'count':
      return value >= 1e6 ? `${sig(value / 1e6)}M` : value >= 1e3 ? `${sig(value / 1e3)}k` : sig(value);
    default:
      return sig(value);
  }
}

/** A field's value at a slider position, and back. */
function scale(field: FrontierField) {
  const { min, max, log } = field;
  return {
    at: (step: number) => (log ? min * (max / min) ** (step / STEPS) : min + ((max - min) * step) / STEPS),
    step: (value: number) =>
      Math.round(
        log ? (STEPS * Math.log(value / min)) / Math.log(max / min) : (STEPS * (value - min)) / (max - min),
      ),
  };
}

/**
 * One input as a range: a text box that takes anything the CLI takes ("2 to 5 GW",
 * "pert(...)", a single value), and low and high sliders that write "low to high" into it.
 * Empty means the sourced range.
 */
function rangeControl(field: FrontierField, given: string | undefined, changed: () => void) {
  const id = `frontier-${field.name}`;
  const text = h('input', {
    id,
    type: 'text',
    autocomplete: 'off',
    placeholder: field.written,
    'data-testid': `range-${field.name}`,
  });
  text.value = given ?? '';
  const s = scale(field);
  const slider = (which: 'low' | 'high', value: number) =>
    h('input', {
      type: 'range',
      min: 0,
      max: STEPS,
      step: 1,
      value: Math.min(STEPS, Math.max(0, s.step(value))),
      'aria-label': `${field.name.replaceAll('_', ' ')}, ${which} end`,
      'data-testid': `slider-${field.name}-${which}`,
    });
  const low = slider('low', field.low);
  const high = slider('high', field.high);
  const fromSliders = (moved: HTMLInputElement) => {
    // The ends never cross: the one moved pushes the other.
    if (Number(low.value) > Number(high.value)) (moved === low ? high : low).value = moved.value;
    const [a, b] = [s.at(Number(low.value)), s.at(Number(high.value))];
    text.value =
      low.value === high.value
        ? writeQuantity(a, field.unit)
        : `${writeQuantity(a, field.unit)} to ${writeQuantity(b, field.unit)}`;
    changed();
  };
  low.addEventListener('input', () => fromSliders(low));
  high.addEventListener('input', () => fromSliders(high));
  const reset = h(
    'button',
    {
      type: 'button',
      class: 'link',
      onclick: () => {
        text.value = '';
        low.value = String(s.step(field.low));
        high.value = String(s.step(field.high));
        changed();
      },
    },
    'sourced range',
  );
  const element = h(
    'div',
    { class: 'field range-field' },
    h('label', { for: id }, field.name.replaceAll('_', ' ')),
    text,
    h('div', { class: 'sliders' }, low, high),
    h('div', { class: 'hint' }, field.description, ' · ', reset),
  );
  return { element, value: () => text.value.trim() };
}

/** The frontier run over the years: every input a range, one chart, and what binds each year. */
export async function frontierPage(page: HTMLElement): Promise<void> {
  const path = location.pathname;
  const state = readState();
  const info = await api<FrontierInfo>('/api/frontier');
  const years = Array.from({ length: info.last - info.first + 1 }, (_, i) => String(info.first + i));
  const yearSelect = (name: string, value: string) => {
    const select = h(
      'select',
      { id: `frontier-${name}`, 'data-testid': `year-${name}` },
      ...years.map((y) => h('option', { value: y }, y)),
    );
    select.value = years.includes(value) ? value : name === 'from' ? String(info.first) : String(info.last);
    return select;
  };
  const from = yearSelect('from', state.from ?? String(info.first));
  const to = yearSelect('to', state.to ?? String(info.last));
  const samples = h('input', { id: 'frontier-samples', type: 'text', value: state.samples ?? '2000' });

  const error = h('div', { class: 'error', role: 'alert', 'data-testid': 'error' });
  const status = h('div', { class: 'status', 'data-testid': 'status' });
  const results = h('div', { 'data-testid': 'results' });
  const controls = new Map<string, () => string>();
  // Through the server, once typing pauses; in the worker, almost at once (a newer change cancels the run).
  const slow = debounce(() => void recompute(), 300);
  const soon = debounce(() => void recompute(), 50);
  const later = () => (pageModelNow() ? soon() : slow());
  const form = h('form', { class: 'fields', 'data-testid': 'frontier-form' });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.append(
    h(
      'div',
      { class: 'field year-span' },
      h('label', { for: 'frontier-from' }, 'years'),
      h('div', { class: 'sliders' }, from, to),
      h('div', { class: 'hint' }, 'the span the world scenario covers'),
    ),
  );
  for (const field of info.fields) {
    const control = rangeControl(field, state[field.name], later);
    controls.set(field.name, control.value);
    form.append(control.element);
  }
  form.append(
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'frontier-samples' }, 'samples a year'),
      samples,
      h('div', { class: 'hint' }, 'Monte Carlo samples drawn for each year'),
    ),
  );
  form.addEventListener('change', later);
  form.addEventListener('input', (e) => {
    // Sliders call `later` themselves; text boxes and selects land here.
    if ((e.target as HTMLInputElement).type !== 'range') later();
  });

  const inputs = () => {
    const out: Record<string, string> = {};
    for (const [name, value] of controls) if (value() !== '') out[name] = value();
    return out;
  };
  const run = latest((body: FrontierRequestBody) => api<FrontierView>('/api/frontier', { body }));
  let ticket = 0;
  async function recompute(): Promise<void> {
    const mine = ++ticket;
    writeState(
      { ...inputs(), from: from.value, to: to.value, samples: samples.value === '2000' ? '' : samples.value },
      path,
    );
    status.textContent = 'computing…';
    results.classList.add('stale');
    try {
      const body = {
        inputs: inputs(),
        from: Number(from.value),
        to: Number(to.value),
        samples: Number(samples.value.replaceAll(/[,_]/g, '')) || 2000,
      };
      // In the page's web worker once the model has loaded (a newer change cancels it): a quick
      // pass first, so a change shows within a fraction of a second, then every sample asked for.
      // Before the model has loaded, on the server.
      const passes = body.samples > QUICK_SAMPLES ? [QUICK_SAMPLES, body.samples] : [body.samples];
      for (const [i, samplesNow] of passes.entries()) {
        const here = frontierInWorker({ ...body, samples: samplesNow });
        const answer = here ? { value: await here } : await run(body);
        if (!answer || mine !== ticket) return;
        error.textContent = '';
        const refining = here && i < passes.length - 1;
        status.textContent = refining
          ? `${samplesNow.toLocaleString('en-US')} samples a year; refining to ${body.samples.toLocaleString('en-US')}…`
          : `${answer.value.samples.toLocaleString('en-US')} samples a year`;
        showFrontier(results, answer.value, info);
        results.classList.remove('stale');
        if (!here) break;
      }
    } catch (e) {
      if (mine !== ticket) return;
      error.textContent = e instanceof Error ? e.message : String(e);
      status.textContent = 'the results below are for the last inputs that worked';
    }
  }

  page.append(
    h('h1', {}, 'The frontier run'),
    h(
      'p',
      { class: 'muted' },
      'The largest training run each year allows, bounded separately by power on one campus, power across sites, the world\'s chips, the training data and the latency wall (after Epoch AI, "Can AI Scaling Continue Through 2030?"). Every input is a range, sourced by default; move its low and high ends or type any range the CLI takes. The same run from the command line: ',
      h('code', {}, 'npx gigawatt calc frontier-run --from 2024 --to 2035'),
      '.',
    ),
    h('div', { class: 'layout' }, form, h('div', {}, error, status, results)),
  );
  // The model, then a worker holding the catalog: a change then runs at once.
  void loadPageModel()
    .then(warmWorker)
    .catch(() => undefined);
  await recompute();
}

/** Samples a year in the quick first pass of a change (well under a tenth of a second in the worker). */
const QUICK_SAMPLES = 100;

function showFrontier(box: HTMLElement, view: FrontierView, info: FrontierInfo): void {
  const rows = view.years.map((y) => [
    String(y.year),
    h('span', { 'data-testid': `largest-${y.year}` }, y.bounds.largest_run?.p50 ?? ''),
    `${y.bounds.largest_run?.p10 ?? ''} to ${y.bounds.largest_run?.p90 ?? ''}`,
    h('span', { 'data-testid': `binds-${y.year}` }, y.binds),
    y.done ? `${y.done.name}, ${y.done.flop} (${y.done.gap})` : '',
  ]);
  const bounds = view.years.map((y) => [
    String(y.year),
    ...info.bounds.filter((b) => b.name !== 'largest_run').map((b) => y.bounds[b.name]?.p50 ?? ''),
  ]);
  box.replaceChildren(
    chart('frontier', view.svg),
    h('h2', {}, 'What binds, year by year'),
    table(['Year', 'Largest run (p50)', 'p10 to p90', 'Binds (share of samples)', 'Largest run done'], rows, {
      'data-testid': 'frontier-years',
      class: 'wrap',
    }),
    h('h2', {}, 'Each bound (p50)'),
    table(['Year', ...info.bounds.filter((b) => b.name !== 'largest_run').map((b) => b.label)], bounds),
  );
}
