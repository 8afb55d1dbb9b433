import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createApp, type Limits } from '../../src/server/app.js';
import { RunStore } from '../../src/store/runs.js';
import { catalog } from './catalog.js';

/** The explorer's app in-process (jobs on this thread), over a fresh data folder removed after the file's tests. */
const dirs: string[] = [];
export function app(limits: Partial<Limits> = {}, options: { loopbackOnly?: boolean } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'gigawatt-app-'));
  dirs.push(dataDir);
  const store = new RunStore(dataDir);
  return {
    store,
    dataDir,
    app: createApp({
      catalog,
      store,
      staticDir: 'dist/web',
      scenariosDir: 'scenarios',
      checksDir: 'checks',
      limits,
      ...options,
    }),
  };
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

export const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
