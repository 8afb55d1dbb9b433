import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { grouped, shown } from '../text.js';

/** Larger than any scenario or check file anyone writes; a bigger input is a mistake (or /dev/zero). */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** What went wrong with a path, as the end of a sentence naming it. */
function pathProblem(code: string | undefined, writing: boolean): string | undefined {
  switch (code) {
    case 'ENOENT':
      return writing ? 'its folder does not exist' : 'no such file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return writing ? 'is a folder, expected a file name' : 'is a folder, expected a YAML file';
    case 'EACCES':
    case 'EPERM':
      return writing ? 'not allowed to write here' : 'not allowed to read it';
    case 'ENAMETOOLONG':
      return 'the name is too long for this file system';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ELOOP':
      return 'too many symbolic links in the path';
    default:
      return undefined;
  }
}

/** An input error naming the path and what is wrong with it; anything unforeseen stays a bug. */
function fileError(path: string, error: unknown, writing: boolean): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const problem = pathProblem(code, writing);
  if (problem) return new InputError(`${shown(path)}: ${problem}`);
  if (code) return new InputError(`${shown(path)}: cannot ${writing ? 'write' : 'read'} it (${code})`);
  return error as Error;
}

/**
 * Read a text file named by the user. Only regular files, and at most MAX_INPUT_BYTES: a
 * device, a pipe that never ends or a huge file is refused with one sentence, not read.
 */
export function readUserFile(path: string, limit = MAX_INPUT_BYTES): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw fileError(path, error, false);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(`${shown(path)}: is a folder, expected a YAML file`);
    if (!stat.isFile()) throw new InputError(`${shown(path)}: not a regular file; give a YAML file`);
    if (stat.size > limit)
      throw new InputError(
        `${shown(path)}: ${grouped(stat.size)} bytes is over the limit of ${grouped(limit)} for an input file`,
      );
    // Read at most one byte past the limit, in case the file grew since the stat.
    const buffer = Buffer.alloc(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > limit) throw new InputError(`${shown(path)}: over the limit of ${grouped(limit)} bytes`);
    return buffer.subarray(0, length).toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fileError(path, error, false);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write several output files so that each is whole or absent, and none is written unless
 * all can be: every file goes to a temporary sibling first, and only when all of them are
 * written are they renamed into place. Any failure removes the temporaries and names the
 * path.
 */
export function writeFilesAtomic(
  files: ReadonlyArray<readonly [path: string, data: string | Uint8Array]>,
): void {
  const written: Array<[temporary: string, path: string]> = [];
  try {
    for (const [path, data] of files) {
      const temporary = `${path}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, data);
      } catch (error) {
        throw fileError(path, error, true);
      }
      written.push([temporary, path]);
    }
    for (const [temporary, path] of written) {
      try {
        renameSync(temporary, path);
      } catch (error) {
        throw fileError(path, error, true);
      }
    }
  } catch (error) {
    for (const [temporary] of written) rmSync(temporary, { force: true });
    throw error;
  }
}

/** One output file, whole or not at all. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomic([[path, data]]);
}
