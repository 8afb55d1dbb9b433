import { SECONDS_PER_DAY, SECONDS_PER_YEAR } from '../units/dimensions.js';
import { revenueNeeded } from './finance.js';

/**
 * Token economics: what serving costs per token. The inference, token-factory and
 * edge-vs-central calculators and the scenario timeline all count tokens and charge them
 * this way.
 */

/** Tokens served in a year at `rate` tokens/s for a share `utilization` of the hours. */
export function tokensPerYear(rate: number, utilization: number): number {
  return rate * utilization * SECONDS_PER_YEAR;
}

/** A year of a fleet's energy and ownership cost (annualized capex plus opex), per token it serves. */
export function perToken(
  year: { annualEnergy: number; annualizedCapex: number; annualOpex: number },
  tokens: number,
): { energy: number; cost: number } {
  return {
    energy: year.annualEnergy / tokens,
    cost: revenueNeeded(year.annualizedCapex, year.annualOpex) / tokens,
  };
}

/** Replicas needed to serve `tokens` a year when each serves `perReplica` (whole replicas). */
export function replicasFor(tokens: number, perReplica: number): number {
  return Math.ceil(tokens / perReplica);
}

/**
 * An edge device's cost per token: its hardware's annualized cost spread over the tokens
 * it serves in a year, plus the electricity each token takes.
 */
export function edgeCostPerToken(annualCapex: number, tokens: number, energyCostPerToken: number): number {
  return annualCapex / tokens + energyCostPerToken;
}

/**
 * The utilization at which an edge device's cost per token meets the central factory's:
 * annualCapex / (u · tokensAtFullUse) + energyCost = central, solved for u. Undefined when
 * the edge's electricity alone costs more per token than the central factory.
 */
export function edgeBreakevenUtilization(
  annualCapex: number,
  tokensAtFullUse: number,
  centralCostPerToken: number,
  edgeEnergyCostPerToken: number,
): number | undefined {
  const margin = centralCostPerToken - edgeEnergyCostPerToken;
  return margin > 0 ? annualCapex / (tokensAtFullUse * margin) : undefined;
}

/** Tokens a year per person of a population, per day. */
export function tokensPerPersonPerDay(tokens: number, population: number): number {
  return tokens / population / (SECONDS_PER_YEAR / SECONDS_PER_DAY);
}

/** Capital per unit of serving throughput (USD per token/s). */
export function capexPerThroughput(capex: number, tokensPerSecond: number): number {
  return capex / tokensPerSecond;
}

/** A fleet of edge devices, each serving one user at `rate` tokens/s for a share `utilization` of the hours. */
export interface EdgeFleet {
  devices: number;
  rate: number;
  utilization: number;
  /** Power of a device's AI hardware while it generates (W), and the electricity price where it charges (USD/J). */
  power: number;
  electricityPrice: number;
  /** Price of a device's AI hardware (USD). */
  price: number;
}

/** What an edge fleet serves and costs: per device, per token, and for the whole fleet. */
export function edgeFleet(f: EdgeFleet) {
  const tokensPerDevice = tokensPerYear(f.rate, f.utilization);
  const energyPerToken = f.power / f.rate;
  return {
    tokensPerDevice,
    tokens: f.devices * tokensPerDevice,
    energyPerToken,
    energyCostPerToken: energyPerToken * f.electricityPrice,
    capex: f.devices * f.price,
    capexPerThroughput: capexPerThroughput(f.price, f.rate),
    averagePower: f.devices * f.power * f.utilization,
  };
}
