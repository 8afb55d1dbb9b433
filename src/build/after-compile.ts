import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { writeCatalogCache } from '../io/catalog-files.js';
import { bundleCli, bundleWeb } from './bundle.js';

/**
 * Run by `npm run build` after tsc: validate the catalog once and store it for fast
 * loading, bundle the CLI (what `npx gigawatt` runs) and make it executable, and put the
 * explorer's page and styles beside its compiled scripts (tsc wrote dist/web/js).
 */
const root = new URL('../../', import.meta.url);
try {
  await writeCatalogCache();
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  process.stderr.write(`gigawatt build: ${error.message}\n`);
  process.exit(2);
}
await bundleCli(root);
await bundleWeb(root);
chmodSync(fileURLToPath(new URL('dist/bin/gigawatt.js', root)), 0o755);
mkdirSync(fileURLToPath(new URL('dist/web/', root)), { recursive: true });
for (const file of ['index.html', 'style.css'])
  copyFileSync(fileURLToPath(new URL(`web/${file}`, root)), fileURLToPath(new URL(`dist/web/${file}`, root)));
