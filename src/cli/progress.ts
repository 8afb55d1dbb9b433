import cliProgress from 'cli-progress';
import { type CliIo, processIo } from './io.js';

/**
 * A progress bar on a terminal, and nothing when output is piped or captured (CI logs,
 * tests, `> file`). Only long runs get one.
 */
export class ProgressBar {
  private bar: cliProgress.SingleBar | undefined;

  constructor(io: CliIo, total: number) {
    if (io !== processIo || !process.stderr.isTTY || total < 200_000) return;
    this.bar = new cliProgress.SingleBar(
      {
        format: 'sampling [{bar}] {percentage}% {value}/{total}',
        stream: process.stderr,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(total, 0);
  }

  update(done: number): void {
    this.bar?.update(done);
  }

  finish(): void {
    this.bar?.stop();
  }
}
