import { type KnownRun, largestRunBy } from '../catalog/frontier.js';
import { withContext } from '../errors.js';
import { growthFactors, type RunHardware, runUtilization } from '../model/compute-growth.js';
import { annualFactor } from '../model/trend.js';
import { formatFactor, formatQuantity } from '../units/format.js';
import type { Calculator, CalculatorContext, InputSpec } from './types.js';

/**
 * How much the largest training run grew between two years (data/frontier.yaml), and
 * where the growth came from: the chip, the number of chips, the run's length, and the
 * rest as utilization.
 */

const yearInput = (name: string, fallback: number, description: string): InputSpec => ({
  name,
  type: 'quantity',
  dimension: 'year',
  example: String(fallback),
  bounds: { min: 1950, max: 2100, integer: true },
  defaultText: String(fallback),
  description,
});

/** The run's chips, peak per chip and length, when data/frontier.yaml has all three. */
function hardwareOf(ctx: CalculatorContext, run: KnownRun): RunHardware | undefined {
  const chips = run.chips?.value;
  const duration = run.duration?.value;
  const peak = run.accelerator
    ? withContext(`data/frontier.yaml run '${run.id}'`, () =>
        ctx.catalog.accelerator(run.accelerator as string),
      ).dense[run.precision]?.value
    : run.chipPeak?.value;
  if (chips === undefined || duration === undefined || peak === undefined) return undefined;
  return { flop: run.compute.value, chips, chipPeak: peak, duration };
}

const describeRun = (run: KnownRun) => `${run.name} (${run.date})`;

/** The largest run done by a year, recorded with its source, or a sentence naming the input. */
function largestBy(ctx: CalculatorContext, name: string, year: number, withHardware: boolean) {
  const run = largestRunBy(
    ctx.catalog.frontier,
    year,
    (r) => !withHardware || hardwareOf(ctx, r) !== undefined,
  );
  if (!run) {
    const what = withHardware ? 'training run with chips, chip peak and days' : 'training run';
    return ctx.fail(name, `${year}: data/frontier.yaml has no ${what} done by then`);
  }
  return { run, hardware: hardwareOf(ctx, run) };
}

const ratio = (name: string, label: string, description: string) =>
  ({ name, dimension: 'ratio', label, description }) as const;

