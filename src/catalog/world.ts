import type { DatedSeries } from './series.js';

/** One year of the world's AI build-out at its medians, the figures programs are held against. */
export interface WorldYear {
  year: number;
  accelerators: number;
  accelerators_added: number;
  h100e: number;
  h100e_added: number;
  facility_power: number;
  power_added: number;
  /** Facility power of the year's installs, before retirements: with h100e_added, the year's new hardware. */
  power_installed: number;
  energy: number;
  capex: number;
  cumulative_capex: number;
  /** What bound most in the year. */
  binding: string;
}

/** The shipped world scenario (scenarios/world.yaml) run at its medians, stored with the catalog. */
export interface WorldBaseline {
  file: string;
  name: string;
  years: WorldYear[];
}

/** The world's yearly output of AI accelerators as a series at each year's end (what programs take a share of). */
export function worldOutput(world: WorldBaseline): DatedSeries {
  return {
    points: world.years.map((y) => ({
      month: y.year * 12 + 11,
      value: y.accelerators_added,
      figure: {
        value: y.accelerators_added,
        source: { key: 'world', title: `${world.file} at its medians` },
        estimate: true,
      },
    })),
  };
}

/** The yearly outputs a world baseline keeps. */
export const WORLD_OUTPUTS = [
  'accelerators',
  'accelerators_added',
  'h100e',
  'h100e_added',
  'facility_power',
  'power_added',
  'power_installed',
  'energy',
  'capex',
  'cumulative_capex',
] as const satisfies ReadonlyArray<keyof WorldYear>;

export type WorldOutput = (typeof WORLD_OUTPUTS)[number];

/**
 * A figure as a share of the world's that year: undefined where the baseline has no such
 * output, no such year, or the world adds nothing.
 */
export function shareOfWorld(
  world: WorldBaseline,
  output: string,
  year: number,
  value: number,
): number | undefined {
  if (!(WORLD_OUTPUTS as readonly string[]).includes(output)) return undefined;
  const whole = world.years.find((y) => y.year === year)?.[output as WorldOutput];
  return whole !== undefined && whole > 0 ? value / whole : undefined;
}
