import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The pages are one bundle (src/build/bundle.ts): the page scripts in main.js, and the model
 * the page runs (src/server/page-model.ts, pure model and report code) in a chunk of its own
 * that loads when a scenario page needs it. Nothing of the server's own code or of Node
 * reaches the browser; a bare import left in a script would leave a blank page, so these
 * tests name it before the browser tests meet one.
 */
const OUT = 'dist/web/js';
const SOURCES = 'web/src';

/** `import … from '…'`, `import '…'` and `export … from '…'` statements; `import('…')`. */
const IMPORT = /^\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(['"])([^'"]+)\1/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*(['"])([^'"]+)\1/g;

const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.[a-z]+$/.test(f));

describe('the explorer scripts (dist/web/js, from npm run build)', () => {
  const scripts = filesIn(OUT).filter((f) => f.endsWith('.js'));

  it('are the pages in main.js and the model in a chunk of its own, each with its source map', () => {
    expect(scripts).toContain('main.js');
    const model = scripts.filter((f) => f.startsWith('page-model-'));
    expect(model).toHaveLength(1);
    for (const script of scripts) expect(filesIn(OUT)).toContain(`${script}.map`);
    // The pages load fast; the model (Plot, the YAML parser, the schemas) only where it runs.
    const size = (f: string) => readFileSync(join(OUT, f)).length;
    expect(size('main.js')).toBeLessThan(size(model[0] as string) / 5);
    expect(readFileSync(join(OUT, 'main.js'), 'utf8')).not.toContain('observablehq');
    // Every web source is in the bundle's map.
    const mapped = (JSON.parse(readFileSync(join(OUT, 'main.js.map'), 'utf8')) as { sources: string[] })
      .sources;
    for (const source of filesIn(SOURCES).filter(
      (f) => f.endsWith('.ts') && !f.startsWith('shims/') && f !== 'mc-worker.ts',
    ))
      expect(
        mapped.some((m) => m.endsWith(`web/src/${source}`)),
        source,
      ).toBe(true);
  });

  it('carry nothing of Node or of the server', () => {
    for (const script of scripts) {
      const text = readFileSync(join(OUT, script), 'utf8');
      // A Node module named in a string ("node:fs"), or a server-only package.
      expect(text.match(/["']node:[a-z_/]+["']/)?.[0], script).toBeUndefined();
      for (const word of ['better-sqlite3', '@hono/', 'worker_threads'])
        expect(text.includes(word), `${script} mentions ${word}`).toBe(false);
    }
    // The pages draw into their own document; only the Monte Carlo worker, which has none, brings linkedom.
    for (const script of scripts.filter((f) => f !== 'mc-worker.js' && !f.endsWith('.map'))) {
      const text = readFileSync(join(OUT, script), 'utf8');
      expect(text.includes('linkedom'), script).toBe(false);
    }
  });

  it('import only one another', () => {
    const outside: string[] = [];
    for (const script of scripts) {
      const text = readFileSync(join(OUT, script), 'utf8');
      const specifiers = [...text.matchAll(IMPORT), ...text.matchAll(DYNAMIC_IMPORT)].map((m) => m[2] ?? '');
      for (const specifier of specifiers) {
        const target = resolve(OUT, dirname(script), specifier);
        const inside = !relative(resolve(OUT), target).startsWith('..');
        if (!/^\.\.?\//.test(specifier) || !inside || !existsSync(target))
          outside.push(`${script}: ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
