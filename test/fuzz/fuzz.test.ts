import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CALCULATORS } from '../../src/calculators/registry.js';
import { InputError } from '../../src/errors.js';
import { quantile } from '../../src/uncertainty/distributions.js';
import { parseDistribution } from '../../src/uncertainty/parse.js';
import type { Dimension } from '../../src/units/dimensions.js';
import { type CliRun, cli } from '../helpers/cli.js';

/**
 * Generated input, held to the front door's rules: every run either answers (exit 0, no
 * NaN or Infinity, JSON that parses) or refuses with exit 2 and one line that names the
 * flag or the file:line:col at fault. Never an internal error (it would reject here), never
 * a stack trace, never a file left half-written. The seed is in each test's name; rerun
 * one with GIGAWATT_FUZZ_SEED=<seed>.
 */
const seed = Number(process.env.GIGAWATT_FUZZ_SEED ?? Date.now() % 2 ** 31);
/** GIGAWATT_FUZZ_SCALE=10 runs ten times the cases, for a longer hunt than the suite's. */
const scale = Number(process.env.GIGAWATT_FUZZ_SCALE ?? 1);
const settings = (numRuns: number) => ({ seed, numRuns: Math.ceil(numRuns * scale), endOnFailure: true });

const scratch = mkdtempSync(join(tmpdir(), 'gigawatt-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Quantities as people mistype them, and numbers at the edges of what floats hold. */
const nasty = fc.constantFrom(
  '1e308',
  '-1e308',
  '1e-300',
  '0',
  '-0',
  '-1',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '',
  ' ',
  '$',
  '%',
  '1.2.3',
  '1,2',
  '0x10',
  '1_000',
  '١٢',
  'constructor',
  '__proto__',
  'toString',
  '1.2\nx',
  '1\u0000',
  'max',
  'h100',
  '5 constructor',
  'x'.repeat(5000),
  '9'.repeat(400),
);

/** Distributions: well formed, broken, deep and huge. */
const distribution: fc.Arbitrary<string> = fc.letrec<{ d: string }>((tie) => ({
  d: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.double({ noNaN: false }), fc.double({ noNaN: false })).map(([a, b]) => `${a} to ${b}`),
    fc
      .tuple(
        fc.constantFrom('normal', 'lognormal', 'uniform', 'triangular', 'pert', 'beta', 'mx'),
        fc.array(fc.oneof(fc.double().map(String), nasty), { maxLength: 4 }),
      )
      .map(([name, args]) => `${name}(${args.join(', ')})`),
    fc
      .array(fc.tuple(fc.double({ min: -1, max: 2 }), tie('d')), { minLength: 1, maxLength: 3 })
      .map((parts) => `mixture(${parts.map(([w, d]) => `${w}: ${d}`).join('; ')})`),
    nasty,
  ),
})).d;

/** A value for one flag: its own example, a neighbour of it, a distribution, or something nasty. */
function valueFor(example: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(example),
    fc
      .double({ min: -1e20, max: 1e20, noNaN: true })
      .map((v) => `${v}${example.replace(/^[$\d.,e+-]+/, '')}`),
    fc.constant(`${example} to ${example}`),
    distribution,
    nasty,
    fc.string({ maxLength: 30 }),
  );
}

const NOT_A_NUMBER = /\bNaN\b|Infinity/;

/** Every number in parsed JSON is one (JSON.stringify writes NaN and Infinity as null). */
function noNulls(value: unknown, path = '$'): void {
  expect(value, `${path} is null`).not.toBeNull();
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) noNulls(v, `${path}[${i}]`);
  } else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) noNulls(v, `${path}.${k}`);
}

/**
 * The one-line rule for a refusal, and the no-NaN rule for an answer. `given` is all the
 * text the user gave: where it holds "NaN" or "Infinity" (a scenario named so, a value
 * quoted back in a message), those words may come back as text.
 */
function holdsTheRules(r: CliRun, names: readonly string[], given: string, json: boolean): void {
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  const echoes = NOT_A_NUMBER.test(given);
  if (r.code === 0) {
    if (json) noNulls(JSON.parse(r.stdout));
    if (!echoes) expect(r.stdout).not.toMatch(NOT_A_NUMBER);
    return;
  }
  expect(r.code).toBe(2);
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  const line = lines[0] as string;
  expect(line).toMatch(/^gigawatt: /);
  expect(line.length).toBeLessThan(2000);
  if (!echoes) expect(line, line).not.toMatch(NOT_A_NUMBER);
  // It names what is at fault: a flag, a file given, or a place in one.
  expect(names.some((name) => line.includes(name)) || /--[a-z]|:\d+:\d+: /.test(line), line).toBe(true);
}

