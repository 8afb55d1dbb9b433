import { describe, expect, it } from 'vitest';
import type { Accelerator } from '../../src/catalog/types.js';
import type { Generation, TimelineInputs } from '../../src/scenario/inputs.js';
import { runTimeline } from '../../src/scenario/timeline.js';
import { SECONDS_PER_MONTH, SECONDS_PER_YEAR } from '../../src/units/dimensions.js';

const gen: Generation = {
  id: 'chip',
  accelerator: {} as Accelerator,
  from: 0,
  to: 1000,
  since: 0,
  price: 30_000,
  priceChange: 0,
  flopsGrowth: 0,
  itPower: 1000,
  peakBf16: 1e15,
  peakFp8: 2e15,
  h100e: 1.5,
  line: 0,
  tokensPerSecond: 100,
};

function inputs(over: Partial<TimelineInputs> = {}): TimelineInputs {
  return {
    start: 0,
    end: 23,
    assumptions: {
      pue: 1.25,
      electricityPrice: 0.1 / 3.6e6,
      facilityCapexPerItWatt: 10,
      hardwareLifetimeMonths: 12,
      hardwareLifetime: SECONDS_PER_YEAR,
      facilityLifetime: 10 * SECONDS_PER_YEAR,
      costOfCapital: 0,
      upkeep: 0,
      loadFactor: 1,
      mfu: 0.5,
      goodput: 1,
      scale: { exponent: 0.05, mtbf: 5 * SECONDS_PER_YEAR, recoveryTime: 480, failureDomain: 1e5 },
      trainingRun: 1000,
      servingUtilization: 0.5,
    },
    generations: [gen],
    ...over,
  };
}

// Each accelerator draws 1,000 W × 1.25 = 1,250 W and costs $30,000 + 1,000 W × $10/W = $40,000.
const flat = (watts: number) => [{ name: 'site', powerAt: () => watts }];

describe('monthly timeline', () => {
  it('fills the power a site offers, and power binds', () => {
    const months = runTimeline(inputs({ sites: flat(1.25e6) }));
    expect(months[0]?.installs).toBe(1000);
    expect(months[0]?.binding).toBe('power');
    expect(months[1]?.installs).toBe(0);
    expect(months[0]?.powerUsed).toBeCloseTo(1.25e6, 6);
    expect(months[0]?.peakBf16).toBe(1e18);
    expect(months[0]?.peakFp8).toBe(2e18);
    // 1,000 chips of 1.5 H100e each, bought in month 0 and nothing after.
    expect(months[0]?.h100e).toBe(1500);
    expect(months[0]?.h100eAdded).toBe(1500);
    expect(months[1]?.h100eAdded).toBe(0);
    expect(months[1]?.h100e).toBe(1500);
  });

  it('spends what the program releases, and capital binds', () => {
    const months = runTimeline(
      inputs({ sites: flat(1e12), capital: { releasedByMonth: (m) => (m === 0 ? 40e6 : 0) } }),
    );
    expect(months[0]?.installs).toBe(1000);
    expect(months[0]?.binding).toBe('capital');
    expect(months[0]?.cumulativeCapex).toBe(40e6);
    expect(months[0]?.capex).toBe(40e6);
    expect(months[1]?.capex).toBe(0);
    expect(months[5]?.accelerators).toBe(1000);
  });

  it('buys what supply allows each month, and supply binds', () => {
    const months = runTimeline(inputs({ supplyPerMonth: () => 100 }));
    expect(months.slice(0, 12).every((m) => m.installs === 100 && m.binding === 'supply')).toBe(true);
    expect(months[11]?.accelerators).toBe(1200);
  });

  it('retires cohorts after their lifetime and frees their power for replacements', () => {
    const months = runTimeline(inputs({ sites: flat(1.25e6) }));
    expect(months[11]?.accelerators).toBe(1000);
    // Month 12: the first cohort retires and the freed power buys a new one at once.
    expect(months[12]?.installs).toBe(1000);
    expect(months[12]?.cumulativeCapex).toBe(80e6);
  });

  it('accrues energy, opex, tokens and the revenue that pays the fleet back', () => {
    const m = runTimeline(inputs({ sites: flat(1.25e6) }))[0];
    // 1.25 MW × one month; at $0.10/kWh.
    expect(m?.energy).toBeCloseTo(1.25e6 * SECONDS_PER_MONTH, 0);
    expect(m?.opex).toBeCloseTo(1.25e6 * SECONDS_PER_MONTH * (0.1 / 3.6e6), 6);
    // 1,000 × 100 tokens/s × 50% × a year.
    expect(m?.tokensPerYear).toBeCloseTo(1000 * 100 * 0.5 * SECONDS_PER_YEAR, 0);
    // Straight line: $30M over a year plus $10M over ten years, plus 12 months of opex.
    expect(m?.revenueNeeded).toBeCloseTo(30e6 + 1e6 + 12 * (m?.opex ?? 0), 3);
    // One site: 1e18 FLOP/s × 50% MFU × 1,000 s.
    expect(m?.largestTrainingRun).toBeCloseTo(5e20, 0);
  });

  it("runs the largest site's fleet at the utilization its size allows", () => {
    // 163,840 accelerators at one site: ten times Llama 3's 16,384, so MFU falls by 10^-0.05;
    // goodput is left to interruptions (NaN): at most 100k stalled, 8 minutes each, one per 5 years.
    const big = runTimeline(
      inputs({
        sites: flat(163_840 * 1250),
        assumptions: { ...inputs().assumptions, goodput: Number.NaN },
      }),
    )[0];
    expect(big?.accelerators).toBe(163_840);
    const goodput = 1 / (1 + (1e5 * 480) / (5 * SECONDS_PER_YEAR));
    expect(big?.largestTrainingRun).toBeCloseTo(163_840 * 1e15 * 0.5 * 10 ** -0.05 * goodput * 1000, -8);
  });

  it('releases money per GW deployed', () => {
    const months = runTimeline(
      inputs({
        sites: flat(1e12),
        capital: { releasedByMonth: (m) => (m === 0 ? 40e6 : 0), perGw: { amount: 32e9, upTo: 1e30 } },
      }),
    );
    // Month 0 buys 1,000 (1.25 MW); that releases 1.25e-3 GW × $32B per GW = $40M for month 1.
    expect(months[1]?.capitalAvailable).toBeCloseTo(80e6, 0);
    expect(months[1]?.installs).toBe(1000);
  });

  it('stops at a plan target', () => {
    const months = runTimeline(inputs({ generations: [{ ...gen, target: 500 }] }));
    expect(months[0]?.installs).toBe(500);
    expect(months[1]?.installs).toBe(0);
    expect(months[1]?.binding).toBe('plan');
  });
});
