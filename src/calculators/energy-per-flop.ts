import type { Accelerator, Precision } from '../catalog/types.js';
import { PRECISIONS } from '../catalog/types.js';
import { chipEnergyPerFlop, type EfficiencyClaim, judgeEfficiencyClaim } from '../model/energy-efficiency.js';
import { formatFactor, formatQuantity } from '../units/format.js';
import { catalogNumber, peakPerAccelerator, resolveAccelerator } from './fleet.js';
import type { Calculator, CalculatorContext, OutputSpec } from './types.js';

const OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'gpu_energy_per_flop',
    dimension: 'energy_per_flop',
    label: 'GPU energy per FLOP',
    description: 'chip power / dense peak FLOP/s at the precision',
  },
  {
    name: 'claimed_energy_per_flop',
    dimension: 'energy_per_flop',
    label: 'Claimed energy per FLOP',
    description: 'GPU energy per FLOP / the claimed improvement',
  },
  {
    name: 'cmos_limit',
    dimension: 'energy_per_flop',
    label: 'CMOS limit',
    description: "Epoch's estimate of the most efficient CMOS possible (FP4 operations)",
  },
  {
    name: 'neuromorphic_best',
    dimension: 'energy_per_flop',
    label: 'Best neuromorphic',
    description: "Intel Hala Point's claimed 8-bit efficiency",
  },
  {
    name: 'headroom_to_cmos_limit',
    dimension: 'ratio',
    label: 'Headroom to CMOS limit',
    description: 'GPU / CMOS limit: how many times better CMOS can get at most',
  },
  {
    name: 'claim_over_cmos_limit',
    dimension: 'ratio',
    label: 'Claim over CMOS limit',
    description: 'CMOS limit / claimed: above 1 the claim asks for more than CMOS allows',
  },
  {
    name: 'landauer_bits',
    dimension: 'ratio',
    label: 'Bit erasures per FLOP',
    description: "claimed energy per FLOP / Landauer's kT ln 2: bits it could erase per FLOP",
  },
];

/**
 * The precision the GPU is taken to train at: fp8 where it has a dense fp8 peak (frontier
 * runs train in fp8 now, e.g. DeepSeek-V3), else bf16. The lower precision is the GPU's
 * best energy per FLOP, so the claim is measured against the GPU at its best.
 */
function trainingPrecision(ctx: CalculatorContext, accelerator: Accelerator): Precision {
  if (ctx.has('precision')) return ctx.text('precision') as Precision;
  const precision: Precision = accelerator.dense.fp8 ? 'fp8' : 'bf16';
  ctx.provenance('precision', { value: precision, origin: 'default', via: `${accelerator.id} training` });
  return precision;
}

/** The verdict in plain words: against CMOS, then against Landauer. */
function verdict(improvement: number, claim: EfficiencyClaim, cmosLimit: number): string {
  const needs = `${formatQuantity(improvement, 'count')}x would need ${formatQuantity(claim.claimed, 'energy_per_flop')}`;
  const beyondCmos = claim.claimOverCmosLimit > 1;
  const cmos = beyondCmos
    ? `${formatFactor(claim.claimOverCmosLimit)} below the most efficient CMOS Epoch thinks possible (${formatQuantity(cmosLimit, 'energy_per_flop')})`
    : `${formatFactor(1 / claim.claimOverCmosLimit)} above the most efficient CMOS Epoch thinks possible (${formatQuantity(cmosLimit, 'energy_per_flop')})`;
  const bits = Number(claim.landauerBits.toPrecision(2));
  if (claim.landauerBits < 1)
    return `${needs}, ${cmos}; that is less than one bit erasure per FLOP at Landauer's bound, so it needs reversible computing: physics forbids it for ordinary logic`;
  const physics = `it pays for about ${formatQuantity(bits, 'count')} bit erasures per FLOP`;
  const conclusion = beyondCmos
    ? 'so physics does not forbid it but CMOS does'
    : 'so neither physics nor CMOS forbids it';
  return `${needs}, ${cmos}; ${physics}, ${conclusion}`;
}

