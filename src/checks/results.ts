import type { CheckFile } from './schema.js';

/** What evaluating a check file gives: each check's expectations with the model's figures and verdicts. */

export interface Reading {
  inputs: Record<string, string>;
  value: number;
  display: string;
  difference: string;
}

export interface ExpectationResult {
  output: string;
  /** The year a scenario check is about. */
  year?: number | undefined;
  label: string;
  reference?: { value: number; display: string; writtenAs: string } | undefined;
  model: { value: number; display: string };
  tolerance?: string | undefined;
  /** Only for comparisons: does the model reproduce the reference within tolerance? */
  holds?: boolean | undefined;
  difference?: string | undefined;
  verdict: string;
  /** For claims with `explore`: the reading of the claim the model matches best. */
  closest?: Reading | undefined;
  /** For a program's scenario check: its share of the world that year, and what bound. */
  world?: { share?: number | undefined; binding: string } | undefined;
}

export interface CheckResult {
  id: string;
  title: string;
  /** What the check runs: a calculator, or a scenario file. */
  calculator?: string | undefined;
  scenario?: string | undefined;
  kind: CheckFile['kind'];
  sources: { title: string; url?: string | undefined }[];
  note?: string | undefined;
  expectations: ExpectationResult[];
}

export interface CheckFileResult {
  file: string;
  kind: CheckFile['kind'];
  results: CheckResult[];
  /** Published facts the model missed (always 0 for claims). */
  failures: number;
}
