import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The pages take the server's types from src/server/wire.ts, type-only (web/tsconfig.json
 * says how): the browser gets the web's own scripts and nothing of the server. A slip such
 * as `import { type X } from '@server/wire'` compiles, yet leaves `import {} from '@server/wire'`
 * in the page's JavaScript, which no browser can load; these tests name it before the
 * browser tests meet a blank page.
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

  it('are the web sources compiled, one script (and its source map) per file, and nothing else', () => {
    const compiled = filesIn(SOURCES)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, '.js'));
    expect(compiled).toContain('main.js');
    expect(filesIn(OUT).sort()).toEqual([...compiled, ...compiled.map((f) => `${f}.map`)].sort());
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
