import { z } from 'zod';
import { PRECISIONS } from '../catalog/types.js';
import { median } from '../uncertainty/distributions.js';
import { MONTH, monthIndex } from './months.js';
import {
  atMost,
  fraction,
  monthSchema,
  positive,
  quantity,
  SCENARIO_LIMITS,
  yearlyChange,
} from './schema-numbers.js';

export { monthSchema, SCENARIO_LIMITS, uncertainNumberInfo } from './schema-numbers.js';

/**
 * The scenario file format. One zod schema is the source of truth: the loader validates
 * with it and `gigawatt schema scenario` prints the JSON Schema generated from it.
 * Quantities are written as people write them ("1.2 GW", "$100B", "5 years").
 */

const commitmentSchema = z.union([
  z.strictObject({
    amount: positive('money', 'Capital released at once, e.g. "$100B".'),
    at: monthSchema,
  }),
  z.strictObject({
    amount: positive('money', 'Capital released evenly over the months from `from` to `to`.'),
    from: monthSchema,
    to: monthSchema,
  }),
  z.strictObject({
    per_year: positive(
      'money',
      'Capital released each year from `from` to `to`, a twelfth a month, e.g. "$700B".',
    ),
    from: monthSchema,
    to: monthSchema,
    growth: yearlyChange('Yearly growth of the amount after the first year, e.g. "15%".').optional(),
  }),
]);

const programSchema = z.strictObject({
  name: z.string().min(1),
  commitments: atMost(z.array(commitmentSchema), SCENARIO_LIMITS.commitments, 'commitments').default([]),
  per_gw: z
    .strictObject({
      amount: positive('money', 'Capital released for each GW of facility power deployed, e.g. "$10B".'),
      up_to: positive('money', 'Cap on the capital released this way.').optional(),
    })
    .optional()
    .describe(
      'Capital released progressively as capacity is deployed (e.g. NVIDIA investing as each GW comes online).',
    ),
});

const rampPointSchema = z.strictObject({
  at: monthSchema,
  power: quantity('power', 'Facility power available at the meter by this month, e.g. "1.2 GW".'),
});

const rampSchema = (description: string) =>
  atMost(z.array(rampPointSchema).min(1), SCENARIO_LIMITS.rampPoints, 'ramp points').describe(description);

/** How a site's power is brought online: a mix of the sources in data/power.yaml. */
const sitePowerSchema = z.strictObject({
  mix: z
    .record(z.string(), fraction('Share of the power from this source.'))
    .optional()
    .describe(
      'Share of the power from each source of data/power.yaml, adding up to 100%, e.g. {grid: 60%, gas-cc: 40%}. Without a mix (and without a request), power comes from every source given a share, each as much as its share allows.',
    ),
  share: z
    .union([
      fraction("Share of the world's yearly build of every source this site can get."),
      z.record(z.string(), fraction("Share of the world's yearly build of this source this site can get.")),
    ])
    .optional()
    .describe(
      "Share of the world's yearly build of each source this site can get, one for all or one per source; by default the assumption power_build_share.",
    ),
  growth: yearlyChange('Yearly growth of the world\'s build of each source, e.g. "5%".').optional(),
  ordered: monthSchema
    .optional()
    .describe("Month the power is ordered (lead times count from here); by default the scenario's start."),
});

const siteSchema = z
  .strictObject({
    name: z.string().min(1),
    ramp: rampSchema(
      'Facility power delivered over time; linear between points, flat after the last, zero before the first.',
    ).optional(),
    request: rampSchema(
      'Facility power wanted over time (with `power`): it arrives after lead times, within the build capacity.',
    ).optional(),
    power: sitePowerSchema
      .optional()
      .describe(
        'Bring power online from a mix of sources. With `request`, power follows the request; without, it follows the accelerators bought.',
      ),
  })
  .superRefine((site, ctx) => {
    const issue = (message: string, key: string) => ctx.addIssue({ code: 'custom', path: [key], message });
    if (site.ramp && (site.request || site.power))
      issue('give either a delivered ramp, or a request with a power mix, not both', 'ramp');
    else if (site.request && !site.power)
      issue('a request needs a power mix to be delivered from', 'request');
    else if (!site.ramp && !site.power)
      issue('give a delivered ramp, or a power mix (with or without a request)', 'name');
    else if (site.request && !site.power?.mix)
      issue('a request needs a mix saying where its power comes from', 'power');
  });

