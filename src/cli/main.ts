#!/usr/bin/env node
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import type { Catalog } from '../catalog/catalog.js';
import { InputError } from '../errors.js';
import { loadCatalog } from '../io/catalog-files.js';
import { oneLine } from '../text.js';
import { registerCalc } from './calc.js';
import { registerCatalog } from './catalog.js';
import { registerCheck } from './check.js';
import { type CliIo, ExitCode, processIo } from './io.js';
import { registerRun } from './run.js';
import { registerSchema } from './schema.js';
import { registerServe } from './serve.js';

/**
 * The CLI's entry. Every command is declared here so help and flag checking work at once,
 * but a command's work (scenarios, charts, checks, the server) is loaded only when that
 * command runs: a call pays for what it uses.
 */

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const EXAMPLES = `
Examples:
  gigawatt calc cluster --accelerator h100 --count 100k
  gigawatt calc cluster --accelerator gb200 --facility-power 1GW --pue 1.3
  gigawatt calc cluster --accelerator gb300 --budget $50B --json
  gigawatt calc training --model llama-3.1-405b
  gigawatt calc training --compute 2e25 --accelerator h100 --duration "95 days"
  gigawatt catalog accelerators
  gigawatt catalog show h100
  gigawatt check checks/published.yaml --strict
  gigawatt check checks/seed-claims.yaml
  gigawatt calc supply --accelerator b200 --units 5M
  gigawatt run scenarios/stargate.yaml --chart stargate.svg
  gigawatt run scenarios/*.yaml --compare
  gigawatt schema scenario > scenario.schema.json
  gigawatt serve --port 4321
`;

export function buildProgram(io: CliIo, catalog: Catalog): Command {
  const program = new Command('gigawatt')
    .description(
      'An open model of the AI compute build-out: chips, power, dollars, FLOP, training runs and tokens.',
    )
    .version(VERSION)
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: () => {} });
  registerCalc(program, io, catalog);
  registerCatalog(program, io, catalog);
  registerCheck(program, io, catalog);
  registerRun(program, io, catalog);
  registerSchema(program, io);
  registerServe(program, io, catalog);
  // Subcommands inherit the same error handling and output routing.
  const configure = (command: Command) => {
    command
      .exitOverride()
      .showSuggestionAfterError(true)
      .configureOutput({ writeOut: io.stdout, writeErr: () => {} });
    command.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  return program;
}

/** Commander's two-line messages ("error: ...\n(Did you mean ...?)") as one sentence. */
function commanderSentence(error: CommanderError): string {
  return error.message
    .replace(/^error: /, '')
    .split('\n')
    .map((line) => line.trim().replace(/^\((.*)\)$/, '$1'))
    .filter(Boolean)
    .join('; ')
    .replace('; Did you mean', '; did you mean');
}

/** Run the CLI and return its exit code: 0 ok, 1 a strict check failed, 2 bad input. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    const program = buildProgram(io, await loadCatalog());
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof ExitCode) return error.code;
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      io.stderr(`gigawatt: ${oneLine(commanderSentence(error))}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`gigawatt: ${oneLine(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}

const invokedDirectly = (() => {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `gigawatt: internal error (please report): ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 70;
    },
  );
}
