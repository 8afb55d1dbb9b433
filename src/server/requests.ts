import { z } from 'zod';

/**
 * The bodies the explorer posts: run a calculator, run a scenario, save either. A save
 * carries the request that produced the view, so its fields are the run requests' own.
 */

const samples = z.int().min(1).optional();
const seed = z.int().min(0).default(1);

const calculatorFields = {
  inputs: z.record(z.string(), z.string()).default({}),
  samples,
  seed,
};

const scenarioFields = {
  scenario: z.string().min(1).optional().describe('a shipped scenario id'),
  yaml: z.string().optional().describe('scenario text, instead of a shipped id'),
  overrides: z.record(z.string(), z.string()).default({}),
  samples,
  seed,
};

const oneSource = (r: { scenario?: string | undefined; yaml?: string | undefined }) =>
  (r.scenario === undefined) !== (r.yaml === undefined);
const oneSourceMessage = { message: 'give either scenario (a shipped id) or yaml (a scenario text)' };

/**
 * Each body comes as two types: `…Body` is what a client sends (z.input: defaults may be
 * left out), the plain name what the server reads once the schema has parsed it (z.output).
 */
export const calculatorRequestSchema = z.strictObject(calculatorFields);
export type CalculatorRequest = z.output<typeof calculatorRequestSchema>;
export type CalculatorRequestBody = z.input<typeof calculatorRequestSchema>;

export const scenarioRequestSchema = z.strictObject(scenarioFields).refine(oneSource, oneSourceMessage);
export type ScenarioRequest = z.output<typeof scenarioRequestSchema>;
export type ScenarioRequestBody = z.input<typeof scenarioRequestSchema>;

/** One output of an uncertain calculator run, taken apart (a tornado and a histogram). */
export const sensitivityRequestSchema = z.strictObject({
  inputs: z.record(z.string(), z.string()).default({}),
  output: z.string().min(1),
  samples,
  seed,
});
export type SensitivityRequestBody = z.input<typeof sensitivityRequestSchema>;

/** The frontier page: its inputs (empty means the sourced range) and the span of years. */
export const frontierRequestSchema = z.strictObject({
  inputs: z.record(z.string(), z.string()).default({}),
  from: z.int().optional(),
  to: z.int().optional(),
  samples,
  seed,
});
export type FrontierRequest = z.output<typeof frontierRequestSchema>;
export type FrontierRequestBody = z.input<typeof frontierRequestSchema>;

/** A scenario's tornado: the scenario as the page has it, and the yearly output and year to rank by. */
export const scenarioSensitivitySchema = z
  .strictObject({ ...scenarioFields, output: z.string().min(1), year: z.int() })
  .refine(oneSource, oneSourceMessage);
export type ScenarioSensitivityBody = z.input<typeof scenarioSensitivitySchema>;

const runName = z.string().trim().min(1).max(200);

export const saveRunSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.literal('scenario'), name: runName, ...scenarioFields })
    .refine(oneSource, oneSourceMessage),
  z.strictObject({
    kind: z.literal('calculator'),
    name: runName,
    calculator: z.string().min(1),
    ...calculatorFields,
  }),
]);
export type SaveRunRequest = z.output<typeof saveRunSchema>;
export type SaveRunRequestBody = z.input<typeof saveRunSchema>;
