import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Write a file so that no reader (and no failure) ever leaves half of it behind: write a
 * sibling temporary file, then rename it into place.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: its folder does not exist`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`${path}: not allowed to write here`);
    if (code === 'EISDIR') throw new InputError(`${path}: is a folder, expected a file name`);
    throw error;
  }
}
