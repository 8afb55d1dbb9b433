import { describe, expect, it } from 'vitest';
import {
  acceleratorSupply,
  capacityCosts,
  lithography,
  modelShape,
  packageSpec,
  processSpec,
} from '../../src/model/from-catalog.js';
import { catalog } from '../helpers/catalog.js';

describe('catalog records as model specs', () => {
  it("takes a model's serving dimensions, and names the first it does not publish", () => {
    expect(modelShape(catalog.model('llama-3.3-70b'))).toEqual({
      totalParams: 70e9,
      activeParams: 70e9,
      layers: 80,
      attentionHeads: 64,
      headDim: 128,
      kv: { heads: 8 },
    });
    // MLA models cache a latent, whatever their KV heads say.
    expect(modelShape(catalog.model('deepseek-v3'))).toMatchObject({ kv: { latentDim: 576 } });
    // GPT-4's layer count is an estimate, its heads are unpublished.
    expect(modelShape(catalog.model('gpt-4'))).toEqual({ missing: 'KV heads' });
  });

  it("finds an accelerator's package and node, and says which one the catalog lacks", () => {
    const b200 = acceleratorSupply(catalog.supply, catalog.accelerator('b200'));
    if (!('pkg' in b200)) throw new Error('b200 should have supply data');
    const pkg = packageSpec(b200.pkg);
    expect(pkg.computeDies).toBe(catalog.supply.packaging.b200?.computeDies.value);
    expect(processSpec(b200.node)?.fabCost).toBe(b200.node.fabCost?.value);
    expect(acceleratorSupply(catalog.supply, catalog.accelerator('tpu-v5p'))).toEqual({
      missing: 'packaging',
    });
    // A node without a fab size cannot be built, only bought from.
    const n7 = catalog.supply.processes.n7;
    if (!n7) throw new Error('n7 missing');
    expect(processSpec(n7)).toBeUndefined();
  });

  it('carries capacity costs and lithography figures as their catalog values', () => {
    expect(capacityCosts(catalog.supply)).toEqual({
      cowosCapexPerWaferMonth: catalog.supply.cowos.capexPerWaferMonth.value,
      hbmCapexPerStackYear: catalog.supply.hbm.capexPerStackYear.value,
    });
    expect(lithography(catalog.supply).wafersPerHour).toBe(catalog.supply.euv.wafersPerHour.value);
  });
});
