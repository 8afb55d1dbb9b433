import { InputError } from '../errors.js';
import { writeCatalogCache } from '../io/catalog-files.js';

try {
  writeCatalogCache();
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  process.stderr.write(`gigawatt build: ${error.message}\n`);
  process.exitCode = 2;
}
