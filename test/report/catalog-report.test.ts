import { describe, expect, it } from 'vitest';
import type { Accelerator, LanguageModel } from '../../src/catalog/types.js';
import {
  renderAccelerator,
  renderAcceleratorTable,
  renderAssumptionTable,
  renderDevice,
  renderDeviceTable,
  renderModel,
  renderModelTable,
} from '../../src/report/catalog-report.js';
import { catalog } from '../helpers/catalog.js';
import { column, expectAligned, tableAt } from '../helpers/table.js';

const h100 = catalog.accelerator('h100-sxm');
const llama = catalog.model('llama-3.1-405b');

/** The source keys a detail page cites in brackets, and those its Sources list gives. */
function citedAndListed(text: string) {
  const [body = '', list = ''] = text.split('\nSources\n');
  const cited = new Set([...body.matchAll(/ {2}\[([\w.-]+)\]$/gm)].map((m) => m[1]));
  const listed = new Set([...list.matchAll(/^ {2}\[([\w.-]+)\] /gm)].map((m) => m[1]));
  return { cited, listed };
}

describe('catalog reports', () => {
  describe('accelerator table', () => {
    const text = renderAcceleratorTable(catalog.accelerators, h100);
    const table = tableAt(text, 'id');

    it('has a row per accelerator in catalog order, lined up', () => {
      expect(column(table, 'id')).toEqual(catalog.accelerators.map((a) => a.id));
      expectAligned(table, [
        'BF16 dense',
        'FP8 dense',
        'FP4 dense',
        'H100e',
        'HBM',
        'HBM BW',
        'TDP',
        'IT power',
        'price',
      ]);
    });

    it('marks estimates with a star and unsupported precisions with a dash', () => {
      const row = table.rows[catalog.accelerators.indexOf(h100)] ?? [];
      expect(row[4]).toBe('—');
      expect(row[2]).toBe('989 TFLOP/s');
      expect(h100.price.estimate).toBe(true);
      expect(row[10]).toBe('$33.8k*');
      catalog.accelerators.forEach((a, i) => {
        expect(column(table, 'price')[i]?.endsWith('*'), a.id).toBe(a.price.estimate);
        expect(column(table, 'FP4 dense')[i] === '—', a.id).toBe(a.dense.fp4 === null);
      });
    });

    it('shows a dash for an unknown process', () => {
      const none: Accelerator = { ...h100, process: null };
      expect(tableAt(renderAcceleratorTable([none], h100), 'id').rows[0]?.at(-1)).toBe('—');
    });

    it('counts each accelerator in H100-equivalents: its dense BF16 peak over the H100 SXM', () => {
      expect(column(table, 'H100e')[catalog.accelerators.indexOf(h100)]).toBe('1');
      // B200: 2,250 / 989.4 TFLOP/s = 2.27.
      expect(column(table, 'H100e')[catalog.accelerators.findIndex((a) => a.id === 'b200')]).toBe('2.27');
    });

    it('ends with what the star and H100e mean', () => {
      expect(
        text.endsWith(
          "\n\n* estimate. Dense peaks only; sparse figures and every source: gigawatt catalog show <id>\nH100e: dense BF16 peak over the H100 SXM's (989 TFLOP/s).\n",
        ),
      ).toBe(true);
    });
  });

  it('has a model table row per model, lined up', () => {
    const table = tableAt(renderModelTable(catalog.models), 'id');
    expect(column(table, 'id')).toEqual(catalog.models.map((m) => m.id));
    expect(column(table, 'arch')).toEqual(catalog.models.map((m) => m.architecture));
    expectAligned(table, [
      'params',
      'active',
      'tokens',
      'layers',
      'hidden',
      'heads',
      'kv heads',
      'head dim',
      'reported compute',
    ]);
    const bare: LanguageModel = { ...llama, trainingTokens: undefined, trainingCompute: undefined };
    const row = tableAt(renderModelTable([bare]), 'id').rows[0] ?? [];
    expect([row[5], row[11]]).toEqual(['—', '—']);
  });

  it('lists every assumption with its default, range and kind', () => {
    const assumptions = Object.values(catalog.assumptions);
    const table = tableAt(renderAssumptionTable(catalog.assumptions), 'key');
    expectAligned(table, ['default']);
    expect(column(table, 'key')).toEqual(assumptions.map((a) => a.key));
    expect(column(table, 'default')).toEqual(assumptions.map((a) => a.written));
    expect(column(table, 'kind')).toEqual(assumptions.map((a) => (a.estimate ? 'estimate' : 'published')));
    expect(column(table, 'range')).toEqual(assumptions.map((a) => a.range ?? ''));
  });

  it('has a device table row per device, lined up', () => {
    const table = tableAt(renderDeviceTable(catalog.devices), 'id');
    expect(column(table, 'id')).toEqual(catalog.devices.map((d) => d.id));
    expect(column(table, 'kind')).toEqual(catalog.devices.map((d) => d.kind));
    expectAligned(table, ['8-bit peak', 'memory', 'bandwidth', 'power', 'AI price']);
  });

  describe('an accelerator in detail', () => {
    const text = renderAccelerator(h100);
    const lines = text.split('\n');

    it('names it, its vendor, status, year and aliases', () => {
      expect(lines[0]).toBe(`${h100.name} (h100-sxm)`);
      expect(lines[1]).toBe(
        `  vendor ${h100.vendor}, ${h100.status}, ${h100.year}; aliases: ${h100.aliases.join(', ')}`,
      );
      const plain = renderAccelerator({ ...h100, aliases: [] }).split('\n')[1];
      expect(plain).toBe(`  vendor ${h100.vendor}, ${h100.status}, ${h100.year}`);
    });

    it('gives dense and sparse peaks, and says which precisions it lacks', () => {
      const dense = lines.indexOf('Peak tensor FLOP/s, dense (no structured sparsity)');
      const sparse = lines.findIndex((l) => l.startsWith('Peak with 2:4 structured sparsity'));
      expect(dense).toBeGreaterThan(0);
      expect(sparse).toBeGreaterThan(dense);
      expect(lines.slice(dense, sparse).find((l) => l.trimStart().startsWith('fp4'))).toMatch(
        /^ {2}fp4 {20}not supported$/,
      );
      expect(lines.slice(dense, sparse).find((l) => l.trimStart().startsWith('bf16'))).toMatch(
        /^ {2}bf16 {19}989 TFLOP\/s {2}\[epoch-chips\]$/,
      );
      expect(lines.slice(sparse).find((l) => l.trimStart().startsWith('bf16'))).toMatch(/1\.98 PFLOP\/s/);
    });

    it('marks estimates and sets each note under its figure', () => {
      const at = lines.findIndex((l) => l.startsWith('  all-in IT power'));
      expect(lines[at]).toMatch(/^ {2}all-in IT power {8}1\.45 kW {2}\(estimate\) {2}\[[\w-]+\]$/);
      expect(lines[at + 1]).toBe(`${' '.repeat(25)}${h100.itPower.note}`);
    });

    it('lists every source it cites', () => {
      const { cited, listed } = citedAndListed(text);
      expect(cited.size).toBeGreaterThan(2);
      for (const key of cited) expect(listed.has(key), key).toBe(true);
      expect(listed.size).toBe(h100.sources.length);
      expect(text).toContain(
        `\n  [epoch-chips] ${h100.sources.find((s) => s.key === 'epoch-chips')?.title}\n    https://`,
      );
    });

    it('writes a precision a chip lacks as "not supported", and a figure nobody published as such', () => {
      expect(renderAccelerator({ ...h100, dieArea: null })).toMatch(/\n {2}die area {15}not published\n/);
      const tpu = catalog.accelerator('tpu-v5p');
      expect(tpu.dieArea).toBeNull();
      expect(renderAccelerator(tpu)).toMatch(/die area +not published/);
    });
  });

  describe('a model in detail', () => {
    const text = renderModel(llama);

    it('gives its figures with sources and the hardware it trained on', () => {
      expect(text.split('\n')[0]).toBe(`${llama.name} (llama-3.1-405b)`);
      expect(text).toMatch(/\n {2}training tokens {8}15\.6T tokens {2}\[llama3-paper\]\n/);
      expect(text).toMatch(/\n {2}training hardware {6}16,384 × h100-sxm {2}\[llama3-paper\]\n/);
      const { cited, listed } = citedAndListed(text);
      for (const key of cited) expect(listed.has(key), key).toBe(true);
    });

    it('leaves out the lines of figures it does not have', () => {
      expect(llama.kvLatentDim).toBeUndefined();
      expect(text).not.toMatch(/KV latent dim/);
      expect(renderModel(catalog.model('deepseek-v3'))).toMatch(/\n {2}KV latent dim \(MLA\) +\d/);
      const untrained = renderModel({ ...llama, trainingHardware: undefined, notes: undefined });
      expect(untrained).not.toMatch(/training hardware|Notes:/);
    });
  });

  describe('a device in detail', () => {
    const device = catalog.device('tesla-hw4');
    const text = renderDevice(device);

    it('gives each figure with its range, marking estimates', () => {
      expect(text).toMatch(
        /\n {2}8-bit peak \(dense\) {5}240 TFLOP\/s\* \(144 TFLOP\/s to 720 TFLOP\/s\) {2}\(estimate\) {2}\[[\w-]+\]\n/,
      );
    });

    it('says when a figure is not published', () => {
      expect(device.peak16bit).toBeNull();
      expect(text).toMatch(/\n {2}16-bit peak \(dense\) {4}not published\n/);
    });

    it('lists every source it cites', () => {
      const { cited, listed } = citedAndListed(text);
      expect(cited.size).toBeGreaterThan(2);
      for (const key of cited) expect(listed.has(key), key).toBe(true);
    });
  });
});
