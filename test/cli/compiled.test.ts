import { describe, expect, it } from 'vitest';
import { compiledCli } from '../helpers/cli.js';

describe('the compiled CLI (what npx gigawatt runs)', () => {
  it('answers --help for the program and each command', () => {
    const root = compiledCli('--help');
    expect(root.code).toBe(0);
    expect(root.stdout).toMatch(/Usage: gigawatt/);
    for (const argv of [
      ['calc', 'cluster', '--help'],
      ['calc', 'training', '--help'],
      ['check', '--help'],
      ['catalog', '--help'],
    ]) {
      const r = compiledCli(...argv);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.stdout, argv.join(' ')).toMatch(/Usage: gigawatt/);
    }
    expect(compiledCli('calc', 'cluster', '--help').stdout).toMatch(/--pue <value>.*default 1\.2/s);
  });

  it('exits 2 with one line and no stack trace on bad input', () => {
    const r = compiledCli('calc', 'cluster', '--count', '-3');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gigawatt: --count: must be at least 1, got "-3"\n');
    expect(r.stderr).not.toMatch(/\bat \w+ \(/);
  });

  it('never prints NaN or Infinity', () => {
    const r = compiledCli('calc', 'training', '--model', 'gpt-3', '--json');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });
});
