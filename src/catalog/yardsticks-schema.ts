import { z } from 'zod';
import { figureSchema, type RawFigure, resolveFigure, sourceList, sourcesSchema } from './figures.js';
import type { Yardsticks } from './yardsticks.js';

/** data/yardsticks.yaml as written, validated and resolved into the catalog's Yardsticks. */
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and dashes');
const year = z.int().min(1800).max(2100);

export const yardsticksFileSchema = z
  .strictObject({
    sources: sourcesSchema,
    gdp: z.array(z.strictObject({ year, value: figureSchema('money') })).min(1),
    programs: z.array(
      z.strictObject({
        id,
        name: z.string().min(1),
        start: year,
        end: year,
        cost: figureSchema('money'),
        peak_year: year,
        peak_share: figureSchema('fraction'),
      }),
    ),
    deals: z.array(
      z.strictObject({
        id,
        name: z.string().min(1),
        value: figureSchema('money').optional(),
        years: figureSchema('time').optional(),
        start: figureSchema('year').optional(),
        power: figureSchema('power').optional(),
        build_time: figureSchema('time').optional(),
        install_time: figureSchema('time').optional(),
      }),
    ),
    rental: z.array(
      z.strictObject({ accelerator: z.string().min(1), hourly_price: figureSchema('money_per_hour') }),
    ),
    efficiency: z.strictObject({
      landauer: figureSchema('energy'),
      cmos_limit: figureSchema('energy_per_flop'),
      green500_best: figureSchema('energy_per_flop'),
      neuromorphic_best: figureSchema('energy_per_flop'),
      rain_compute_claim: figureSchema('ratio'),
      rain_efficiency_claim: figureSchema('ratio'),
    }),
    grids: z
      .array(z.strictObject({ id, name: z.string().min(1), electricity: figureSchema('energy') }))
      .min(1),
    homes: z.strictObject({
      solar_yield_us: figureSchema('energy'),
      solar_yield_germany: figureSchema('energy'),
      household_use: figureSchema('energy'),
    }),
  })
  .transform((raw, ctx): Yardsticks => {
    const figure = (f: RawFigure<number>, path: PropertyKey[]) => resolveFigure(f, raw.sources, path, ctx);
    const optional = (f: RawFigure<number> | undefined, path: PropertyKey[]) =>
      f === undefined ? undefined : figure(f, path);
    raw.gdp.forEach((g, i) => {
      const previous = raw.gdp[i - 1];
      if (previous && g.year <= previous.year)
        ctx.addIssue({
          code: 'custom',
          path: ['gdp', i, 'year'],
          message: `years must increase: ${g.year} after ${previous.year}`,
        });
    });
    raw.programs.forEach((p, i) => {
      if (!(p.start <= p.peak_year && p.peak_year <= p.end))
        ctx.addIssue({
          code: 'custom',
          path: ['programs', i, 'peak_year'],
          message: `expected a peak year between ${p.start} and ${p.end}`,
        });
    });
    const e = raw.efficiency;
    return {
      gdp: raw.gdp.map((g, i) => ({ year: g.year, value: figure(g.value, ['gdp', i, 'value']) })),
      programs: raw.programs.map((p, i) => ({
        id: p.id,
        name: p.name,
        start: p.start,
        end: p.end,
        cost: figure(p.cost, ['programs', i, 'cost']),
        peakYear: p.peak_year,
        peakShare: figure(p.peak_share, ['programs', i, 'peak_share']),
      })),
      deals: raw.deals.map((d, i) => ({
        id: d.id,
        name: d.name,
        value: optional(d.value, ['deals', i, 'value']),
        years: optional(d.years, ['deals', i, 'years']),
        start: optional(d.start, ['deals', i, 'start']),
        power: optional(d.power, ['deals', i, 'power']),
        buildTime: optional(d.build_time, ['deals', i, 'build_time']),
        installTime: optional(d.install_time, ['deals', i, 'install_time']),
      })),
      rental: raw.rental.map((r, i) => ({
        accelerator: r.accelerator,
        hourlyPrice: figure(r.hourly_price, ['rental', i, 'hourly_price']),
      })),
      efficiency: {
        landauer: figure(e.landauer, ['efficiency', 'landauer']),
        cmosLimit: figure(e.cmos_limit, ['efficiency', 'cmos_limit']),
        green500Best: figure(e.green500_best, ['efficiency', 'green500_best']),
        neuromorphicBest: figure(e.neuromorphic_best, ['efficiency', 'neuromorphic_best']),
        rainComputeClaim: figure(e.rain_compute_claim, ['efficiency', 'rain_compute_claim']),
        rainEfficiencyClaim: figure(e.rain_efficiency_claim, ['efficiency', 'rain_efficiency_claim']),
      },
      grids: raw.grids.map((g, i) => ({
        id: g.id,
        name: g.name,
        electricity: figure(g.electricity, ['grids', i, 'electricity']),
      })),
      homes: {
        solarYieldUs: figure(raw.homes.solar_yield_us, ['homes', 'solar_yield_us']),
        solarYieldGermany: figure(raw.homes.solar_yield_germany, ['homes', 'solar_yield_germany']),
        householdUse: figure(raw.homes.household_use, ['homes', 'household_use']),
      },
      sources: sourceList(raw.sources),
    };
  });
