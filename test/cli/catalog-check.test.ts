import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('gigawatt catalog', () => {
  it('lists accelerators with dense peaks', async () => {
    const r = await cli('catalog', 'accelerators');
    expect(r.code).toBe(0);
    for (const id of ['h100-sxm', 'gb300', 'vr200', 'tpu-v7', 'trn2', 'mi355x'])
      expect(r.stdout).toContain(id);
    expect(r.stdout).toMatch(/h100-sxm\s+2022\s+989 TFLOP\/s\s+1\.98 PFLOP\/s/);
  });

  it('shows one entry with every source', async () => {
    const r = await cli('catalog', 'show', 'h100');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('NVIDIA H100');
    expect(r.stdout).toMatch(/Sources\n\s+\[/);
    expect(r.stdout).toMatch(/https?:\/\//);
    const model = await cli('catalog', 'show', 'llama-3.1-405b');
    expect(model.stdout).toMatch(/KV heads\s+8/);
  });

  it('lists the yardsticks claims are held against, each with its value in its unit and its source', async () => {
    const r = await cli('catalog', 'yardsticks');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/apollo\s+peakShare\s+0\.4%\s+Stine, CRS RL34645/);
    expect(r.stdout).toMatch(/gb200\s+hourlyPrice\s+\$4\.20\/h\*/);
    expect(r.stdout).toMatch(/efficiency\s+landauer\s+2\.87 zJ/);
    expect(r.stdout).toMatch(/brazil\s+electricity\s+757 TWh/);
    const json = JSON.parse((await cli('catalog', 'yardsticks', '--json')).stdout);
    expect(json.deals.find((d: { id: string }) => d.id === 'oracle-openai').value.source.url).toMatch(
      /^https:/,
    );
  });

  it('suggests the nearest entry', async () => {
    const r = await cli('catalog', 'show', 'h1000');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("gigawatt: unknown catalog entry 'h1000'; did you mean 'h100-sxm'?\n");
  });
});

describe('gigawatt check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gigawatt-check-'));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const fact = (value: string) => `kind: published
checks:
  - id: X
    title: H100 BF16 peak
    calculator: cluster
    inputs: {accelerator: h100, count: 1}
    expect: [{output: peak_flops, value: ${value}, tolerance: 1%}]
    source: {title: a datasheet}
`;

  it('prints a verdict table and passes --strict when facts hold', async () => {
    const r = await cli('check', write('ok.yaml', fact('989.4 TFLOP/s')), '--strict');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/X\s+H100 BF16 peak\s+peak_flops\s+989 TFLOP\/s\s+989 TFLOP\/s\s+holds \(±1%\)/);
  });

  it('exits 1 under --strict when a published fact is missed, 0 without', async () => {
    const path = write('bad.yaml', fact('1979 TFLOP/s'));
    const strict = await cli('check', path, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/off by 1\/2× \(±1%\)/);
    expect(strict.stderr).toBe('gigawatt: 1 published fact outside tolerance\n');
    expect((await cli('check', path)).code).toBe(0);
  });

  it('names the file, line and column of a bad check and prints nothing else', async () => {
    const path = write('typo.yaml', fact('989.4 TFLOP/s').replace('count: 1', 'count: one'));
    const r = await cli('check', write('ok2.yaml', fact('989.4 TFLOP/s')), path);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `gigawatt: ${path}:6:40: checks[0].inputs.count: expected a count like "100k", got "one"\n`,
    );
  });

  it('says when a file is missing', async () => {
    const r = await cli('check', join(dir, 'nope.yaml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.yaml: no such file/);
  });
});
