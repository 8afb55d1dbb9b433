import type { Catalog } from '../catalog/catalog.js';
import { CONTROL_SPECS } from '../scenario/assumption-units.js';
import type { ParsedScenario } from '../scenario/inputs.js';
import { median, quantile } from '../uncertainty/distributions.js';
import { parseDistribution } from '../uncertainty/parse.js';

export interface Control {
  key: string;
  label: string;
  /** The median in display units, for the slider. */
  value: number;
  min: number;
  max: number;
  step: number;
  prefix: string;
  suffix: string;
  /** What the scenario (or the user's edit) says, as text; empty when the default applies. */
  written: string;
  /** True when the value is a distribution, not a single number. */
  uncertain: boolean;
  /** What an empty box means, when not the slider's value: "from the run's size". */
  unsetMeans?: string | undefined;
}

const round = (x: number) => Number(x.toPrecision(4));

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return round((f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power);
}

/** Slider settings for each control: the value now, and a range around the catalog's. */
export function scenarioControls(
  parsed: ParsedScenario,
  catalog: Catalog,
  written: Record<string, string>,
): Control[] {
  const given = parsed.scenario.assumptions as Record<string, Parameters<typeof median>[0] | undefined>;
  return CONTROL_SPECS.map((spec) => {
    const assumption = spec.catalog ? catalog.assumptions[spec.catalog] : undefined;
    const distribution = given[spec.key];
    const si = distribution ? median(distribution) : (assumption?.value ?? spec.fallback ?? 0);
    let [low, high] = [si * 0.5, si * 1.5];
    if (assumption?.range) {
      const range = parseDistribution(assumption.range, spec.dimension);
      [low, high] = [quantile(range, 0.05) * 0.75, quantile(range, 0.95) * 1.25];
    }
    if (distribution)
      [low, high] = [
        Math.min(low, quantile(distribution, 0.05)),
        Math.max(high, quantile(distribution, 0.95)),
      ];
    const value = round(si * spec.scale);
    const lowest = Math.min(Math.max(spec.floor ?? Number.NEGATIVE_INFINITY, low * spec.scale), value);
    const highest = Math.max(Math.min(spec.ceiling ?? Number.POSITIVE_INFINITY, high * spec.scale), value);
    const step = niceStep((highest - lowest) / 200);
    // Ends on whole steps, so round values such as 1.5 sit exactly on the slider.
    const min = round(Math.floor(lowest / step) * step);
    const max = round(Math.ceil(highest / step) * step);
    return {
      key: spec.key,
      label: spec.label,
      value,
      min,
      max,
      step,
      prefix: spec.prefix,
      suffix: spec.suffix,
      written: written[spec.key] ?? '',
      uncertain: distribution !== undefined && distribution.kind !== 'point',
      unsetMeans: spec.unsetMeans,
    };
  });
}