const fleetEntrySchema = z.strictObject({
  accelerator: z.string().min(1).describe('Accelerator id from the catalog.'),
  line: z
    .string()
    .min(1)
    .optional()
    .describe('World scenarios: the vendor line (e.g. "NVIDIA") whose output this generation continues.'),
  from: monthSchema.describe('First month this generation is bought.'),
  to: monthSchema.optional().describe('Last month it is bought; by default until the next entry starts.'),
  target: positive(
    'count',
    'Stop buying this generation once this many are installed (e.g. a roadmap target).',
  ).optional(),
  price: positive(
    'money',
    "Price per accelerator with its server share; by default the catalog's.",
  ).optional(),
  price_change: yearlyChange(
    'Yearly change of the price since the accelerator\'s catalog year, e.g. "-15%".',
  ).optional(),
  flops_growth: yearlyChange(
    'Yearly growth of FLOP/s per accelerator since its catalog year: later generations of the same class.',
  ).optional(),
});

const assumptionsSchema = z
  .strictObject({
    pue: quantity('ratio', 'Facility power / IT power.', { min: 1 }),
    electricity_price: quantity('energy_price', 'e.g. "$0.08/kWh".'),
    facility_capex: quantity(
      'capex_per_power',
      'Building, power and cooling capex per IT watt, e.g. "$14M/MW".',
    ),
    hardware_lifetime: positive('time', 'Years an accelerator serves before it is retired and paid off.'),
    facility_lifetime: positive('time', 'Years over which the building is paid off.'),
    cost_of_capital: fraction('Annual cost of capital.'),
    upkeep: fraction('Annual upkeep as a share of capex.'),
    load_factor: fraction('Average IT power as a share of peak.'),
    mfu: fraction('Model FLOP utilization of training runs (BF16).'),
    goodput: fraction('Share of wall-clock time a training run makes progress.'),
    training_run: positive('time', 'Length of the largest single-site training run, e.g. "100 days".'),
    reference_model: z.string().describe('Model id used to count inference tokens per year.'),
    serving_precision: z.enum(PRECISIONS).describe('Precision the reference model is served at.'),
    serving_utilization: fraction('Share of hours the fleet serves at full throughput, for tokens per year.'),
  })
  .partial()
  .default({});

const correlationSchema = z.strictObject({
  a: z.string().describe('Path of an uncertain number, e.g. "assumptions.pue" or "fleet[0].price".'),
  b: z.string(),
  rho: z.number().gt(-1).lt(1).describe('Target Spearman rank correlation.'),
});

const supplySchema = z
  .strictObject({
    share: fraction('Share of global AI accelerator output this program can buy, e.g. "30%".').optional(),
    growth: yearlyChange('Yearly growth of global output beyond the last data point, e.g. "40%".').optional(),
    fabs: z
      .strictObject({
        capital: positive('money', 'Capital for new fabs, packaging and HBM capacity, e.g. "$7T".'),
        from: monthSchema,
        to: monthSchema,
        lead_time: positive('time', 'Time from spending to output, e.g. "3 years" for a fab.'),
      })
      .optional()
      .describe('New chip-making capacity the program builds itself; its output adds to the share.'),
  })
  .refine((v) => v.share !== undefined || v.fabs !== undefined, {
    message: 'give a share of global output, fabs, or both',
  });

const worldSchema = z.strictObject({
  history: z
    .int()
    .optional()
    .describe(
      'Last year of data/shipments.yaml whose shipments are installed as shipped; by default its last year.',
    ),
  lines: atMost(
    z.array(
      z.strictObject({
        vendor: z.string().min(1).describe('An accelerator vendor of the catalog, e.g. "NVIDIA".'),
        growth: yearlyChange(
          "Yearly growth of this line's output after the history, instead of following packaging and HBM capacity.",
        ).optional(),
      }),
    ),
    SCENARIO_LIMITS.fleet,
    'lines',
  ).default([]),
  packaging_growth: yearlyChange(
    'Yearly growth of CoWoS capacity after the last figure of data/supply.yaml, e.g. "10% to 30%".',
  ),
  hbm_growth: yearlyChange('Yearly growth of HBM output after the last figure of data/supply.yaml.'),
});

const claimSchema = z.strictObject({
  text: z.string().min(1).describe('The claim in words.'),
  year: z
    .int()
    .describe(
      'The year whose end state (or total) is compared; with `first`, the year it should be reached by.',
    ),
  first: z
    .boolean()
    .optional()
    .describe('Ask in which year the output first reaches the value (e.g. 52 GW of power added a year).'),
  output: z.string().describe('A yearly output, e.g. facility_power, peak_flops_bf16, cumulative_capex.'),
  value: z.union([z.string(), z.number()]).describe('The claimed figure with its unit, e.g. "52 GW".'),
  tolerance: z
    .string()
    .regex(/^(\d+(\.\d+)?%|[x×]\d+(\.\d+)?)$/, 'write a tolerance as "10%" or "x2"')
    .optional(),
});

