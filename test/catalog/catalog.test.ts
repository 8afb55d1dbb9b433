import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_FILES, type CatalogTexts, parseCatalog } from '../../src/catalog/parse.js';
import { PRECISIONS } from '../../src/catalog/types.js';
import { catalog } from '../helpers/catalog.js';

const REQUIRED_ACCELERATORS = [
  'a100-sxm',
  'h100-sxm',
  'h800',
  'h200',
  'b200',
  'gb200',
  'gb300',
  'vr200',
  'mi300x',
  'mi325x',
  'mi355x',
  'tpu-v5p',
  'tpu-v6e',
  'tpu-v7',
  'trn2',
];
const REQUIRED_MODELS = [
  'gpt-3',
  'llama-2-70b',
  'llama-3-70b',
  'llama-3.1-8b',
  'llama-3.1-405b',
  'llama-3.3-70b',
  'deepseek-v3',
  'nemotron-4-340b',
];

describe('the shipped catalog', () => {
  it('has every required accelerator and model', () => {
    const ids = catalog.accelerators.map((a) => a.id);
    for (const id of REQUIRED_ACCELERATORS) expect(ids).toContain(id);
    const models = catalog.models.map((m) => m.id);
    for (const id of REQUIRED_MODELS) expect(models).toContain(id);
  });

  it('resolves short aliases', () => {
    expect(catalog.accelerator('h100').id).toBe('h100-sxm');
    expect(catalog.accelerator('A100').id).toBe('a100-sxm');
    expect(catalog.accelerator('ironwood').id).toBe('tpu-v7');
  });

  it('suggests the nearest id for an unknown one', () => {
    expect(() => catalog.accelerator('h1000')).toThrow(
      "unknown accelerator 'h1000'; did you mean 'h100-sxm'?",
    );
    expect(() => catalog.model('llama-3.1-450b')).toThrow(/did you mean 'llama-3.1-405b'/);
  });

  it('gives every accelerator figure a titled source and keeps dense at or below sparse', () => {
    for (const a of catalog.accelerators) {
      const figures = [
        a.hbmCapacity,
        a.hbmBandwidth,
        a.tdp,
        a.itPower,
        a.price,
        ...PRECISIONS.map((p) => a.dense[p]),
      ];
      for (const f of figures) if (f) expect(f.source.title.length, `${a.id}`).toBeGreaterThan(3);
      for (const p of PRECISIONS) {
        const dense = a.dense[p]?.value;
        const sparse = a.sparse[p]?.value;
        if (dense !== undefined && sparse !== undefined)
          expect(sparse, `${a.id} ${p}`).toBeGreaterThanOrEqual(dense);
      }
      expect(a.itPower.value, a.id).toBeGreaterThanOrEqual(a.tdp.value);
    }
  });

  it('has the inference dimensions of every required model, consistent with its size', () => {
    for (const id of REQUIRED_MODELS) {
      const m = catalog.model(id);
      expect(m.layers && m.hiddenSize && m.attentionHeads && m.kvHeads && m.headDim, id).toBeTruthy();
      expect(m.kvHeads?.value ?? 0, id).toBeLessThanOrEqual(m.attentionHeads?.value ?? 0);
      // 12·L·d² is the classic dense-transformer parameter count (without embeddings); it
      // should be within a factor of 2.5 of the published total for dense models.
      if (m.architecture === 'dense') {
        const estimate = 12 * (m.layers?.value ?? 0) * (m.hiddenSize?.value ?? 0) ** 2;
        expect(estimate / m.params.value, id).toBeGreaterThan(0.4);
        expect(estimate / m.params.value, id).toBeLessThan(2.5);
      }
    }
    expect(catalog.model('deepseek-v3').activeParams.value).toBe(37e9);
  });

  it('has edge devices, a car computer and a phone or laptop NPU, with ranges on unofficial figures', () => {
    const kinds = new Set(catalog.devices.map((d) => d.kind));
    expect(kinds.has('car')).toBe(true);
    expect(kinds.has('phone') || kinds.has('laptop')).toBe(true);
    for (const d of catalog.devices) {
      for (const f of [d.peak8bit, d.memoryBandwidth, d.power, d.price]) {
        expect(f.source.title.length, d.id).toBeGreaterThan(3);
        if (f.estimate) expect(f.range, `${d.id}: an estimate needs a range`).toMatch(/ to /);
      }
    }
    expect(catalog.device('m4').id).toBe('apple-m4');
    expect(() => catalog.device('iphone')).toThrow(/unknown device 'iphone'; did you mean/);
  });

  it('lists every assumption with a source', () => {
    for (const a of Object.values(catalog.assumptions)) {
      expect(a.sources.length, a.key).toBeGreaterThan(0);
      expect(Number.isFinite(a.value), a.key).toBe(true);
    }
  });
});

