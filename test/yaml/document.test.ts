import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../../src/errors.js';
import { formatPath, parseYaml, parseYamlLocated } from '../../src/yaml/document.js';

const site = z.strictObject({
  name: z.string().optional(),
  power: z.number().min(0, 'cannot be negative'),
  ramp: z.array(z.number().positive('must be positive')).optional(),
});
const money = z.union([
  z.strictObject({ amount: z.number().min(0, 'cannot be negative'), per: z.string() }),
  z.strictObject({ total: z.number(), currency: z.string() }),
]);
const schema = z.strictObject({
  name: z.string(),
  kind: z.enum(['plan', 'claim']).default('plan'),
  sites: z.array(site).optional(),
  money: money.optional(),
  extras: z.record(z.string(), z.strictObject({ count: z.number() })).optional(),
});

/** The message parseYaml throws for a text, as an InputError. */
function problem(text: string, s: z.ZodType = schema): string {
  try {
    parseYaml(text, 'f.yaml', s);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an input error');
}

describe('YAML documents', () => {
  it('returns the data as the schema outputs it, defaults filled in', () => {
    expect(parseYaml('name: x\nsites:\n  - {power: 1}\n', 'f.yaml', schema)).toEqual({
      name: 'x',
      kind: 'plan',
      sites: [{ power: 1 }],
    });
  });

  it('points at a bad value by file:line:col, with its path', () => {
    const text = 'name: x\nsites:\n  - power: 10\n  - name: b\n    power: -3\n';
    expect(problem(text)).toBe('f.yaml:5:12: sites[1].power: cannot be negative');
  });

  it('points into lists within lists', () => {
    const text = 'name: x\nsites:\n  - power: 1\n    ramp: [1, 2, 0]\n';
    expect(problem(text)).toBe('f.yaml:4:18: sites[0].ramp[2]: must be positive');
  });

  it('names an unknown key and the one it most likely meant', () => {
    expect(problem('name: x\nsitse: []\n')).toMatch(
      /^f\.yaml:2:\d+: unknown key 'sitse'; did you mean 'sites'\?$/,
    );
    expect(problem('name: x\nsites:\n  - powr: 1\n')).toMatch(
      /^f\.yaml:3:\d+: sites\[0\]: unknown key 'powr'; did you mean 'power'\?$/,
    );
  });

  it('finds "did you mean" through optional fields and records', () => {
    expect(problem('name: x\nextras:\n  gpus: {cuont: 3}\n')).toMatch(
      /^f\.yaml:3:\d+: extras\.gpus: unknown key 'cuont'; did you mean 'count'\?$/,
    );
  });

  it('offers no guess when no key is close', () => {
    expect(problem('name: x\nzzzzzzzz: 1\n')).toMatch(/: unknown key 'zzzzzzzz'$/);
  });

  it('reports a misspelt key rather than the required key it leaves missing, at the key', () => {
    expect(problem('naem: x\n')).toBe("f.yaml:1:1: unknown key 'naem'; did you mean 'name'?");
    expect(problem('name: x\nsitez:\n  - power: 1\n')).toMatch(/^f\.yaml:2:1: unknown key 'sitez'/);
  });

  it('says what a value of the wrong type is, not that its key is missing', () => {
    expect(problem('name: [1]\n')).toBe('f.yaml:1:7: name: expected string, got a list');
    expect(problem('name: x\nkind: 5\n')).toMatch(
      /^f\.yaml:2:7: kind: expected one of 'plan', 'claim', got 5$/,
    );
  });

  it('names an alias whose anchor is not set before it', () => {
    expect(problem('name: *nope\n')).toBe(
      'f.yaml:1:7: invalid YAML: the alias *nope names no anchor set before it',
    );
  });

  it('points a missing key at the mapping that lacks it', () => {
    expect(problem('kind: plan\n')).toBe('f.yaml:1:1: name: this key is required');
    expect(problem('name: x\nsites:\n  - power: 1\n  - name: b\n')).toBe(
      'f.yaml:4:5: sites[1].power: this key is required',
    );
  });

  it('says an empty text is empty, and which keys it needs', () => {
    expect(problem('')).toBe('f.yaml:1:1: the text is empty; expected a mapping with at least name');
    expect(problem('# only a comment\n')).toBe(
      'f.yaml:1:1: the text is empty; expected a mapping with at least name',
    );
  });

  it('lists the values an enum takes', () => {
    expect(problem('name: x\nkind: plans\n')).toMatch(/^f\.yaml:2:7: kind: expected one of 'plan', 'claim'/);
  });

  it('reports a union from the branch the value nearly fits', () => {
    expect(problem('name: x\nmoney:\n  amount: -5\n  per: year\n')).toBe(
      'f.yaml:3:11: money.amount: cannot be negative',
    );
    expect(problem('name: x\nmoney:\n  total: 5\n')).toBe('f.yaml:3:3: money.currency: this key is required');
  });

  it('reports a whole-document rule without a path', () => {
    const both = z
      .strictObject({ a: z.number().optional(), b: z.number().optional() })
      .refine((v) => v.a !== undefined || v.b !== undefined, 'give a or b');
    expect(problem('# nothing given\n{}\n', both)).toBe('f.yaml:2:1: give a or b');
  });

  it('gives the position of a YAML syntax error, on one line', () => {
    expect(problem('name: x\nsites: [1, 2\n')).toMatch(/^f\.yaml:3:1: invalid YAML: .*\]$/);
    expect(problem('name: "x\n')).toBe('f.yaml:2:1: invalid YAML: Missing closing "quote');
    expect(problem('name: x\n\tkind: plan\n')).toBe(
      'f.yaml:2:1: invalid YAML: Tabs are not allowed as indentation',
    );
    expect(problem('name: x\nname: y\n')).toBe('f.yaml:2:1: invalid YAML: Map keys must be unique');
    expect(problem('name: "x\n')).not.toMatch(/at line|\n/);
  });

  it('refuses aliases that expand past the limit, pointing at the first alias', () => {
    const laughs = [
      'name: x',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      '',
    ].join('\n');
    expect(problem(laughs, z.any())).toBe(
      'f.yaml:3:8: its aliases expand past 100 copies of an anchor; write the values out instead of nesting aliases',
    );
  });

  it('resolves a few aliases as copies', () => {
    const data = parseYaml('name: &n x\nlist: [*n, *n, *n]\n', 'f.yaml', z.any());
    expect(data).toEqual({ name: 'x', list: ['x', 'x', 'x'] });
  });

  it('refuses nesting too deep to parse with a located message', () => {
    const deep = `name: x\nv: ${'['.repeat(2000)}${']'.repeat(2000)}\n`;
    expect(problem(deep, z.any())).toMatch(/^f\.yaml:2:\d+: invalid YAML: nested too deeply$/);
    const mappings = `v: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\n`;
    expect(problem(mappings, z.any())).toMatch(/^f\.yaml:1:\d+: invalid YAML: nested too deeply$/);
  });

  it('locates any path of a valid document, or its nearest existing ancestor', () => {
    const text = '# sites\nname: x\nsites:\n  - power: 1\n    ramp: [1, 2]\n    name:\n';
    const { data, locate } = parseYamlLocated(text, 'g.yaml', z.any());
    expect(data).toEqual({ name: 'x', sites: [{ power: 1, ramp: [1, 2], name: null }] });
    expect(locate([])).toBe('g.yaml:2:1');
    expect(locate(['sites', 0, 'ramp', 1])).toBe('g.yaml:5:15');
    expect(locate(['sites', 0, 'power'])).toBe('g.yaml:4:12');
    // A key with no value: its own line.
    expect(locate(['sites', 0, 'name'])).toMatch(/^g\.yaml:6:\d+$/);
    // Past the end of a list, or a key that is not there: the nearest ancestor.
    expect(locate(['sites', 5, 'power'])).toBe('g.yaml:4:3');
    expect(locate(['nope', 'deeper'])).toBe('g.yaml:2:1');
  });

  it('formats paths with dots between keys and brackets around indexes', () => {
    expect(formatPath(['sites', 1, 'power', 'ramp', 0])).toBe('sites[1].power.ramp[0]');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath([2, 3])).toBe('[2][3]');
    expect(formatPath([])).toBe('');
  });
});
