import type { CliWritable } from './cli-io.ts';

/** Draws availability progress on stderr. */
export interface ProgressReporter {
  /** A new round of checks starts (`total` names). */
  start(total: number): void;
  /** `done` of the round's `total` names are answered. */
  update(done: number, total: number): void;
  /** The round is over: clears the bar (TTY) or prints nothing more (plain). */
  finish(): void;
}

const BAR_WIDTH = 24;

/**
 * A progress bar redrawn in place with `\r` when `stream.isTTY`, otherwise one plain line per
 * update (`checking availability: 50/100 names`), which reads well in CI logs and pipes.
 * @param stream - where to draw (the CLI's stderr)
 * @returns a reporter
 */
export function createProgressReporter(stream: CliWritable): ProgressReporter {
  const tty = stream.isTTY === true;
  let lastPlain = -1;
  let drawn = false;
  return {
    start(total) {
      lastPlain = -1;
      if (!tty) stream.write(`checking availability of ${total} names\n`);
    },
    update(done, total) {
      if (tty) {
        const ratio = total === 0 ? 1 : Math.min(1, done / total);
        const filled = Math.round(ratio * BAR_WIDTH);
        const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
        stream.write(`\r  ${bar} ${String(done).padStart(String(total).length)}/${total} names checked`);
        drawn = true;
      } else if (done !== lastPlain && done > 0) {
        lastPlain = done;
        stream.write(`checked ${done}/${total} names\n`);
      }
    },
    finish() {
      if (tty && drawn) {
        // Clear the bar's line so the results start on a clean line.
        stream.write('\r\u001b[2K');
        drawn = false;
      }
    },
  };
}