describe('catalog files with mistakes', () => {
  const read = (name: string) => ({ file: `data/${name}`, text: readFileSync(`data/${name}`, 'utf8') });
  const texts = () =>
    Object.fromEntries(
      Object.entries(CATALOG_FILES).map(([part, name]) => [part, read(name)]),
    ) as CatalogTexts;
  /** A shipments file of one or two years, written as the data file is. */
  const shipments = (rows: string) => `sources:\n  s: {title: "A source"}\nshipments:\n${rows}`;

  it('names file, line and column and the key path of a bad quantity', () => {
    const t = texts();
    t.accelerators.text = t.accelerators.text.replace(
      'bf16: {value: 989.4 TFLOP/s',
      'bf16: {value: 989.4 TFLOPz',
    );
    expect(t.accelerators.text).toContain('TFLOPz');
    expect(() => parseCatalog(t)).toThrow(
      /^data\/accelerators\.yaml:\d+:\d+: accelerators\[\d+\]\.dense\.bf16\.value: expected a compute rate like "4 PFLOP\/s", got "989.4 TFLOPz"$/,
    );
  });

  it('suggests the nearest key for a misspelt one', () => {
    const t = texts();
    t.assumptions.text = t.assumptions.text.replace(/^ {2}pue:/m, '  peu:');
    expect(() => parseCatalog(t)).toThrow(
      /data\/assumptions\.yaml:\d+:\d+: assumptions: unknown key 'peu'; did you mean 'pue'\?/,
    );
  });

  it('rejects a source key that the entry does not define', () => {
    const t = texts();
    t.models.text = t.models.text.replace(
      'training_tokens: {value: 3.0e+11, source: gpt3-paper}',
      'training_tokens: {value: 3.0e+11, source: gpt3-papr}',
    );
    expect(() => parseCatalog(t)).toThrow(
      /models\[0\]\.training_tokens\.source: unknown source 'gpt3-papr'; did you mean 'gpt3-paper'\?/,
    );
  });

  it('refuses a shipments row with a negative count, at its line and column', () => {
    const t = texts();
    t.shipments.text = shipments(
      '  - year: 2024\n    rows:\n      - {accelerator: h100, units: {value: "-5k", source: s}}\n',
    );
    expect(() => parseCatalog(t)).toThrow(
      /^data\/shipments\.yaml:6:44: shipments\[0\]\.rows\[0\]\.units\.value: a count of units cannot be negative$/,
    );
  });

  it('refuses shipment years out of order, and names an unknown chip with the nearest', () => {
    const t = texts();
    const year = (y: number, chip: string) =>
      `  - year: ${y}\n    rows:\n      - {accelerator: ${chip}, units: {value: "5k", source: s}}\n`;
    t.shipments.text = shipments(year(2024, 'h100') + year(2023, 'h100'));
    expect(() => parseCatalog(t)).toThrow(
      /^data\/shipments\.yaml:7:11: shipments\[1\]\.year: years must increase: 2023 comes after 2024$/,
    );
    t.shipments.text = shipments(year(2024, 'h1000'));
    expect(() => parseCatalog(t)).toThrow(
      /accelerator: unknown accelerator 'h1000'; did you mean 'h100-sxm'\?$/,
    );
  });

  it('refuses a power source with no capacity factor and one given both a rate and a stock', () => {
    const t = texts();
    t.power.text = t.power.text.replace(/(id: wind[\s\S]*?capacity_factor: \{value: )"34%"/, '$1"0%"');
    expect(() => parseCatalog(t)).toThrow(/power_sources\[\d+\]\.capacity_factor: must be above 0%$/);
    const both = texts();
    both.power.text = both.power.text.replace(
      /(id: nuclear-restart[\s\S]*?)( {4}available:)/,
      '$1    world_build_per_year: {value: "1 GW", source: crane-restart}\n$2',
    );
    expect(() => parseCatalog(both)).toThrow(/give world_build_per_year \(a yearly rate\) or available/);
  });

  it('reports broken YAML with its position', () => {
    const t = texts();
    t.models.text = `models:\n  - id: [unclosed\n`;
    expect(() => parseCatalog(t)).toThrow(/^data\/models\.yaml:\d+:\d+: invalid YAML/);
  });
});
