import type { AssumptionKey } from '../catalog/assumptions.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Bounds } from '../units/bounds.js';
import type { Dimension } from '../units/dimensions.js';

interface InputBase {
  /** snake_case: the JSON and check-file key; the CLI flag is the kebab-case form. */
  name: string;
  description: string;
  /** Said in help texts: where the value comes from when not given. */
  defaultText?: string;
  /** The sourced default used when the input is not given. */
  assumption?: AssumptionKey;
}

export interface QuantityInput extends InputBase {
  type: 'quantity';
  dimension: Dimension;
  /** A typical value of this input as people write it: help texts and messages show it. */
  example: string;
  bounds?: Bounds;
  /** Words accepted in place of a number (e.g. "max" for a batch size). */
  keywords?: readonly string[];
  /** The sourced default when it depends on other inputs (MFU by precision). */
  assumptionFor?: (given: ParsedInputs) => AssumptionKey;
  /**
   * A sourced default read from the catalog for the other inputs (the largest campus in
   * the given year): its value, and the range an uncertain-by-default calculator draws from.
   */
  defaultFor?: (catalog: Catalog, given: ParsedInputs) => CatalogDefault;
}

/** A default a calculator reads from the catalog, with its range and where it comes from. */
export interface CatalogDefault {
  value: number;
  /** A distribution as an input is written ("1 GW to 5 GW"). */
  range?: string | undefined;
  via: string;
  source: string;
  estimate?: boolean | undefined;
}

export interface ChoiceInput extends InputBase {
  type: 'choice';
  choices: readonly string[];
  default?: string;
}

export interface CatalogInput extends InputBase {
  type: 'accelerator' | 'model' | 'device' | 'power-source';
  default?: string;
}

export type InputSpec = QuantityInput | ChoiceInput | CatalogInput;

export interface OutputSpec {
  name: string;
  dimension: Dimension;
  label: string;
  description: string;
}

/** How a value used in a calculation was set. */
export type Origin = 'given' | 'default' | 'catalog' | 'solved';

export interface ResolvedInput {
  value: number | string;
  dimension?: Dimension | undefined;
  origin: Origin;
  /** Short name of where a default or catalog value comes from: "assumption pue", "h100-sxm". */
  via?: string | undefined;
  /** The full source title behind it. */
  source?: string | undefined;
  estimate?: boolean | undefined;
}

export type ParsedInputs = Record<string, number | string | undefined>;

export interface CalculatorContext {
  readonly catalog: Catalog;
  readonly given: ParsedInputs;
  has(name: string): boolean;
  /** A numeric input: as given, else its sourced default, else `fallback` (recorded with its origin). */
  number(
    name: string,
    fallback?: () => Omit<ResolvedInput, 'value' | 'dimension'> & { value: number },
  ): number;
  text(name: string): string;
  /** Record a value the calculator solved for or took from the catalog, so reports list it. */
  provenance(name: string, input: ResolvedInput): void;
  note(text: string): void;
  /** Add a row to the calculator's breakdown table (values keyed by its column names; a missing one shows as "–"). */
  row(label: string, values: Record<string, number>): void;
  /** Reject inputs that cannot be computed, naming the input as the face calls it. */
  fail(name: string, message: string): never;
  label(name: string): string;
}

/**
 * A calculator's fast path for Monte Carlo: everything is resolved once, then blocks of
 * samples are evaluated on typed arrays.
 */
export interface Kernel {
  /** Numeric inputs the kernel can vary per sample. */
  inputs: readonly string[];
  /**
   * Evaluate `length` samples: `columns[name][j]` is input `name` of sample j. Samples the
   * model rejects are dropped; the rest are written compacted into `out`. Returns how many
   * were written.
   */
  evaluate(
    columns: Readonly<Record<string, Float64Array>>,
    length: number,
    out: Record<string, Float64Array>,
  ): number;
}

export interface Calculator {
  name: string;
  title: string;
  description: string;
  inputs: readonly InputSpec[];
  outputs: readonly OutputSpec[];
  /** Groups of inputs of which at most one may be given. */
  exclusive?: ReadonlyArray<readonly string[]>;
  /** A table of rows the calculator adds beside its outputs (e.g. one per power source), declared like outputs. */
  breakdown?: { title: string; label: string; columns: readonly OutputSpec[] };
  /** Output pairs a text report shows side by side (e.g. edge vs central). */
  comparison?: {
    columns: readonly [string, string];
    rows: ReadonlyArray<readonly [label: string, left: string, right: string]>;
  };
  compute(ctx: CalculatorContext): Record<string, number>;
  /**
   * Inputs not given are drawn from their sourced ranges (assumption ranges and catalog
   * defaults), and outputs are reported at these quantiles: the calculator answers with
   * its uncertainty unless every input is pinned.
   */
  uncertainByDefault?: { quantiles: readonly number[] };
  /**
   * Outputs that mark, per sample, which of several bounds is least (1 or 0): their means
   * are the share of samples each binds, and reports name the most frequent.
   */
  binding?: ReadonlyArray<{ output: string; name: string }>;
  /** Optional fast path for Monte Carlo; must give exactly what `compute` gives. */
  vectorize?(ctx: CalculatorContext): Kernel;
  /** Inputs a first-time user sees filled in (the explorer opens the form with them). */
  example?: Readonly<Record<string, string>>;
}

export interface OutputValue {
  value: number;
  unit: string;
  display: string;
}

export interface CalculatorResult {
  calculator: string;
  inputs: Record<string, ResolvedInput & { unit?: string; display: string }>;
  outputs: Record<string, OutputValue>;
  /** The breakdown table's rows, when the calculator has one. */
  breakdown?: {
    title: string;
    label: string;
    rows: Array<{ label: string; values: Record<string, OutputValue> }>;
  };
  notes: string[];
}
