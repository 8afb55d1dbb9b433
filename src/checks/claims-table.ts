import { posix } from 'node:path';
import type { CheckFileResult, ExpectationResult } from './results.js';

/**
 * The claims ledger as one row a claim: what was claimed, the command that answers it,
 * and what the model found. The README's claims table and the explorer's claims page are
 * both drawn from these rows, so neither can drift from a fresh run.
 */
export interface ClaimRow {
  id: string;
  claim: string;
  /** The CLI command that reruns the check (absent for a claim out of scope). */
  command?: string | undefined;
  /** The explorer page that opens the check with its inputs. */
  href?: string | undefined;
  verdict: string;
  outOfScope?: boolean | undefined;
}

/** A CLI flag's value as a shell reads it: quoted when it holds anything but plain characters. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9._%/-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

/** What a check ran: a calculator with its inputs, or a scenario file (a path from the project's root). */
type CheckTarget = { inputs: Record<string, string> } & ({ calculator: string } | { scenario: string });

/** A scenario's path from the project's root, with forward slashes and no `.` or `..` steps. */
const scenarioPath = (scenario: string) => posix.normalize(scenario.replaceAll('\\', '/'));

/** The command a reader types to rerun a check. */
export function checkCommand(check: CheckTarget): string {
  if ('calculator' in check) {
    const flags = Object.entries(check.inputs).map(
      ([name, value]) => `--${name.replaceAll('_', '-')} ${shellWord(value)}`,
    );
    return ['gigawatt calc', check.calculator, ...flags].join(' ');
  }
  return `gigawatt run ${scenarioPath(check.scenario)}`;
}

/** The explorer page that opens a check: its calculator with its inputs, or its scenario. */
export function checkHref(check: CheckTarget): string {
  if ('calculator' in check) {
    const query = new URLSearchParams(check.inputs).toString();
    return `/calc/${check.calculator}${query ? `?${query}` : ''}`;
  }
  return `/scenario/${posix.basename(scenarioPath(check.scenario)).replace(/\.ya?ml$/, '')}`;
}

/** One expectation, as a reader wants it: claimed vs model, the verdict, the closest reading. */
function expectationVerdict(e: ExpectationResult): string {
  const what = e.year === undefined ? e.label : `${e.label} ${e.year}`;
  if (!e.reference) return `${what}: ${e.model.display} (model)`;
  const closest = e.closest
    ? `; closest reading ${Object.entries(e.closest.inputs)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')} → ${e.closest.display}`
    : '';
  return `${what}: claimed ${e.reference.display}, model ${e.model.display}, ${e.verdict}${closest}`;
}

/** The rows of a claims file: each check, then the claims it lists as out of scope. */
export function claimRows(file: CheckFileResult): ClaimRow[] {
  const judged = file.results.map((check) => {
    // Claimed figures first: they carry the verdict; figures the model only estimates follow.
    const ordered = [
      ...check.expectations.filter((e) => e.reference),
      ...check.expectations.filter((e) => !e.reference),
    ];
    return {
      id: check.id,
      claim: check.title,
      command: check.command,
      href: check.href,
      verdict: `${check.expectations.some((e) => e.reference) ? '' : 'no figure claimed to judge; '}${ordered.map(expectationVerdict).join('; ')}`,
    };
  });
  const outside = file.outOfScope.map((o, i) => ({
    id: `OUT-${i + 1}`,
    claim: o.claim,
    verdict: `out of scope: ${o.reason}`,
    outOfScope: true,
  }));
  return [...judged, ...outside];
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The rows as a Markdown table (id, claim, where it is answered, verdict). */
export function claimsTableMarkdown(rows: readonly ClaimRow[]): string {
  const lines = [
    '| ID | Claim | Answered by | Verdict |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.id} | ${cell(r.claim)} | ${r.command ? `\`${cell(r.command)}\`` : '–'} | ${cell(r.verdict)} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
