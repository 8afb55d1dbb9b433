import { latestGdp } from '../catalog/yardsticks.js';
import { atTodaysGdp, shareOfGdp, spendPerYear } from '../model/economy.js';
import { formatQuantity } from '../units/format.js';
import { catalogNumber } from './fleet.js';
import type { Calculator, OutputSpec } from './types.js';

const PROGRAM_COLUMNS: readonly OutputSpec[] = [
  { name: 'cost', dimension: 'money', label: 'Cost', description: 'then-year dollars' },
  {
    name: 'peak_share',
    dimension: 'fraction',
    label: 'Peak share of GDP',
    description: 'its peak year’s spending over that year’s GDP',
  },
  {
    name: 'at_todays_gdp',
    dimension: 'money',
    label: 'Peak, at today’s GDP',
    description: 'the same share of today’s GDP, a year',
  },
  {
    name: 'spend_over_peak',
    dimension: 'ratio',
    label: 'This spend over its peak',
    description: 'this program’s yearly share over its peak share',
  },
];

export const gdpShare: Calculator = {
  name: 'gdp-share',
  example: { spend: '$500B', term: '4 years' },
  title: 'Share of GDP: a program against Apollo, the Manhattan Project and the interstates',
  description:
    "A program's spending per year as a share of US GDP, held against the peak-year shares of the Apollo program, the Manhattan Project and the interstate highway system.",
  inputs: [
    {
      name: 'spend',
      type: 'quantity',
      dimension: 'money',
      example: '$500B',
      bounds: { min: 0, exclusiveMin: true },
      description: 'total spending of the program',
    },
    {
      name: 'term',
      type: 'quantity',
      dimension: 'time',
      example: '4 years',
      bounds: { min: 86_400 },
      description: 'years over which it is spent',
    },
    {
      name: 'gdp',
      type: 'quantity',
      dimension: 'money',
      example: '$29T',
      bounds: { min: 0, exclusiveMin: true },
      defaultText: "the catalog's latest US GDP (data/yardsticks.yaml)",
      description: 'the GDP the spending is measured against',
    },
  ],
  outputs: [
    {
      name: 'spend_per_year',
      dimension: 'money',
      label: 'Spend per year',
      description: 'spread evenly over the term',
    },
    {
      name: 'share_of_gdp',
      dimension: 'fraction',
      label: 'Share of GDP a year',
      description: 'spend per year / GDP',
    },
    {
      name: 'total_share_of_gdp',
      dimension: 'fraction',
      label: 'Total over one year’s GDP',
      description: 'the whole spend / GDP',
    },
    {
      name: 'over_apollo_peak',
      dimension: 'ratio',
      label: 'Over Apollo’s peak',
      description: 'share a year / Apollo’s peak-year share',
    },
    {
      name: 'over_manhattan_peak',
      dimension: 'ratio',
      label: 'Over the Manhattan Project’s peak',
      description: 'share a year / its peak-year share',
    },
  ],
  breakdown: { title: 'Past programs', label: 'Program', columns: PROGRAM_COLUMNS },
  compute(ctx) {
    const { yardsticks } = ctx.catalog;
    const latest = latestGdp(yardsticks);
    const gdp = catalogNumber(ctx, 'gdp', `US GDP ${latest.year}`, latest.value);
    const spend = ctx.number('spend');
    const perYear = spendPerYear(spend, ctx.number('term'));
    const share = shareOfGdp(perYear, gdp);
    const peakOf = (id: string) => yardsticks.programs.find((p) => p.id === id)?.peakShare.value;
    for (const program of yardsticks.programs) {
      ctx.row(program.name, {
        cost: program.cost.value,
        peak_share: program.peakShare.value,
        at_todays_gdp: atTodaysGdp(program.peakShare.value, gdp),
        spend_over_peak: share / program.peakShare.value,
      });
    }
    const apollo = peakOf('apollo');
    const manhattan = peakOf('manhattan');
    const largest = yardsticks.programs.reduce((a, b) => (b.peakShare.value > a.peakShare.value ? b : a));
    ctx.note(
      `${formatQuantity(perYear, 'money')} a year is ${formatQuantity(share, 'fraction')} of GDP; ${largest.name} peaked at ${formatQuantity(largest.peakShare.value, 'fraction')} (${formatQuantity(atTodaysGdp(largest.peakShare.value, gdp), 'money')} a year at today's GDP)`,
    );
    return {
      spend_per_year: perYear,
      share_of_gdp: share,
      total_share_of_gdp: spend / gdp,
      ...(apollo ? { over_apollo_peak: share / apollo } : {}),
      ...(manhattan ? { over_manhattan_peak: share / manhattan } : {}),
    };
  },
};
