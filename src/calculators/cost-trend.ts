import type { Accelerator, Precision } from '../catalog/types.js';
import { withContext } from '../errors.js';
import { clusterEconomics } from '../model/cluster.js';
import { acceleratorHardware } from '../model/from-catalog.js';
import { perToken, tokensPerYear } from '../model/tokens.js';
import { effectiveThroughput, runCost, solveTrainingRun } from '../model/training.js';
import { REFERENCE_COUNT } from '../model/training-scale.js';
import { annualDecline, logLinearSlope, remainingDecline } from '../model/trend.js';
import { formatQuantity } from '../units/format.js';
import { COSTING_INPUTS, clusterSpecOf } from './fleet.js';
import { UTILIZATION_INPUT } from './inference.js';
import { requestShape, SERVING_INPUTS, serveReplica } from './serving.js';
import type { Calculator, CalculatorContext, InputSpec, OutputSpec } from './types.js';
import { utilizationInputs, utilizationOf } from './utilization.js';

/**
 * What each generation of one family of data-centre accelerators charges for the same work:
 * a fixed training run (the training calculator's economics) and a million output tokens of
 * a fixed model (the token factory's break-even price), and how fast both fall a year.
 */

/** Flagship data-centre parts by family, oldest first; export-limited variants (H800, H20) are left out. */
export const FAMILIES: Readonly<Record<string, readonly string[]>> = {
  nvidia: ['v100', 'a100-sxm', 'h100-sxm', 'h200', 'b200', 'gb200', 'gb300', 'vr200'],
  amd: ['mi250x', 'mi300x', 'mi325x', 'mi355x'],
  google: ['tpu-v3', 'tpu-v4', 'tpu-v5p', 'tpu-v6e', 'tpu-v7'],
};

const ARK = 'ARK Invest, Big Ideas 2024: AI training costs fall 75% a year (hardware 53%, algorithms 47%)';

/** The housing and paying inputs of COSTING_INPUTS; each generation brings its own price and power. */
const PER_GENERATION = new Set(['accelerator', 'it_power', 'price']);

const yearInput = (name: string, description: string): InputSpec => ({
  name,
  type: 'quantity',
  dimension: 'year',
  example: name === 'from' ? '2020' : '2026',
  bounds: { min: 1990, max: 2100, integer: true },
  defaultText: `the family's ${name === 'from' ? 'first' : 'last'} generation`,
  description,
});

const money = (name: string, label: string, description: string): OutputSpec => ({
  name,
  dimension: 'money',
  label,
  description,
});
const decline = (name: string, label: string): OutputSpec => ({
  name,
  dimension: 'fraction',
  label,
  description: '1 − e^slope of a least-squares line through ln(cost) by year',
});

function generations(ctx: CalculatorContext, precision: Precision): Accelerator[] {
  const family = ctx.text('family');
  const all = (FAMILIES[family] ?? []).map((id) => ctx.catalog.accelerator(id));
  const from = ctx.number('from', () => ({ value: Math.min(...all.map((a) => a.year)), origin: 'default' }));
  const to = ctx.number('to', () => ({ value: Math.max(...all.map((a) => a.year)), origin: 'default' }));
  if (from >= to) return ctx.fail('from', `${from} must be before ${ctx.label('to')} ${to}`);
  const inSpan = all.filter((a) => a.year >= from && a.year <= to);
  const lacking = inSpan.filter((a) => !a.dense[precision]);
  if (lacking.length > 0)
    ctx.note(`Left out for lack of dense ${precision}: ${lacking.map((a) => a.id).join(', ')}.`);
  const chosen = inSpan.filter((a) => a.dense[precision]).sort((a, b) => a.year - b.year);
  if (new Set(chosen.map((a) => a.year)).size < 2)
    return ctx.fail(
      'from',
      `${from} to ${to} holds ${chosen.length === 0 ? 'no' : 'only one year of'} ${family} generations with ${precision} (${all.map((a) => `${a.id} ${a.year}`).join(', ')}): a trend needs two years`,
    );
  return chosen;
}

