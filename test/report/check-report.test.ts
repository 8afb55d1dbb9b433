import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CalibrationResult } from '../../src/checks/calibrate.js';
import { evaluateCheckFile } from '../../src/checks/evaluate.js';
import { renderCalibration, renderCheckReport } from '../../src/report/check-report.js';
import { catalog } from '../helpers/catalog.js';
import { besideChecks } from '../helpers/checks.js';
import { column, expectAligned, tableAt } from '../helpers/table.js';

const evaluate = (text: string, file = 'test.yaml') => evaluateCheckFile(text, file, catalog, besideChecks);

const small = `kind: published
checks:
  - id: T-1
    title: GPT-3 compute, the training FLOP of the 175B model on 300B tokens
    calculator: training
    inputs: {params: 175e9, tokens: 300e9, count: 1000}
    expect:
      - {output: training_flop, value: 2e23 FLOP, tolerance: 5%}
      - {output: training_flop, value: 3.14e23 FLOP, tolerance: 5%}
    source:
      - {title: GPT-3 paper, url: "https://arxiv.org/abs/2005.14165"}
      - {title: A blog without a link}
  - id: T-2
    title: H100 peak
    calculator: cluster
    inputs: {accelerator: h100-sxm, count: 1}
    expect:
      - {output: peak_flops, value: 989 TFLOP/s, tolerance: 1%}
    source: {title: NVIDIA datasheet}
`;

