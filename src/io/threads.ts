import { availableParallelism } from 'node:os';

/** Threads a Monte Carlo run uses unless told: one per core, up to 8. */
export const defaultWorkers = () => Math.max(1, Math.min(8, availableParallelism()));

/**
 * The most threads a run may ask for: more threads than cores only slow it, and each one
 * costs tens of megabytes, so a typo like 1000 must not take the machine down.
 */
export const maxWorkers = () => Math.max(8, availableParallelism());
