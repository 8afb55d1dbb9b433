import type { Command } from 'commander';
import type { Catalog } from '../catalog/catalog.js';
import { InputError, withContext } from '../errors.js';
import { dataDirectory } from '../io/data-dir.js';
import { quote } from '../text.js';
import { parseQuantity } from '../units/parse.js';
import { wholeNumber } from './flags.js';
import type { CliIo } from './io.js';

const DEFAULT_PORT = 4321;

/** --time-limit as milliseconds: from a tenth of a second to an hour. */
function timeLimit(text: string): number {
  const seconds = withContext('--time-limit', () => parseQuantity(text, 'time', '15 s'));
  if (!(seconds >= 0.1 && seconds <= 3600))
    throw new InputError(`--time-limit: expected a duration from 0.1 s to 1 hour, got ${quote(text)}`);
  return seconds * 1000;
}

export function registerServe(program: Command, io: CliIo, catalog: Catalog): void {
  program
    .command('serve')
    .description('serve the web explorer: calculators, scenarios with charts, saved runs, claims')
    .option('--port <n>', `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`)
    .option('--host <address>', 'address to listen on (default 127.0.0.1, this machine only)', '127.0.0.1')
    .option(
      '--data-dir <dir>',
      'where saved runs are kept (default: GIGAWATT_DATA_DIR, else your data folder)',
    )
    .option(
      '--time-limit <duration>',
      'longest a heavy request (a scenario, a Monte Carlo run) may take, waiting included (default 15 s)',
    )
    .action(async (options: { port?: string; host: string; dataDir?: string; timeLimit?: string }) => {
      const port = options.port === undefined ? DEFAULT_PORT : wholeNumber('--port', options.port, 0, 65535);
      const dataDir = dataDirectory(options.dataDir);
      const limits = options.timeLimit === undefined ? {} : { timeLimit: timeLimit(options.timeLimit) };
      // Loaded here, not at the top: the server (hono, SQLite) would slow every other command's start.
      const { startServer } = await import('../server/serve.js');
      const server = await startServer({ port, host: options.host, dataDir, catalog, limits });
      io.stdout(`gigawatt explorer: ${server.url}\nsaved runs: ${dataDir}\n`);
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
