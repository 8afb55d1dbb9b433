import type { ErrorAnswer } from '@server/wire';

/** The server's JSON API; errors arrive as {error: "one sentence"}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const data = (await response.json().catch(() => ({}))) as T & Partial<ErrorAnswer>;
  if (!response.ok) throw new ApiError(response.status, data.error ?? `request failed (${response.status})`);
  return data;
}

/**
 * Requests overtaken by newer ones are dropped, answers and errors alike, so the page shows
 * the latest outcome only.
 */
export function latest<A extends unknown[], T>(fn: (...args: A) => Promise<T>) {
  let ticket = 0;
  return async (...args: A): Promise<{ value: T } | undefined> => {
    const mine = ++ticket;
    try {
      const value = await fn(...args);
      return mine === ticket ? { value } : undefined;
    } catch (error) {
      if (mine === ticket) throw error;
      return undefined;
    }
  };
}
