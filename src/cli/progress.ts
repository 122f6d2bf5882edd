/**
 * Progress of a long read through a file: a cli-progress bar when a person watches a terminal,
 * else a plain line now and then (a log keeps them; a short run prints none).
 */
import { SingleBar } from 'cli-progress';
import type { CliIo } from './context.ts';

export interface FileProgress {
  /** Rows and bytes read so far. */
  update(rows: number, bytes: number): void;
  /** Ends the bar (at its last value); call it whatever happened. */
  stop(): void;
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const percent = (bytes: number, total: number) => (total > 0 ? Math.min(100, Math.floor((bytes / total) * 100)) : 100);

/**
 * Progress over a file of `totalBytes`: a bar on `io.progressStream` (standard error) when
 * `io.progress` says a terminal is watching, else a line on `io.stderr` each `lineEvery` rows.
 */
export function fileProgress(io: CliIo, label: string, totalBytes: number, lineEvery = 100_000): FileProgress {
  if (io.progress) {
    const bar = new SingleBar({
      format: `${label} {bar} {percentage}% | {rows} rows | {read} of {size} | ETA {eta_formatted}`,
      stream: io.progressStream ?? process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    });
    const payload = (rows: number, bytes: number) => ({ rows: rows.toLocaleString('en-US'), read: megabytes(bytes), size: megabytes(totalBytes) });
    bar.start(totalBytes, 0, payload(0, 0));
    return {
      update: (rows, bytes) => bar.update(Math.min(bytes, totalBytes), payload(rows, bytes)),
      stop: () => bar.stop(),
    };
  }
  let next = lineEvery;
  return {
    update(rows, bytes) {
      if (rows < next) return;
      next = (Math.floor(rows / lineEvery) + 1) * lineEvery;
      io.stderr(`${label}: ${rows.toLocaleString('en-US')} rows read (${percent(bytes, totalBytes)}% of ${megabytes(totalBytes)})\n`);
    },
    stop: () => {},
  };
}
