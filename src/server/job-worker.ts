import type { Catalog } from '../catalog/catalog.js';
import { InputError } from '../errors.js';
import { loadCatalog } from '../io/catalog-files.js';
import { HttpError } from './http.js';
import { type Job, runJob } from './jobs.js';

/** A job as the pool sends it, and what the worker answers. */
export interface JobMessage {
  id: number;
  job: Job;
}

export type JobAnswer =
  | { id: number; ok: true; json: string }
  | { id: number; ok: false; status: number; message: string; stack?: string | undefined };

/**
 * A job process: the pool (job-pool.ts) forks it and sends jobs over IPC, one at a time.
 * A process rather than a thread, so that stopping it (past a deadline, or idle after a
 * burst) gives all its memory back to the system.
 */

// Read at start, so a fresh process is ready before its first job arrives.
const catalog: Promise<Catalog> = loadCatalog();

process.on('message', async ({ id, job }: JobMessage) => {
  let answer: JobAnswer;
  try {
    answer = { id, ok: true, json: await runJob(job, await catalog) };
  } catch (error) {
    if (error instanceof HttpError) answer = { id, ok: false, status: error.status, message: error.message };
    else if (error instanceof InputError) answer = { id, ok: false, status: 400, message: error.message };
    else
      answer = {
        id,
        ok: false,
        status: 500,
        message: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      };
  }
  process.send?.(answer);
});
