import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Catalog } from '../catalog/catalog.js';
import { InputError } from '../errors.js';
import { closeMonteCarloPool } from '../io/monte-carlo-pool.js';
import { packageRoot } from '../io/package-paths.js';
import { defaultWorkers } from '../io/threads.js';
import { RunStore } from '../store/runs.js';
import { createApp, DEFAULT_LIMITS, type Limits } from './app.js';
import { JobPool } from './job-pool.js';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1)$/i;

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
  catalog: Catalog;
  limits?: Partial<Limits>;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Start the explorer; resolves once it listens (port 0 picks a free port). */
export function startServer(options: ServeOptions): Promise<RunningServer> {
  const store = new RunStore(options.dataDir);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const jobs = new JobPool({
    processes: defaultWorkers(),
    queue: 64,
    grace: 250,
    idle: 5_000,
    timeLimit: limits.timeLimit,
  });
  const app = createApp({
    jobs,
    catalog: options.catalog,
    store,
    staticDir: join(packageRoot, 'dist', 'web'),
    scenariosDir: join(packageRoot, 'scenarios'),
    checksDir: join(packageRoot, 'checks'),
    limits,
    loopbackOnly: LOOPBACK.test(options.host),
  });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => {
              store.close();
              void Promise.all([jobs.close(), closeMonteCarloPool()]).then(() => done());
            });
          }),
      });
    });
    server.once('error', (error: NodeJS.ErrnoException) => {
      store.close();
      void jobs.close();
      if (error.code === 'EADDRINUSE')
        reject(new InputError(`--port: ${options.port} is in use; try --port ${options.port + 1}`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(new InputError(`--host: cannot listen on '${options.host}'; try --host 127.0.0.1`));
      else if (error.code === 'EACCES')
        reject(new InputError(`--port: not allowed to listen on ${options.port}; try a port above 1024`));
      else reject(error);
    });
  });
}