describe('check reports', () => {
  const result = evaluate(small);
  const text = renderCheckReport(result);
  const table = tableAt(text, 'ID');

  it('sums up how many published facts the model reproduces', () => {
    expect(text.split('\n')[0]).toBe('test.yaml: published facts, 2 of 3 reproduced within tolerance');
  });

  it('gives one row per expectation, naming each check once, lined up', () => {
    expect(table.header).toEqual(['ID', 'Check', 'Output', 'Published', 'Model', 'Verdict']);
    expectAligned(table, ['Published', 'Model']);
    expect(column(table, 'ID')).toEqual(['T-1', '', 'T-2']);
    expect(column(table, 'Output')).toEqual(['training_flop', 'training_flop', 'peak_flops']);
    expect(column(table, 'Verdict')).toEqual(['off by +58% (±5%)', 'holds (±5%)', 'holds (±1%)']);
    expect(column(table, 'Published')).toEqual(['2e23 FLOP', '3.14e23 FLOP', '989 TFLOP/s']);
  });

  it('cuts a check title to 44 characters', () => {
    const title = column(table, 'Check')[0] ?? '';
    expect(title).toHaveLength(44);
    expect(title).toBe('GPT-3 compute, the training FLOP of the 175…');
    expect(column(table, 'Check')[2]).toBe('H100 peak');
  });

  it('lists every source under its check, with a link when it has one', () => {
    const sources = text.slice(text.indexOf('\nSources\n') + 1).split('\n');
    expect(sources.slice(0, 4)).toEqual([
      'Sources',
      '  T-1  GPT-3 paper <https://arxiv.org/abs/2005.14165>',
      '  T-1  A blog without a link',
      '  T-2  NVIDIA datasheet',
    ]);
  });

  it('leaves the sources out when asked', () => {
    const bare = renderCheckReport(result, { sources: false });
    expect(bare).not.toMatch(/Sources/);
    expect(bare.endsWith(`${table.lines.at(-1)}\n`)).toBe(true);
  });

  it('reports the shipped published facts, every one of them', () => {
    const shipped = evaluate(readFileSync('checks/published.yaml', 'utf8'), 'checks/published.yaml');
    const all = renderCheckReport(shipped, { sources: false });
    const count = shipped.results.reduce((n, c) => n + c.expectations.length, 0);
    expect(all.split('\n')[0]).toBe(
      `checks/published.yaml: published facts, ${count} of ${count} reproduced within tolerance`,
    );
    const rows = tableAt(all, 'ID');
    expectAligned(rows, ['Published', 'Model']);
    expect(rows.rows).toHaveLength(count);
    expect(column(rows, 'ID').filter(Boolean)).toEqual(shipped.results.map((c) => c.id));
  });

  describe('claims', () => {
    const shipped = evaluate(readFileSync('checks/seed-claims.yaml', 'utf8'), 'checks/seed-claims.yaml');
    const claims = renderCheckReport(shipped, { sources: false });
    const rows = tableAt(claims, 'ID');
    const expectations = shipped.results.flatMap((c) => c.expectations);

    it('counts the consistent claims among those with a figure', () => {
      const compared = expectations.filter((e) => e.holds !== undefined);
      const consistent = compared.filter((e) => e.holds).length;
      expect(compared.length).toBeLessThan(expectations.length);
      expect(claims.split('\n')[0]).toBe(
        `checks/seed-claims.yaml: claims, ${consistent} of ${compared.length} consistent with the model (verdicts, not pass/fail)`,
      );
    });

    it('heads the figures "Claimed" and shows a dash where none was claimed', () => {
      expectAligned(rows, ['Claimed', 'Model']);
      const claimed = column(rows, 'Claimed');
      const verdicts = column(rows, 'Verdict');
      verdicts.forEach((v, i) => {
        if (v === 'model estimate (no figure claimed)') expect(claimed[i]).toBe('—');
      });
      expect(claimed).toContain('—');
    });

    it('puts the closest reading of a claim on its own line under it', () => {
      const verdicts = column(rows, 'Verdict');
      const closest = expectations.filter((e) => e.closest);
      expect(closest.length).toBeGreaterThan(0);
      expect(verdicts.filter((v) => v.startsWith('closest reading: '))).toHaveLength(closest.length);
      const first = closest[0];
      const at = verdicts.indexOf(first?.verdict ?? '');
      expect(verdicts[at + 1]).toBe(
        `closest reading: ${Object.entries(first?.closest?.inputs ?? {})
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} → ${first?.closest?.display} (claim ${first?.closest?.difference})`,
      );
      expect(rows.rows[at + 1]?.slice(0, 5)).toEqual(['', '', '', '', '']);
    });
  });

  describe('calibration', () => {
    const calibration: CalibrationResult = {
      file: 'checks/x.yaml',
      counted: 3,
      inside50: 1,
      inside90: 2,
      rows: [
        {
          id: 'A',
          output: 'facility_power',
          published: '27 MW',
          interval50: '26 MW to 29 MW',
          interval90: '25 MW to 31 MW',
          inside50: true,
          inside90: true,
        },
        {
          id: 'B',
          output: 'accelerator_hours',
          published: '30.8M h',
          interval50: '31M h to 35M h',
          interval90: '29M h to 38M h',
          inside50: false,
          inside90: true,
        },
        {
          id: 'C',
          output: 'peak_flops',
          published: '989 TFLOP/s',
          interval50: '989 TFLOP/s to 989 TFLOP/s',
          interval90: '989 TFLOP/s to 989 TFLOP/s',
        },
        {
          id: 'E',
          output: 'hbm_capacity',
          published: '80 GB',
          interval50: '80 GB to 80 GB',
          interval90: '80 GB to 80 GB',
        },
        {
          id: 'D',
          output: 'count',
          published: '1,000',
          interval50: '2,000 to 3,000',
          interval90: '1,500 to 4,000',
          inside50: false,
          inside90: false,
        },
      ],
    };
    const text = renderCalibration(calibration);

    it('sums up the share inside each interval, and the facts left out', () => {
      const lines = text.split('\n');
      expect(lines[0]).toBe(
        "checks/x.yaml: calibration with the catalog's stated uncertainty on its defaults",
      );
      expect(lines[1]).toBe('  inside the 50% interval: 1 of 3 (33%); inside the 90% interval: 2 of 3 (67%)');
      expect(lines[3]).toBe('  2 facts have no uncertain input (catalog figures, 6·N·D) and are not counted');
    });

    it('shows only the facts with an interval, with yes or no for each', () => {
      const table = tableAt(text, 'ID');
      expectAligned(table, ['Published', '50% interval', '90% interval']);
      expect(column(table, 'ID')).toEqual(['A', 'B', 'D']);
      expect(column(table, 'in 50%')).toEqual(['yes', 'no', 'no']);
      expect(column(table, 'in 90%')).toEqual(['yes', 'yes', 'no']);
    });

    it('shows a dash, not a division by zero, when nothing was counted', () => {
      const none = renderCalibration({ file: 'f', counted: 0, inside50: 0, inside90: 0, rows: [] });
      expect(none.split('\n')[1]).toBe(
        '  inside the 50% interval: 0 of 0 (—); inside the 90% interval: 0 of 0 (—)',
      );
    });
  });
});
