import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Scenarios a check names, read beside the shipped check files as the CLI reads them. */
export const besideChecks = (path: string) => {
  const file = join('checks', path);
  return { text: readFileSync(file, 'utf8'), file };
};