export const costTrend: Calculator = {
  name: 'cost-trend',
  example: { family: 'nvidia', model: 'llama-3.3-70b' },
  title: 'Cost trend: a fixed training run and a million tokens on each accelerator generation',
  description:
    'For each flagship generation of an accelerator family: the ownership cost of a fixed training run and the break-even price per million output tokens of a fixed model, and the yearly decline of each from a log-linear fit. Hardware and its running cost only: algorithms are held fixed.',
  inputs: [
    {
      name: 'family',
      type: 'choice',
      choices: Object.keys(FAMILIES),
      default: 'nvidia',
      description: 'accelerator family whose generations are compared',
    },
    yearInput('from', 'first year of generations compared'),
    yearInput('to', 'last year of generations compared'),
    {
      name: 'training_flop',
      type: 'quantity',
      dimension: 'flop',
      example: '2.1e25 FLOP',
      bounds: { min: 0, exclusiveMin: true },
      defaultText: "GPT-4's training compute (Epoch's estimate, data/models.yaml)",
      description: 'training compute of the fixed run',
    },
    {
      name: 'count',
      type: 'quantity',
      dimension: 'count',
      example: '16,384',
      bounds: { min: 1, integer: true },
      defaultText: `${formatQuantity(REFERENCE_COUNT, 'count')} (Llama 3's scale)`,
      description: 'accelerators in the training run (sets MFU and goodput at scale)',
    },
    { ...SERVING_INPUTS[0], default: 'llama-3.3-70b' } as InputSpec,
    ...SERVING_INPUTS.slice(1),
    ...COSTING_INPUTS.filter((s) => !PER_GENERATION.has(s.name)),
    ...utilizationInputs(),
    UTILIZATION_INPUT,
    {
      name: 'claimed_decline',
      type: 'quantity',
      dimension: 'fraction',
      example: '75%',
      bounds: { min: 0, max: 0.99 },
      defaultText: "75%, ARK Invest's training-cost decline a year",
      description: 'yearly decline in training cost the verdict is set against',
    },
  ],
  outputs: [
    money('training_cost_first', 'Training cost, first generation', 'ownership cost of the fixed run'),
    money('training_cost_last', 'Training cost, last generation', 'ownership cost of the fixed run'),
    decline('training_cost_decline', 'Training cost decline a year'),
    money('token_price_first', 'Price per million tokens, first', 'break-even, output tokens'),
    money('token_price_last', 'Price per million tokens, last', 'break-even, output tokens'),
    decline('token_price_decline', 'Token price decline a year'),
    money(
      'token_energy_last',
      'Electricity per million tokens, last',
      'the floor under the last price: its energy alone',
    ),
    {
      name: 'algorithm_decline_needed',
      dimension: 'fraction',
      label: 'Decline left to algorithms',
      description:
        'yearly decline algorithms must add for the claimed decline: 1 − (1 − claimed) / (1 − hardware)',
    },
  ],
  breakdown: {
    title: 'The same run and the same tokens, generation by generation',
    label: 'Accelerator',
    columns: [
      { name: 'year', dimension: 'year', label: 'Year', description: 'first volume' },
      {
        name: 'cost_per_hour',
        dimension: 'money_per_hour',
        label: 'Cost per hour',
        description: 'ownership, per accelerator',
      },
      { name: 'training_cost', dimension: 'money', label: 'Training cost', description: 'of the fixed run' },
      {
        name: 'token_price',
        dimension: 'money',
        label: 'Per million tokens',
        description: 'break-even price',
      },
      { name: 'tp', dimension: 'count', label: 'TP', description: 'accelerators per replica' },
    ],
  },
  compute(ctx) {
    const precision = ctx.text('precision') as Precision;
    const gpt4 = ctx.catalog.model('gpt-4').trainingCompute;
    const flop = ctx.number('training_flop', () =>
      gpt4
        ? {
            value: gpt4.value,
            origin: 'catalog',
            via: 'gpt-4',
            source: gpt4.source.title,
            estimate: gpt4.estimate,
          }
        : ctx.fail('training_flop', 'is needed: the catalog has no training compute for gpt-4'),
    );
    const count = ctx.number('count', () => ({ value: REFERENCE_COUNT, origin: 'default' }));
    const claimed = ctx.number('claimed_decline', () => ({ value: 0.75, origin: 'default', source: ARK }));
    const model = withContext(ctx.label('model'), () => ctx.catalog.model(ctx.text('model')));
    const shape = requestShape(ctx, model);
    const achieved = utilizationOf(ctx).at(count);
    if (!ctx.has('mfu'))
      ctx.provenance('mfu', { value: achieved.mfu, dimension: 'fraction', origin: 'solved' });
    if (!ctx.has('goodput'))
      ctx.provenance('goodput', { value: achieved.goodput, dimension: 'fraction', origin: 'solved' });
    const points = generations(ctx, precision).map((accelerator) => {
      const peak = accelerator.dense[precision]?.value as number;
      const hourly = clusterEconomics(
        clusterSpecOf(ctx, accelerator, 1, peak, 'catalog'),
      ).costPerAcceleratorHour;
      const perAccelerator = effectiveThroughput(1, peak, achieved.mfu, achieved.goodput);
      const run = solveTrainingRun({ flop, count }, () => perAccelerator) as {
        count: number;
        duration: number;
      };
      const training = runCost(run, hourly).cost;
      const { spec, served } = serveReplica(
        ctx,
        model,
        acceleratorHardware(accelerator, peak),
        precision,
        shape,
      );
      const replica = clusterEconomics(clusterSpecOf(ctx, accelerator, spec.tp, peak, 'catalog'));
      const tokens = tokensPerYear(served.outputThroughput, ctx.number('utilization'));
      const perOutput = perToken(replica, tokens);
      const token = perOutput.cost * 1e6;
      const energy = perOutput.energy * ctx.number('electricity_price') * 1e6;
      ctx.row(accelerator.id, {
        year: accelerator.year,
        cost_per_hour: hourly,
        training_cost: training,
        token_price: token,
        tp: spec.tp,
      });
      return { accelerator, training, token, energy };
    });
    if (typeof ctx.given.batch !== 'number')
      ctx.provenance('batch', { value: 'by generation', origin: 'solved', via: 'max' });
    const first = points[0] as (typeof points)[number];
    const last = points[points.length - 1] as (typeof points)[number];
    const declineOf = (key: 'training' | 'token') =>
      annualDecline(
        logLinearSlope(points.map((p) => ({ year: p.accelerator.year, value: p[key] }))) as number,
      );
    const trainingDecline = declineOf('training');
    const tokenDecline = declineOf('token');
    const needed = remainingDecline(claimed, trainingDecline);
    const pct = (x: number) => formatQuantity(x, 'fraction');
    const span = `${first.accelerator.id} (${first.accelerator.year}) to ${last.accelerator.id} (${last.accelerator.year})`;
    ctx.note(
      `Hardware alone lowers the cost of a fixed ${formatQuantity(flop, 'flop')} run by ${pct(trainingDecline)} a year, ${span}: ${formatQuantity(first.training, 'money')} to ${formatQuantity(last.training, 'money')}. ` +
        (needed > 0
          ? `A ${pct(claimed)} yearly decline needs algorithms to cut another ${pct(needed)} a year (the same skill for fewer FLOP).`
          : `That alone meets a ${pct(claimed)} yearly decline.`),
    );
    ctx.note(
      `The break-even price of a million ${model.id} output tokens falls ${pct(tokenDecline)} a year, ${formatQuantity(first.token, 'money')} to ${formatQuantity(last.token, 'money')}, but not toward zero: each generation lowers it only as far as its FLOP and bandwidth per dollar and per watt rise, and of the last ${formatQuantity(last.token, 'money')}, ${formatQuantity(last.energy, 'money')} is electricity and the rest capital and upkeep.` +
        (Math.abs(tokenDecline - trainingDecline) < 1e-6
          ? ` At the throughput-optimal batch serving is bound by compute, as training is, so it falls as the run’s cost does; a small fixed ${ctx.label('batch')} lets memory bandwidth count.`
          : ''),
    );
    ctx.note(
      'Hardware only: the run and the model are held fixed, so better algorithms, distillation and cheaper models are outside these figures; prices are catalog list prices, not what hyperscalers pay.',
    );
    return {
      training_cost_first: first.training,
      training_cost_last: last.training,
      training_cost_decline: trainingDecline,
      token_price_first: first.token,
      token_price_last: last.token,
      token_price_decline: tokenDecline,
      token_energy_last: last.energy,
      algorithm_decline_needed: needed,
    };
  },
};
