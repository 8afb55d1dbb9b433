import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { type ServerProcess, startServeProcess } from '../../bench/serve-process.js';

/** Where the browser tests leave a screenshot of each page. */
export const SHOTS = 'artifacts/screenshots';
export const TIMEOUT = 90_000;

/** The explorer a browser test file drives: its own server (and data folder), a Chromium and a 1400 px page. */
export interface Explorer {
  browser: Browser;
  page: Page;
  server: ServerProcess;
  dataDir: string;
  /** A full-page screenshot of the page as it is now, to artifacts/screenshots/<name>.png. */
  shot(name: string): Promise<Buffer>;
  /** Stop the server and start a fresh one on the same data (a restart). */
  restart(): Promise<void>;
}

/** Start the explorer before the file's tests and stop it after. */
export function useExplorer(): Explorer {
  // The test setup (test/helpers/browser.ts) found or installed this browser before any test ran.
  const executablePath = inject('chromium');
  const explorer = {
    shot: (name: string) => explorer.page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }),
    restart: async () => {
      await explorer.server.stop();
      explorer.server = await startServeProcess(explorer.dataDir);
    },
  } as Explorer;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    explorer.dataDir = mkdtempSync(join(tmpdir(), 'gigawatt-e2e-'));
    explorer.server = await startServeProcess(explorer.dataDir);
    explorer.browser = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    explorer.page = await explorer.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  }, TIMEOUT);
  afterAll(async () => {
    await explorer.browser?.close();
    await explorer.server?.stop();
    rmSync(explorer.dataDir, { recursive: true, force: true });
  });
  return explorer;
}
