import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

/** Read a text file named by the user; a missing or unreadable file is an input error. */
export function readUserFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such file`);
    if (code === 'EISDIR') throw new InputError(`${path}: is a folder, expected a YAML file`);
    throw new InputError(`${path}: cannot read (${code ?? 'unknown error'})`);
  }
}
