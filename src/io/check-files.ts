import { dirname, join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { type CheckFileResult, evaluateCheckFile } from '../checks/evaluate.js';
import { readUserFile } from './files.js';

/**
 * A check file evaluated from disk, the scenarios its checks name read beside it. `shownAs`
 * is the path results and errors name (the server reads from its checks folder but says
 * "checks/…", as the CLI does).
 */
export function evaluateCheckFileOnDisk(path: string, catalog: Catalog, shownAs = path): CheckFileResult {
  return evaluateCheckFile(readUserFile(path), shownAs, catalog, (scenario) => ({
    text: readUserFile(join(dirname(path), scenario)),
    file: join(dirname(shownAs), scenario),
  }));
}
