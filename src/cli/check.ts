import type { Command } from 'commander';
import type { Catalog } from '../catalog/catalog.js';
import { type CliIo, ExitCode } from './io.js';

interface CheckOptions {
  strict?: boolean;
  json?: boolean;
  sources?: boolean;
  calibration?: boolean;
  claimsTable?: boolean;
}

export function registerCheck(program: Command, io: CliIo, catalog: Catalog): void {
  program
    .command('check')
    .description('evaluate claims or published facts against the model and print a verdict table')
    .argument('<files...>', 'check files, e.g. checks/published.yaml checks/seed-claims.yaml')
    .option('--strict', 'exit 1 when a published fact falls outside its tolerance')
    .option('--json', 'print the results as JSON')
    .option('--no-sources', 'leave the list of sources out of the report')
    .option('--calibration', "report how often published facts fall inside the model's 50% and 90% intervals")
    .option('--claims-table', 'print a Markdown table: each claim, the command that answers it, its verdict')
    .action(async (files: string[], options: CheckOptions) => {
      // Check files, their schemas and the verdicts load only when a check runs.
      const [{ readUserFile }, { calibrateCheckFile }, { evaluateCheckFileOnDisk }, report, table] =
        await Promise.all([
          import('../io/files.js'),
          import('../checks/calibrate.js'),
          import('../io/check-files.js'),
          import('../report/check-report.js'),
          import('../checks/claims-table.js'),
        ]);
      if (options.calibration) {
        const calibrations = files.map((file) => calibrateCheckFile(readUserFile(file), file, catalog));
        if (options.json) io.stdout(`${JSON.stringify(calibrations, null, 2)}\n`);
        else io.stdout(calibrations.map(report.renderCalibration).join('\n'));
        return;
      }
      // Evaluate everything before printing, so a bad file prints nothing half-done.
      const results = files.map((file) => evaluateCheckFileOnDisk(file, catalog));
      if (options.claimsTable) io.stdout(table.claimsTableMarkdown(results.flatMap(table.claimRows)));
      else if (options.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
      else
        io.stdout(
          results.map((r) => report.renderCheckReport(r, { sources: options.sources !== false })).join('\n'),
        );
      const failures = results.reduce((n, r) => n + r.failures, 0);
      if (options.strict && failures > 0) {
        io.stderr(`gigawatt: ${failures} published fact${failures === 1 ? '' : 's'} outside tolerance\n`);
        throw new ExitCode(1);
      }
    });
}
