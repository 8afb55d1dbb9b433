import type { Context } from 'hono';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import type { ErrorAnswer } from './wire.js';

/** An error that carries its HTTP status; the message is the one sentence the client shows. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 422 | 503,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new HttpError(404, message);

/** The request's JSON body, validated; a malformed or invalid body is a 400 naming the field. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new InputError('request body: expected JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'request body';
    throw new InputError(`${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Every error becomes a JSON answer: the user's mistakes are 4xx with their sentence, bugs a plain 500. */
export function errorResponse(error: unknown, c: Context) {
  if (error instanceof HttpError) return c.json({ error: error.message } satisfies ErrorAnswer, error.status);
  if (error instanceof InputError) return c.json({ error: error.message } satisfies ErrorAnswer, 400);
  console.error(error);
  return c.json({ error: 'internal error; the server log has the details' } satisfies ErrorAnswer, 500);
}
