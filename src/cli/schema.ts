import type { Command } from 'commander';
import { InputError, unknownId } from '../errors.js';
import { scenarioJsonSchema } from '../scenario/schema.js';
import type { CliIo } from './io.js';

const SCHEMAS: Record<string, () => unknown> = { scenario: scenarioJsonSchema };

export function registerSchema(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description(
      'print the JSON Schema of a file format (scenario), generated from the schema the loader uses',
    )
    .argument('<format>', Object.keys(SCHEMAS).join(' | '))
    .action((format: string) => {
      const schema = SCHEMAS[format];
      if (!schema) throw new InputError(unknownId('schema', format, Object.keys(SCHEMAS)));
      io.stdout(`${JSON.stringify(schema(), null, 2)}\n`);
    });
}
