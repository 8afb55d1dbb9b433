import type { Catalog } from '../catalog/catalog.js';
import { WORLD_OUTPUTS, type WorldBaseline, type WorldYear } from '../catalog/world.js';
import { InputError } from '../errors.js';
import { runScenario } from './run.js';

/** Run a world scenario at its medians and keep what programs are held against. */
export function worldBaseline(text: string, file: string, catalog: Catalog): WorldBaseline {
  const run = runScenario(text, file, catalog);
  if (!run.loaded.scenario.world) throw new InputError(`${file}: a world scenario needs a world section`);
  return {
    file,
    name: run.loaded.scenario.name,
    years: run.yearly.map((row) => {
      const year = { year: row.year, binding: row.binding } as WorldYear;
      for (const output of WORLD_OUTPUTS) year[output] = row[output];
      return year;
    }),
  };
}
