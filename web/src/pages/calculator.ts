import type {
  CalculatorInfo,
  CalculatorRequestBody,
  CalculatorView,
  SensitivityRequestBody,
  SensitivityView,
} from '@server/wire';
import { api, latest } from '../api.js';
import { chart, debounce, h, table } from '../dom.js';
import { loadPageModel, pageModelNow } from '../model.js';
import { readState, writeState } from '../url-state.js';
import { whatMovesIt } from '../what-moves-it.js';
import { saveBar } from './save.js';

/** A form generated from the calculator's schema; it recomputes as you type. */
export async function calculatorPage(page: HTMLElement, name: string): Promise<void> {
  const path = location.pathname;
  const given = readState();
  const info = await api<CalculatorInfo>(`/api/calculators/${encodeURIComponent(name)}`);
  // A bare link opens with the calculator's example, so there are numbers from the start.
  const state = Object.keys(given).length > 0 ? given : info.example;
  const controls = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const form = h('form', { class: 'fields', 'data-testid': 'calculator-form' });
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const field of info.fields) {
    const id = `field-${field.name}`;
    let control: HTMLInputElement | HTMLSelectElement;
    if (field.kind === 'choice') {
      control = h(
        'select',
        { id, name: field.name },
        // Left at its default, the input is not sent: the run says "default", as the CLI does.
        h('option', { value: '' }, field.default ? `(default: ${field.default})` : '(default)'),
        ...(field.choices ?? []).map((c) => h('option', { value: c.value }, c.label)),
      );
      const wanted = state[field.name] ?? '';
      // A link may name an alias ("h100"): keep it as an option so the link still works.
      if (wanted && !(field.choices ?? []).some((c) => c.value === wanted))
        control.append(h('option', { value: wanted }, wanted));
      control.value = wanted;
    } else {
      control = h('input', {
        id,
        name: field.name,
        type: 'text',
        placeholder: field.placeholder,
        autocomplete: 'off',
      });
      control.value = state[field.name] ?? '';
    }
    controls.set(field.name, control);
    form.append(
      h(
        'div',
        { class: 'field' },
        h('label', { for: id }, field.name.replaceAll('_', ' ')),
        control,
        h('div', { class: 'hint' }, field.description),
      ),
    );
  }
  const samples = h('input', {
    id: 'field-samples',
    type: 'text',
    value: state.samples ?? '10000',
    'data-testid': 'samples',
  });
  form.append(
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'field-samples' }, 'Monte Carlo samples'),
      samples,
      h('div', { class: 'hint' }, 'used when an input is a range, e.g. "1.1 to 1.4"'),
    ),
  );

  const error = h('div', { class: 'error', role: 'alert', 'data-testid': 'error' });
  const status = h('div', { class: 'status', 'data-testid': 'status' });
  const results = h('div', { 'data-testid': 'results' });
  const inputs = () => {
    const out: Record<string, string> = {};
    for (const [key, control] of controls) if (control.value.trim() !== '') out[key] = control.value.trim();
    return out;
  };
  const sampleCount = () => Number(samples.value.replaceAll(/[,_]/g, '')) || undefined;
  const compute = latest((body: CalculatorRequestBody) =>
    api<CalculatorView>(`/api/calculators/${info.name}`, { body }),
  );

  let ticket = 0;
  const recompute = async () => {
    const mine = ++ticket;
    writeState({ ...inputs(), samples: samples.value === '10000' ? '' : samples.value }, path);
    status.textContent = 'computing…';
    try {
      // Without ranges the page computes it itself, once the model has loaded.
      const here = pageModelNow()?.calculate(info.name, inputs());
      const answer = here ? { value: here } : await compute({ inputs: inputs(), samples: sampleCount() });
      if (!answer || mine !== ticket) return;
      error.textContent = '';
      results.classList.remove('stale');
      showResults(results, answer.value);
      if (answer.value.uncertain) results.append(sensitivityBox(info, answer.value, inputs(), sampleCount()));
      status.textContent = answer.value.uncertain
        ? `Monte Carlo, ${answer.value.samples.toLocaleString()} samples`
        : here
          ? 'computed in this page'
          : '';
    } catch (e) {
      if (mine !== ticket) return;
      error.textContent = e instanceof Error ? e.message : String(e);
      // The figures on screen no longer answer the inputs: grey them out until they do.
      results.classList.add('stale');
      status.textContent = 'the results below are for the last inputs that worked';
    }
  };
  const slow = debounce(() => void recompute(), 250);
  // With the model in the page a plain run recomputes at once; through the server, once typing pauses.
  const later = () => (pageModelNow() ? void recompute() : slow());
  void loadPageModel().catch(() => undefined);
  form.addEventListener('input', later);
  form.addEventListener('change', later);

  page.append(
    h('h1', {}, info.title),
    h('p', { class: 'muted' }, info.description),
    h(
      'div',
      { class: 'layout' },
      form,
      h(
        'div',
        {},
        error,
        status,
        results,
        saveBar(() => ({
          kind: 'calculator',
          calculator: info.name,
          inputs: inputs(),
          samples: sampleCount(),
        })),
      ),
    ),
  );
  await recompute();
}