export const energyPerFlop: Calculator = {
  name: 'energy-per-flop',
  example: { improvement: '10000' },
  title: 'Energy per FLOP: an efficiency claim against physical limits',
  description:
    "Judge a claim of N times the energy efficiency of GPUs (Rain AI, 2023: 10,000x for training): the GPU's energy per FLOP (chip TDP / dense peak FLOP/s at the precision), the energy per FLOP the claim needs, and how it compares with the best neuromorphic chip, Epoch's limit for CMOS and Landauer's bound.",
  inputs: [
    {
      name: 'accelerator',
      type: 'accelerator',
      default: 'b200',
      description: 'the GPU the claim is measured against (see `gigawatt catalog accelerators`)',
    },
    {
      name: 'precision',
      type: 'choice',
      choices: PRECISIONS,
      defaultText: 'fp8 where the accelerator has it, else bf16 (what it trains at)',
      description: 'number format whose dense peak FLOP/s counts',
    },
    {
      name: 'chip_power',
      type: 'quantity',
      dimension: 'power',
      example: '1 kW',
      bounds: { min: 0, exclusiveMin: true },
      defaultText: "the accelerator's catalog chip TDP",
      description: 'power the GPU draws at its peak (give its all-in IT power to count the server too)',
    },
    {
      name: 'improvement',
      type: 'quantity',
      dimension: 'ratio',
      example: '10000',
      bounds: { min: 0, exclusiveMin: true },
      defaultText: "Rain AI's claim of 10,000x for training (WIRED, 2023)",
      description: 'claimed factor of energy efficiency over the GPU',
    },
  ],
  outputs: OUTPUTS,
  compute(ctx) {
    const accelerator = resolveAccelerator(ctx);
    const precision = trainingPrecision(ctx, accelerator);
    const peak = peakPerAccelerator(ctx, accelerator, precision);
    // Chip TDP, not all-in IT power: Epoch's CMOS limit, the neuromorphic figure and Rain's
    // NPU are all chip-level, and a better chip would still need its server and network.
    const power = catalogNumber(ctx, 'chip_power', accelerator.id, accelerator.tdp);
    const { efficiency } = ctx.catalog.yardsticks;
    const improvement = catalogNumber(
      ctx,
      'improvement',
      'rain_efficiency_claim',
      efficiency.rainEfficiencyClaim,
    );
    const cmosLimit = efficiency.cmosLimit.value;
    const gpu = chipEnergyPerFlop(power, peak);
    const claim = judgeEfficiencyClaim(gpu, improvement, {
      cmosLimit,
      landauerPerBit: efficiency.landauer.value,
    });
    ctx.note(verdict(improvement, claim, cmosLimit));
    const neuromorphic = efficiency.neuromorphicBest.value;
    ctx.note(
      `${accelerator.id} at ${precision}: ${formatQuantity(power, 'power')} / ${formatQuantity(peak, 'flops')} = ${formatQuantity(gpu, 'energy_per_flop')}; CMOS can get at most ${formatFactor(claim.headroomToCmosLimit)} better, and the best neuromorphic system (Hala Point, a vendor figure) spends ${formatQuantity(neuromorphic, 'energy_per_flop')}, ${neuromorphic < gpu ? `${formatFactor(gpu / neuromorphic)} less` : `${formatFactor(neuromorphic / gpu)} more`} than the GPU`,
    );
    if (precision !== 'fp4')
      ctx.note(
        `Epoch's limit counts FP4 operations; one ${precision} operation costs more than one FP4 operation, so the CMOS limit at ${precision} is higher than shown and this comparison flatters the claim`,
      );
    return {
      gpu_energy_per_flop: gpu,
      claimed_energy_per_flop: claim.claimed,
      cmos_limit: cmosLimit,
      neuromorphic_best: neuromorphic,
      headroom_to_cmos_limit: claim.headroomToCmosLimit,
      claim_over_cmos_limit: claim.claimOverCmosLimit,
      landauer_bits: claim.landauerBits,
    };
  },
};
