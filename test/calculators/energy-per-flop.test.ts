import { describe, expect, it } from 'vitest';
import { energyPerFlop } from '../../src/calculators/energy-per-flop.js';
import { runCalculator } from '../../src/calculators/run.js';
import { InputError } from '../../src/errors.js';
import { catalog } from '../helpers/catalog.js';

const run = (inputs: Record<string, unknown>) => runCalculator(energyPerFlop, inputs, catalog);
const { efficiency } = catalog.yardsticks;
const b200 = catalog.accelerator('b200');

describe('calc energy-per-flop', () => {
  it("holds Rain's 10,000x against a B200 at fp8: past the CMOS limit, not past Landauer", () => {
    const r = run({});
    const out = (name: string) => r.outputs[name]?.value ?? Number.NaN;
    // B200 chip TDP over its dense fp8 peak: 1,000 W / 4.5 PFLOP/s = 222 fJ per FLOP.
    const gpu = b200.tdp.value / (b200.dense.fp8?.value ?? Number.NaN);
    expect(gpu).toBeCloseTo(2.222e-13, 16);
    expect(out('gpu_energy_per_flop')).toBeCloseTo(gpu, 20);
    // 10,000x better is 22.2 aJ; Epoch's 210 aJ limit is 9.45x above it; 22.2 aJ / 2.87 zJ = 7,743 bits.
    const claimed = gpu / 10_000;
    expect(out('claimed_energy_per_flop')).toBeCloseTo(claimed, 24);
    expect(out('cmos_limit')).toBe(efficiency.cmosLimit.value);
    expect(out('neuromorphic_best')).toBe(efficiency.neuromorphicBest.value);
    expect(out('headroom_to_cmos_limit')).toBeCloseTo(gpu / efficiency.cmosLimit.value, 6);
    expect(out('claim_over_cmos_limit')).toBeCloseTo(efficiency.cmosLimit.value / claimed, 6);
    expect(out('claim_over_cmos_limit')).toBeCloseTo(9.45, 2);
    expect(out('landauer_bits')).toBeCloseTo(claimed / efficiency.landauer.value, 3);
    expect(out('landauer_bits')).toBeCloseTo(7743, 0);
    expect(r.notes[0]).toBe(
      '10,000x would need 22.2 aJ/FLOP, 9.5x below the most efficient CMOS Epoch thinks possible (210 aJ/FLOP); it pays for about 7,700 bit erasures per FLOP, so physics does not forbid it but CMOS does',
    );
  });

  it('takes the claimed factor from the catalog and the precision the GPU trains at, saying where each came from', () => {
    const r = run({});
    expect(r.inputs.improvement).toMatchObject({
      value: efficiency.rainEfficiencyClaim.value,
      origin: 'catalog',
      via: 'rain_efficiency_claim',
      source: efficiency.rainEfficiencyClaim.source.title,
    });
    expect(efficiency.rainEfficiencyClaim.value).toBe(10_000);
    expect(r.inputs.precision).toMatchObject({ value: 'fp8', origin: 'default' });
    expect(r.inputs.chip_power).toMatchObject({ value: b200.tdp.value, origin: 'catalog', via: 'b200' });
    // An accelerator without fp8 (A100) is taken at bf16: 400 W / 312 TFLOP/s.
    const a100 = catalog.accelerator('a100-sxm');
    expect(a100.dense.fp8).toBeNull();
    const old = run({ accelerator: 'a100-sxm' });
    expect(old.inputs.precision?.value).toBe('bf16');
    expect(old.outputs.gpu_energy_per_flop?.value).toBeCloseTo(
      a100.tdp.value / (a100.dense.bf16?.value ?? Number.NaN),
      20,
    );
  });

  it('counts a given precision and chip power, and warns that the FP4 limit flatters the claim', () => {
    const bf16 = run({ precision: 'bf16' });
    expect(bf16.outputs.gpu_energy_per_flop?.value).toBeCloseTo(
      b200.tdp.value / (b200.dense.bf16?.value ?? Number.NaN),
      20,
    );
    expect(bf16.notes).toContain(
      "Epoch's limit counts FP4 operations; one bf16 operation costs more than one FP4 operation, so the CMOS limit at bf16 is higher than shown and this comparison flatters the claim",
    );
    // At fp4 the GPU is measured in the limit's own operations, so no warning.
    expect(run({ precision: 'fp4' }).notes.some((n) => n.startsWith("Epoch's limit"))).toBe(false);
    // All-in IT power (server, CPU, network share) instead of the chip alone.
    const allIn = run({ chip_power: '2038 W' });
    expect(allIn.outputs.gpu_energy_per_flop?.value).toBeCloseTo(2038 / 4.5e15, 20);
  });

  it('says when a claim stays within CMOS, and when it goes below Landauer', () => {
    const modest = run({ improvement: '100' });
    // 222 fJ / 100 = 2.22 fJ, 10.6x above the 210 aJ limit.
    expect(modest.outputs.claim_over_cmos_limit?.value).toBeCloseTo(0.0945, 4);
    expect(modest.notes[0]).toMatch(/^100x would need 2\.22 fJ\/FLOP, 11x above the most efficient CMOS/);
    expect(modest.notes[0]).toMatch(/so neither physics nor CMOS forbids it$/);
    // 222 fJ / 1e9 = 0.22 zJ, less than Landauer's 2.87 zJ for one bit.
    const impossible = run({ improvement: '1e9' });
    expect(impossible.outputs.landauer_bits?.value).toBeLessThan(1);
    expect(impossible.notes[0]).toMatch(/less than one bit erasure per FLOP at Landauer's bound/);
  });

  it('refuses a claim of no improvement, an unknown accelerator and a precision it lacks', () => {
    expect(() => run({ improvement: '0' })).toThrow(InputError);
    expect(() => run({ improvement: '0' })).toThrow(/^improvement: must be positive, got "0"$/);
    expect(() => run({ accelerator: 'b2000' })).toThrow(
      /^accelerator: unknown accelerator 'b2000'; did you mean 'b200'\?$/,
    );
    expect(() => run({ accelerator: 'h100-sxm', precision: 'fp4' })).toThrow(
      /^precision fp4: h100-sxm has no hardware support for fp4; it supports bf16, fp8$/,
    );
  });
});
