import { InputError, unknownId } from '../errors.js';
import { buildRate } from './build-rate.js';
import { cloudContract } from './cloud-contract.js';
import { cluster } from './cluster.js';
import { computeGrowth } from './compute-growth.js';
import { costTrend } from './cost-trend.js';
import { edgeVsCentral } from './edge-vs-central.js';
import { energyPerFlop } from './energy-per-flop.js';
import { frontierRun } from './frontier-run.js';
import { gdpShare } from './gdp-share.js';
import { gridScale } from './grid-scale.js';
import { homeSolar } from './home-solar.js';
import { inference } from './inference.js';
import { power } from './power.js';
import { supply } from './supply.js';
import { tokenFactory } from './token-factory.js';
import { training } from './training.js';
import type { Calculator } from './types.js';

/** Every calculator, in the order help texts list them. Adding a capability means adding one here. */
export const CALCULATORS: readonly Calculator[] = [
  cluster,
  training,
  frontierRun,
  inference,
  tokenFactory,
  edgeVsCentral,
  supply,
  power,
  buildRate,
  cloudContract,
  gridScale,
  gdpShare,
  energyPerFlop,
  homeSolar,
  costTrend,
  computeGrowth,
];

export function findCalculator(name: string): Calculator {
  const found = CALCULATORS.find((c) => c.name === name);
  if (!found) {
    throw new InputError(
      unknownId(
        'calculator',
        name,
        CALCULATORS.map((c) => c.name),
      ),
    );
  }
  return found;
}
