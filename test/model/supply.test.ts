import { describe, expect, it } from 'vitest';
import {
  capexPerUnitYear,
  dieYield,
  grossDiesPerWafer,
  supplyNeeds,
  unitsFromFabs,
} from '../../src/model/supply.js';

const MM2 = 1e-6;
const PER_CM2 = 1e4;

describe('dies per wafer and yield', () => {
  it('counts gross dies on a 300 mm wafer with edge loss', () => {
    // π·150²/100 − π·300/√(2·100) = 706.86 − 66.64 = 640.2 → 640.
    expect(grossDiesPerWafer(100 * MM2)).toBe(640);
    // An 814 mm² H100 die: 86.84 − 23.36 = 63.5 → 63.
    expect(grossDiesPerWafer(814 * MM2)).toBe(63);
  });

  it('yields by the negative-binomial model', () => {
    // 1 cm² at 0.1 defects/cm², α = 3: (1 + 0.1/3)^-3 = 0.90631.
    expect(dieYield(100 * MM2, 0.1 * PER_CM2)).toBeCloseTo(0.90631, 5);
    expect(dieYield(100 * MM2, 0)).toBe(1);
    // Bigger dies lose more.
    expect(dieYield(800 * MM2, 0.1 * PER_CM2)).toBeLessThan(dieYield(400 * MM2, 0.1 * PER_CM2));
  });
});

describe('supply needs', () => {
  const pkg = { computeDies: 2, computeDieArea: 100 * MM2, interposerArea: 100 * MM2, hbmStacks: 8 };
  const process = {
    waferPrice: 20_000,
    defectDensity: 0,
    fabCost: 20e9,
    fabWaferStarts: 50_000,
    euvLayers: 20,
  };
  const euv = { toolPrice: 200e6, wafersPerHour: 100, availability: 1 };

  it('turns accelerators into wafers, stacks, tools and fabs', () => {
    // 640 good dies a wafer (no defects), 2 per accelerator, packaging yield 1:
    // 1.2M accelerators → 2.4M dies → 3,750 wafers.
    const n = supplyNeeds(1.2e6, pkg, process, euv, 1);
    expect(n.logicWafers).toBeCloseTo(3750, 6);
    expect(n.cowosWafers).toBeCloseTo(1.2e6 / 640, 6);
    expect(n.hbmStacks).toBe(9.6e6);
    // 3,750 wafers × 20 layers / (100 wph × 8,766 h) = 0.0856 tools.
    expect(n.euvTools).toBeCloseTo((3750 * 20) / (100 * 8766), 9);
    // 3,750 / (50k × 12) fabs.
    expect(n.fabs).toBeCloseTo(3750 / 600_000, 12);
    expect(n.waferCost).toBeCloseTo(3750 * 20_000, 3);
  });

  it('prices a year of capacity for one more accelerator, and inverts it', () => {
    const costs = { cowosCapexPerWaferMonth: 120_000, hbmCapexPerStackYear: 1000 };
    const c = capexPerUnitYear(pkg, process, costs, 1);
    // Logic: 2/640 wafers × $20B / 600k wafer-years = $104.17; packaging: 1/640 wafers ×
    // $10k per wafer-year = $15.63; HBM: 8 × $1,000.
    expect(c.logic).toBeCloseTo((2 / 640) * (20e9 / 600_000), 6);
    expect(c.packaging).toBeCloseTo((1 / 640) * 10_000, 6);
    expect(c.memory).toBe(8000);
    expect(unitsFromFabs(1, pkg, process, 1)).toBeCloseTo((600_000 * 640) / 2, 3);
  });
});
