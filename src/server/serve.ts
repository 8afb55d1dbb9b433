import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Catalog } from '../catalog/catalog.js';
import { InputError } from '../errors.js';
import { closeMonteCarloPool } from '../io/monte-carlo-pool.js';
import { packageRoot } from '../io/package-paths.js';
import { RunStore } from '../store/runs.js';
import { createApp, type Limits } from './app.js';

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
  const app = createApp({
    catalog: options.catalog,
    store,
    staticDir: join(packageRoot, 'dist', 'web'),
    scenariosDir: join(packageRoot, 'scenarios'),
    checksDir: join(packageRoot, 'checks'),
    limits: options.limits,
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
              void closeMonteCarloPool().then(() => done());
            });
          }),
      });
    });
    server.once('error', (error: NodeJS.ErrnoException) => {
      store.close();
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