/**
 * Under uncertainty, one output taken apart on request: a tornado of the uncertain inputs
 * (each from its p5 to its p95) and a histogram of the output with p5, p50 and p95 marked.
 */
function sensitivityBox(
  info: CalculatorInfo,
  view: CalculatorView,
  inputs: Record<string, string>,
  samples: number | undefined,
): HTMLElement {
  const choices = view.outputs.map((o) => h('option', { value: o.name }, o.label));
  const output = h(
    'select',
    { 'aria-label': 'output to take apart', 'data-testid': 'sensitivity-output' },
    ...choices,
  );
  return h(
    'div',
    {},
    ...whatMovesIt({
      controls: [output],
      buttonTestId: 'sensitivity-button',
      shownTestId: 'sensitivity',
      baseLabel: "at every input's median",
      load: async () => {
        const s = await api<SensitivityView>(`/api/calculators/${info.name}/sensitivity`, {
          body: { inputs, output: output.value, samples } satisfies SensitivityRequestBody,
        });
        return {
          base: s.base,
          shown: [
            chart('tornado', s.tornado),
            table(
              ['Input', 'at its p5', 'at its p95', 'swing'],
              s.rows.map((r) => [r.input, r.low, r.high, r.swing]),
            ),
            chart('histogram', s.histogram),
          ],
        };
      },
    }),
  );
}

function showResults(box: HTMLElement, view: CalculatorView): void {
  const outputs = view.uncertain
    ? table(
        ['Output', 'p5', 'p50', 'p95', 'mean'],
        view.outputs.map((o) => [
          o.label,
          o.interval?.p5,
          h('span', { 'data-testid': `output-${o.name}` }, o.interval?.p50 ?? ''),
          o.interval?.p95,
          o.interval?.mean,
        ]),
      )
    : table(
        ['Output', 'Value'],
        view.outputs.map((o) => [o.label, h('span', { 'data-testid': `output-${o.name}` }, o.display)]),
      );
  const used = table(
    ['Input', 'Value', 'From'],
    view.inputs.map((i) => [i.name, i.display, i.via ? `${i.origin}: ${i.via}` : i.origin]),
  );
  const breakdown = view.breakdown
    ? [
        h('h2', {}, view.breakdown.title),
        table(
          [view.breakdown.label, ...view.breakdown.columns],
          view.breakdown.rows.map((row) => [row.label, ...row.cells]),
          { 'data-testid': 'breakdown' },
        ),
      ]
    : [];
  box.replaceChildren(
    h('h2', {}, 'Outputs'),
    outputs,
    ...breakdown,
    h('h2', {}, 'Inputs used'),
    used,
    ...view.notes.map((n) => h('p', { class: 'muted' }, n)),
  );
}
