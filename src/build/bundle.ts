import { rmSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * The CLI ships as one bundle (dist/bin/gigawatt.js) with its dependencies inlined: Node
 * resolves and links each ES module separately, and for the few hundred modules of the
 * CLI and its libraries that cost more than all its own work (0.5 s against 0.12 s for
 * `--help`). Commands import their heavy parts (scenarios, charts, the server) dynamically,
 * and splitting keeps each of those in a chunk of its own that loads only when used.
 *
 * Everything lands flat in dist/bin/, two levels below the package root like dist/io/, so
 * the `new URL('../../data/', import.meta.url)` paths of the sources hold in the bundle,
 * and the pools find their workers beside them (`./monte-carlo-worker.js`, `./job-worker.js`).
 */
export async function bundleCli(root: URL): Promise<void> {
  const at = (path: string) => new URL(path, root).pathname;
  // Chunk names carry hashes: clear the old ones rather than let them pile up.
  rmSync(at('dist/bin'), { recursive: true, force: true });
  await build({
    entryPoints: {
      gigawatt: at('src/cli/main.ts'),
      'monte-carlo-worker': at('src/io/monte-carlo-worker.ts'),
      'job-worker': at('src/server/job-worker.ts'),
    },
    outdir: at('dist/bin'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: '[name]-[hash]',
    // Native addons stay packages of their own, as does the spreadsheet writer (CommonJS, loaded for --xlsx alone).
    external: ['better-sqlite3', '@resvg/resvg-js', 'exceljs'],
    // CommonJS dependencies (commander) call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __gigawattRequire } from 'node:module'; const require = __gigawattRequire(import.meta.url);",
    },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
}

/**
 * The explorer's pages as one browser bundle (dist/web/js/main.js). They run the model
 * themselves for a plain scenario edit, through `@server/page-model`, bundled from its
 * sources; Plot draws into the page's document where Node's report code uses linkedom.
 */
export async function bundleWeb(root: URL): Promise<void> {
  const at = (path: string) => new URL(path, root).pathname;
  rmSync(at('dist/web/js'), { recursive: true, force: true });
  const common = {
    outdir: at('dist/web/js'),
    bundle: true,
    format: 'esm' as const,
    platform: 'browser' as const,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    legalComments: 'linked' as const,
    logLevel: 'warning' as const,
  };
  await build({
    ...common,
    entryPoints: { main: at('web/src/main.ts') },
    alias: {
      '@server/page-model': at('src/server/page-model.ts'),
      linkedom: at('web/src/shims/linkedom.ts'),
    },
    // The model is a chunk of its own, loaded by the pages that run it.
    splitting: true,
    chunkNames: '[name]-[hash]',
  });
  // The Monte Carlo worker has no document: its charts are drawn into linkedom's, as in Node.
  await build({
    ...common,
    entryPoints: { 'mc-worker': at('web/src/mc-worker.ts') },
    alias: { '@server/page-model': at('src/server/page-model.ts') },
  });
}
