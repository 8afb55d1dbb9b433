import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * What every CLI call loads before it does anything: the modules the entry reaches through
 * static imports. Start-up time lives in the benchmark; this keeps the heavy libraries (the
 * schemas, the YAML parser, charts, the DOM, SQLite) behind the dynamic imports of the
 * commands that use them, which is what a start-up of ~1.5x `node -e 0` rests on. One
 * static import of the schema module once cost every call 60 ms.
 */
async function staticImports(entry: string): Promise<Map<string, string | null>> {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    outdir: 'node_modules/.cache/startup-imports',
    write: false,
    metafile: true,
    external: ['better-sqlite3', '@resvg/resvg-js'],
    logLevel: 'error',
  });
  const reached = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const imp of metafile.inputs[file]?.imports ?? []) {
      if (imp.kind !== 'import-statement' || reached.has(imp.path)) continue;
      reached.set(imp.path, file);
      queue.push(imp.path);
    }
  }
  return reached;
}

describe('the CLI at start-up', () => {
  it('loads no schema, YAML, chart, DOM or database library until a command needs it', async () => {
    const reached = await staticImports('src/cli/main.ts');
    const heavy = [...reached.keys()].filter((path) =>
      /node_modules\/(zod|yaml|@observablehq|linkedom|d3-|hono|fast-check)\//.test(path),
    );
    const chain = (path: string) => {
      const links: string[] = [];
      for (let at: string | null | undefined = path; at; at = reached.get(at)) links.push(at);
      return links.join(' <- ');
    };
    expect(heavy.map(chain)).toEqual([]);
  });
});
