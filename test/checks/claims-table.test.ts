import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshClaimsTable, readmeClaimsTable } from '../../src/build/readme-claims.js';
import { checkCommand, checkHref, claimRows, claimsTableMarkdown } from '../../src/checks/claims-table.js';
import { evaluateCheckFile } from '../../src/checks/evaluate.js';
import { catalog } from '../helpers/catalog.js';
import { besideChecks } from '../helpers/checks.js';

const claims = `kind: claims
checks:
  - id: T-400EF
    title: "100,000 H100 = 400 EFLOP/s | a pipe in the title"
    calculator: cluster
    inputs: {accelerator: h100, count: 100k, price: $30k}
    explore: {precision: [bf16, fp8], sparsity: [dense, sparse]}
    expect:
      - {output: facility_power}
      - {output: peak_flops, value: 400 EFLOP/s}
    source: {title: an article}
  - id: T-STARGATE
    title: Stargate, 7 GW by 2028
    scenario: ../scenarios/stargate.yaml
    expect:
      - {output: facility_power, year: 2028, value: 7 GW}
    source: {title: an announcement}
  - id: T-META
    title: Meta installs 340,000 H100
    calculator: cluster
    inputs: {accelerator: h100, count: 340k}
    expect:
      - {output: facility_power}
    source: {title: an article}
out_of_scope:
  - {claim: "HumanEval: GPT-4 67%", reason: benchmark scores are not compute}
`;

describe('the claims table', () => {
  const file = evaluateCheckFile(claims, 'checks/test.yaml', catalog, besideChecks);
  const rows = claimRows(file);

  it('gives each check the command that reruns it, quoting what a shell would split', () => {
    const [cluster, scenario] = file.results;
    expect(cluster?.command).toBe("gigawatt calc cluster --accelerator h100 --count 100k --price '$30k'");
    expect(scenario?.command).toBe('gigawatt run scenarios/stargate.yaml');
    expect(cluster?.href).toBe('/calc/cluster?accelerator=h100&count=100k&price=%2430k');
    expect(scenario?.href).toBe('/scenario/stargate');
    expect(checkCommand({ calculator: 'training', inputs: { duration: '95 days', model: "o'brien" } })).toBe(
      "gigawatt calc training --duration '95 days' --model 'o'\\''brien'",
    );
    expect(checkHref({ scenario: 'checks\\..\\scenarios\\world.yaml', inputs: {} })).toBe('/scenario/world');
    expect(checkCommand({ scenario: 'checks/../scenarios/./world.yaml', inputs: {} })).toBe(
      'gigawatt run scenarios/world.yaml',
    );
  });

  it('puts the claimed figure and its verdict first, with the closest reading, then what the model adds', () => {
    const verdict = rows[0]?.verdict ?? '';
    // 100,000 H100 at dense BF16 peak 98.9 EFLOP/s; the claim's 400 is FP8 with sparsity (396).
    expect(verdict).toMatch(
      /^Peak compute: claimed 400 EFLOP\/s, model 98\.9 EFLOP\/s, claim is 4× the model; closest reading precision fp8, sparsity sparse → 396 EFLOP\/s; Facility power: [\d.]+ MW \(model\)$/,
    );
    expect(rows[1]?.verdict).toMatch(/^Power used 2028: claimed 7 GW, model [\d.]+ GW, /);
    // A claim with no figure says so before what the model finds.
    expect(rows[2]?.verdict).toMatch(/^no figure claimed to judge; Facility power: [\d.]+ MW \(model\)$/);
  });

  it('lists claims out of scope with the reason, and escapes table pipes', () => {
    expect(rows.at(-1)).toEqual({
      id: 'OUT-1',
      claim: 'HumanEval: GPT-4 67%',
      verdict: 'out of scope: benchmark scores are not compute',
      outOfScope: true,
    });
    const markdown = claimsTableMarkdown(rows);
    expect(markdown.split('\n')[2]).toMatch(
      /^\| T-400EF \| 100,000 H100 = 400 EFLOP\/s \\\| a pipe in the title \| `gigawatt calc/,
    );
    expect(markdown).toContain(
      '| OUT-1 | HumanEval: GPT-4 67% | – | out of scope: benchmark scores are not compute |',
    );
  });

  it('in the README is the same as a fresh run of checks/seed-claims.yaml (run `npm run readme:claims` when not)', () => {
    const inReadme = readmeClaimsTable(readFileSync('README.md', 'utf8'));
    expect(inReadme, 'README.md has no claims-table block').toBeDefined();
    expect(inReadme).toBe(freshClaimsTable(catalog));
  });
});
