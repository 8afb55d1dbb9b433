import type { Command } from 'commander';
import { InputError, own, unknownId } from '../errors.js';
import type { CliIo } from './io.js';

/** The file formats whose JSON Schema the CLI prints; each loads its schema only when asked. */
const SCHEMAS: Readonly<Record<string, () => Promise<unknown>>> = {
  scenario: async () => (await import('../scenario/schema.js')).scenarioJsonSchema(),
};

export function registerSchema(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description(
      'print the JSON Schema of a file format (scenario), generated from the schema the loader uses',
    )
    .argument('<format>', Object.keys(SCHEMAS).join(' | '))
    .action(async (format: string) => {
      const schema = own(SCHEMAS, format);
      if (!schema) throw new InputError(unknownId('schema', format, Object.keys(SCHEMAS)));
      io.stdout(`${JSON.stringify(await schema(), null, 2)}\n`);
    });
}