describe(`fuzzing the front door (seed ${seed})`, () => {
  it('calc: generated flag values answer or refuse in one sentence naming the flag', async () => {
    // Calculators by name, so a counterexample prints as a command line.
    const calcRun = fc.constantFrom(...CALCULATORS).chain((calc) =>
      fc.tuple(
        fc.constant(calc.name),
        fc.uniqueArray(
          fc
            .constantFrom(...calc.inputs)
            .chain((spec) =>
              fc.tuple(
                fc.constant(`--${spec.name.replaceAll('_', '-')}`),
                spec.type === 'quantity' ? valueFor(spec.example) : fc.oneof(nasty, fc.constant('h100')),
              ),
            ),
          { maxLength: 5, selector: ([flag]) => flag },
        ),
        fc.option(
          fc.constantFrom(
            ['--json'],
            ['--samples', '500'],
            ['--samples', '1e308'],
            ['--workers', '1000'],
            ['--seed', '-1'],
            ['--quantiles', '5,150'],
            ['--correlate', 'pue,price=.'],
            ['--sensitivity', 'constructor'],
            ['--sensitivity', 'total_capex'],
          ),
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(calcRun, async ([name, flags, extra]) => {
        const argv = ['calc', name, ...flags.flat(), ...(extra ?? [])];
        // A Monte Carlo run from a generated distribution: keep it short.
        if (!argv.includes('--samples')) argv.push('--samples', '300');
        const json = argv.includes('--json');
        holdsTheRules(
          await cli(...argv),
          [...flags.map(([f]) => f), ...(extra ?? []).slice(0, 1)],
          argv.join(' '),
          json,
        );
      }),
      settings(250),
    );
  });

  it('distributions: each parses to finite quantiles inside the limit, or is refused with an InputError', () => {
    const dimensions: Dimension[] = ['count', 'power', 'money', 'fraction', 'ratio', 'time', 'energy_price'];
    fc.assert(
      fc.property(distribution, fc.constantFrom(...dimensions), (text, dimension) => {
        let d: ReturnType<typeof parseDistribution>;
        try {
          d = parseDistribution(text, dimension);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as Error).message).not.toMatch(/\n/);
          return;
        }
        for (const q of [0.001, 0.05, 0.5, 0.95, 0.999]) expect(Number.isNaN(quantile(d, q))).toBe(false);
      }),
      settings(2000),
    );
  });

  it('scenarios: mutated files run or are refused at file:line:col, and write nothing half-done', async () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
    const texts = files.map((f) => readFileSync(join('scenarios', f), 'utf8'));
    const mutation = fc.oneof(
      // Replace a scalar after a key with something else.
      fc
        .tuple(
          fc.nat(),
          fc.oneof(
            nasty,
            distribution,
            fc.constantFrom('1e308 GW', '$1e300', '-5', '2026-13', '[]', '{}', '*a', '&a x'),
          ),
        )
        .map(([at, value]) => (text: string) => {
          const lines = text.split('\n');
          const keyed = lines
            .map((l, i) => [l, i] as const)
            .filter(([l]) => /:\s*\S/.test(l) && !/^\s*#/.test(l));
          const [line, i] = keyed[at % Math.max(1, keyed.length)] ?? ['', 0];
          lines[i] = line.replace(/:\s*.*$/, `: ${JSON.stringify(value)}`);
          return lines.join('\n');
        }),
      // Drop, or repeat, a line.
      fc.tuple(fc.nat(), fc.boolean()).map(([at, repeat]) => (text: string) => {
        const lines = text.split('\n');
        const i = at % lines.length;
        lines.splice(i, repeat ? 0 : 1, ...(repeat ? [lines[i] as string] : []));
        return lines.join('\n');
      }),
      // A billion laughs, or deep nesting, appended.
      fc
        .constantFrom(
          '\nx1: &a [1,1,1,1,1,1,1,1,1,1]\nx2: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nx3: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n',
          `\nx: ${'['.repeat(3000)}${']'.repeat(3000)}\n`,
          '\nuncertainty: {correlations: [{a: assumptions.pue, b: assumptions.pue, rho: 0.5}]}\n',
        )
        .map((tail) => (text: string) => text + tail),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: files.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(
          [],
          ['--json', 'OUT.json'],
          ['--csv', 'OUT.csv', '--chart', 'OUT.svg'],
          ['--samples', '40', '--json'],
          ['--json'],
        ),
        async (index, mutations, flags) => {
          const dir = mkdtempSync(join(scratch, 'run-'));
          const file = join(dir, 'mutated.yaml');
          const yaml = mutations.reduce((text, m) => m(text), texts[index] as string);
          writeFileSync(file, yaml);
          const argv = flags.map((f) => (f.startsWith('OUT') ? join(dir, f) : f));
          const r = await cli('run', file, ...argv);
          const json = argv.includes('--json') && !argv.some((a) => a.endsWith('OUT.json'));
          holdsTheRules(r, [file, ...argv.filter((a) => a.startsWith('--'))], yaml, json);
          const written = readdirSync(dir).filter((f) => f !== 'mutated.yaml');
          // Whole outputs on success, none on a refusal, and never a temporary file left behind.
          expect(written.filter((f) => f.endsWith('.tmp'))).toEqual([]);
          if (r.code !== 0) expect(written).toEqual([]);
        },
      ),
      settings(120),
    );
  });
});