export const scenarioSchema = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    claim: z.string().optional().describe('What the scenario tests, in the words of its source.'),
    sources: z.array(z.strictObject({ title: z.string().min(1), url: z.url().optional() })).default([]),
    span: z.strictObject({ start: monthSchema, end: monthSchema }),
    assumptions: assumptionsSchema,
    programs: atMost(z.array(programSchema), SCENARIO_LIMITS.programs, 'programs')
      .default([])
      .describe('Capital; without programs capital does not bind.'),
    sites: atMost(z.array(siteSchema), SCENARIO_LIMITS.sites, 'sites')
      .default([])
      .describe('Power; without sites power does not bind.'),
    fleet: atMost(z.array(fleetEntrySchema).min(1), SCENARIO_LIMITS.fleet, 'fleet entries').describe(
      'Which accelerators are bought when.',
    ),
    supply: supplySchema.optional().describe('Supply; without it supply does not bind.'),
    world: worldSchema
      .optional()
      .describe(
        "The world's build-out: shipments as shipped through the history, then each vendor line's output from packaging and HBM capacity.",
      ),
    claims: atMost(z.array(claimSchema), SCENARIO_LIMITS.claims, 'claims')
      .default([])
      .describe('Claimed figures to hold against the run.'),
    uncertainty: z
      .strictObject({
        correlations: atMost(
          z.array(correlationSchema),
          SCENARIO_LIMITS.correlations,
          'correlations',
        ).default([]),
      })
      .optional()
      .describe('Rank correlations between uncertain numbers (a Gaussian copula).'),
  })
  .superRefine((s, ctx) => {
    // Refinements can run even when a month failed its format check; compare only valid ones.
    const validMonth = (text: string) => (MONTH.test(text) ? monthIndex(text) : Number.NaN);
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (validMonth(s.span.end) < validMonth(s.span.start)) issue(['span', 'end'], 'ends before it starts');
    const years = (validMonth(s.span.end) - validMonth(s.span.start) + 1) / 12;
    if (years > SCENARIO_LIMITS.years)
      issue(
        ['span', 'end'],
        `a scenario spans at most ${SCENARIO_LIMITS.years} years; this one spans ${Math.ceil(years)}`,
      );
    for (const [i, site] of s.sites.entries()) {
      for (const key of ['ramp', 'request'] as const) {
        const points = site[key] ?? [];
        for (const [j, point] of points.entries()) {
          const previous = points[j - 1];
          if (previous && validMonth(point.at) <= validMonth(previous.at)) {
            issue(
              ['sites', i, key, j, 'at'],
              `goes backwards in time: ${point.at} is not after ${previous.at}`,
            );
          }
          // Power once ordered is not un-ordered: a request only grows.
          if (key === 'request' && previous && median(point.power) < median(previous.power))
            issue(
              ['sites', i, key, j, 'power'],
              'goes backwards: a request for power cannot fall below what was requested before',
            );
        }
      }
      const mix = site.power?.mix;
      if (mix) {
        const total = Object.values(mix).reduce((sum, d) => sum + median(d), 0);
        if (Math.abs(total - 1) > 0.005)
          issue(
            ['sites', i, 'power', 'mix'],
            `shares add up to ${Math.round(total * 1000) / 10}%; they must add up to 100%`,
          );
      }
    }
    for (const [i, program] of s.programs.entries()) {
      for (const [j, c] of program.commitments.entries()) {
        if ('to' in c && validMonth(c.to) < validMonth(c.from)) {
          issue(['programs', i, 'commitments', j, 'to'], 'ends before it starts');
        }
      }
    }
    // Generations follow each other within a line (a program's fleet is one line).
    const lines = new Set(s.world?.lines.map((l) => l.vendor));
    s.fleet.forEach((entry, i) => {
      const previous = s.fleet
        .slice(0, i)
        .reverse()
        .find((f) => f.line === entry.line);
      if (previous && validMonth(entry.from) < validMonth(previous.from)) {
        issue(['fleet', i, 'from'], `goes backwards in time: ${entry.from} is before ${previous.from}`);
      }
      if (entry.to && validMonth(entry.to) < validMonth(entry.from))
        issue(['fleet', i, 'to'], 'ends before it starts');
      if (entry.line !== undefined && !s.world)
        issue(['fleet', i, 'line'], 'lines are for world scenarios (those with a `world` section)');
      else if (s.world && entry.line === undefined)
        issue(['fleet', i], `in a world scenario each fleet entry names its line (${[...lines].join(', ')})`);
      else if (s.world && entry.line !== undefined && !lines.has(entry.line))
        issue(['fleet', i, 'line'], `'${entry.line}' is not one of world.lines (${[...lines].join(', ')})`);
    });
    s.world?.lines.forEach((line, i) => {
      if (!s.fleet.some((f) => f.line === line.vendor))
        issue(['world', 'lines', i, 'vendor'], `no fleet entry continues the ${line.vendor} line`);
    });
  });

export type Scenario = z.output<typeof scenarioSchema>;

/** The JSON Schema editors use to complete and check scenario files. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}