export const computeGrowth: Calculator = {
  name: 'compute-growth',
  example: { from: '2014', to: '2024' },
  title: 'Compute growth: how much the largest training run grew, and from what',
  description:
    'The largest training run done by one year over the largest done by an earlier one (data/frontier.yaml, Epoch AI figures), per year, and split into the chip (peak FLOP/s per chip), the number of chips, the run length and the rest (utilization), using the largest runs with published hardware.',
  inputs: [
    yearInput('from', 2014, 'the earlier year: its largest run done by the end of it'),
    yearInput('to', 2024, 'the later year: its largest run done by the end of it'),
    {
      name: 'claimed_growth',
      type: 'quantity',
      dimension: 'ratio',
      example: '1,000,000',
      bounds: { min: 0, exclusiveMin: true },
      defaultText: '1,000,000 (Jensen Huang: AI compute a million times in ten years)',
      description: 'the growth the verdict is set against',
    },
  ],
  outputs: [
    ratio(
      'growth',
      'Growth of the largest run',
      'compute of the largest run by the later year over that by the earlier',
    ),
    ratio('annual_growth', 'Growth per year', 'growth ^ (1 / (to − from))'),
    ratio('chip_factor', 'From the chip', 'peak FLOP/s per chip, at the runs’ precision'),
    ratio('count_factor', 'From the chip count', 'chips in the run'),
    ratio('duration_factor', 'From the run length', 'wall-clock days'),
    ratio(
      'utilization_factor',
      'From utilization and the rest',
      'growth over the other three factors: achieved over peak FLOP, and any gap between the largest runs and the runs with hardware data',
    ),
    {
      name: 'from_run_compute',
      dimension: 'flop',
      label: 'Largest run by the earlier year',
      description: 'training FLOP',
    },
    {
      name: 'to_run_compute',
      dimension: 'flop',
      label: 'Largest run by the later year',
      description: 'training FLOP',
    },
  ],
  breakdown: {
    title: 'The runs whose hardware splits the growth',
    label: 'Run',
    columns: [
      { name: 'compute', dimension: 'flop', label: 'Compute', description: 'training FLOP' },
      { name: 'chips', dimension: 'count', label: 'Chips', description: 'accelerators in the run' },
      {
        name: 'chip_peak',
        dimension: 'flops',
        label: 'Peak per chip',
        description: 'dense, at the run’s precision',
      },
      { name: 'duration', dimension: 'time', label: 'Length', description: 'wall-clock' },
      {
        name: 'utilization',
        dimension: 'fraction',
        label: 'Utilization',
        description: 'compute ÷ (chips × peak × length)',
      },
    ],
  },
  compute(ctx) {
    const from = ctx.number('from', () => ({ value: 2014, origin: 'default' }));
    const to = ctx.number('to', () => ({ value: 2024, origin: 'default' }));
    if (from >= to) return ctx.fail('from', `${from} must be before ${ctx.label('to')} ${to}`);
    const first = largestBy(ctx, 'from', from, false).run;
    const last = largestBy(ctx, 'to', to, false).run;
    const a = largestBy(ctx, 'from', from, true);
    const b = largestBy(ctx, 'to', to, true);
    const fromHardware = a.hardware as RunHardware;
    const toHardware = b.hardware as RunHardware;
    const growth = last.compute.value / first.compute.value;
    const factors = growthFactors(fromHardware, toHardware, growth);
    for (const [run, hardware] of [
      [a.run, fromHardware],
      [b.run, toHardware],
    ] as const) {
      ctx.row(describeRun(run), {
        compute: hardware.flop,
        chips: hardware.chips,
        chip_peak: hardware.chipPeak,
        duration: hardware.duration,
        utilization: runUtilization(hardware),
      });
    }
    const annual = annualFactor(growth, to - from);
    for (const [name, year, largest, split] of [
      ['from', from, first, a.run],
      ['to', to, last, b.run],
    ] as const) {
      const sources = [...new Set([largest.compute.source.title, split.compute.source.title])];
      ctx.provenance(name, {
        value: year,
        dimension: 'year',
        origin: ctx.has(name) ? 'given' : 'default',
        via: `largest run done by then: ${describeRun(largest)}; split on ${describeRun(split)}`,
        source: sources.join('; '),
        estimate: largest.compute.estimate || split.compute.estimate,
      });
    }
    const claimed = ctx.number('claimed_growth', () => ({
      value: 1e6,
      origin: 'default',
      via: 'Jensen Huang',
    }));
    ctx.note(
      `The largest run grew ${formatFactor(growth)} from ${from} to ${to}, from ${describeRun(first)} to ${describeRun(last)}, about ${formatFactor(annual)} a year: ${formatQuantity(growth / claimed, 'fraction')} of the claimed ${formatFactor(claimed)}, counted as the training compute of the largest run.`,
    );
    const standIns = [a.run.id !== first.id ? a.run : undefined, b.run.id !== last.id ? b.run : undefined]
      .filter((r): r is KnownRun => r !== undefined)
      .map(describeRun);
    ctx.note(
      `Split on ${describeRun(a.run)} and ${describeRun(b.run)}: the chip gives ${formatFactor(factors.chip)}, the chip count ${formatFactor(factors.count)}, the run length ${formatFactor(factors.duration)}, and utilization and the rest ${formatFactor(factors.utilization)}.` +
        (standIns.length > 0
          ? ` ${standIns.join(' and ')} stand${standIns.length > 1 ? '' : 's'} in for the largest run${standIns.length > 1 ? 's' : ''}, which publish${standIns.length > 1 ? '' : 'es'} no chips, peak and days; the gap between them is in the last factor.`
          : ''),
    );
    return {
      growth,
      annual_growth: annual,
      chip_factor: factors.chip,
      count_factor: factors.count,
      duration_factor: factors.duration,
      utilization_factor: factors.utilization,
      from_run_compute: first.compute.value,
      to_run_compute: last.compute.value,
    };
  },
};
