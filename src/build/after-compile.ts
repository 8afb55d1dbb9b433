import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { writeCatalogCache } from '../io/catalog-files.js';

/**
 * Run by `npm run build` after tsc: make the CLI executable (tsc writes plain files, and
 * `npx gigawatt` runs the bin directly) and store the validated catalog for fast loading.
 */
chmodSync(fileURLToPath(new URL('../cli/main.js', import.meta.url)), 0o755);
// The explorer's page and styles sit beside its compiled scripts (tsc wrote dist/web/js).
mkdirSync(fileURLToPath(new URL('../web/', import.meta.url)), { recursive: true });
for (const file of ['index.html', 'style.css'])
  copyFileSync(
    fileURLToPath(new URL(`../../web/${file}`, import.meta.url)),
    fileURLToPath(new URL(`../web/${file}`, import.meta.url)),
  );
try {
  writeCatalogCache();
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  process.stderr.write(`gigawatt build: ${error.message}\n`);
  process.exitCode = 2;
}
