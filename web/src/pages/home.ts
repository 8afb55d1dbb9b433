import type { CalculatorList, ScenarioList } from '@server/wire';
import { api } from '../api.js';
import { h } from '../dom.js';

export async function homePage(page: HTMLElement): Promise<void> {
  const [{ calculators }, { scenarios }] = await Promise.all([
    api<CalculatorList>('/api/calculators'),
    api<ScenarioList>('/api/scenarios'),
  ]);
  page.append(
    h('h1', {}, 'The AI compute build-out, in numbers you can rerun'),
    h(
      'p',
      { class: 'muted' },
      'Pick a calculator to size a cluster, a training run or a token factory, or open a build-out scenario and move its assumptions. Any number may be a range ("1.1 to 1.4"): the answer then comes with its 90% interval.',
    ),
    h('h2', {}, 'Scenarios'),
    h(
      'div',
      { class: 'grid' },
      ...scenarios.map((s) =>
        h(
          'div',
          { class: 'card' },
          h('h3', {}, h('a', { href: `/scenario/${s.id}` }, s.name)),
          h('span', { class: 'muted' }, `scenarios/${s.id}.yaml`),
        ),
      ),
    ),
    h(
      'p',
      {},
      h(
        'a',
        { href: '/scenario/custom?from=stargate', 'data-testid': 'write-scenario' },
        'Write your own scenario',
      ),
      ' in YAML, starting from Stargate; the file format is the one ',
      h('code', {}, 'npx gigawatt schema scenario'),
      ' describes.',
    ),
    h(
      'p',
      {},
      h('a', { href: '/frontier', 'data-testid': 'frontier-link' }, 'The frontier run'),
      ': the largest training run each year allows, under power, chips, data and the latency wall, every input a range.',
    ),
    h('h2', {}, 'Calculators'),
    h(
      'div',
      { class: 'grid' },
      ...calculators.map((c) =>
        h(
          'div',
          { class: 'card' },
          h('h3', {}, h('a', { href: `/calc/${c.name}?${new URLSearchParams(c.example)}` }, c.title)),
          h('span', { class: 'muted' }, c.description),
        ),
      ),
    ),
  );
}
