import type { ImportProgress } from '../transfer/ImportReport';
import { IMPORT_BATCH_SIZE } from '../transfer/importRecords';

/** Where progress goes: stderr, a terminal or a log file. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Without a terminal: a line per tenth of the file, or after this long. */
const LOG_EVERY_MS = 5000;

/**
 * Shows an import's progress (rows read, checked, written): on a terminal one line rewritten
 * after every batch, otherwise (a log, CI) a line per tenth of the file or every 5 s, so a
 * large file does not flood the log. The last batch always gets its line.
 */
export function importProgress(stream: ProgressStream, now: () => number = Date.now): (progress: ImportProgress) => void {
  let lastTenth = -1;
  let lastAt = -Infinity;
  return (progress) => {
    if (progress.rows <= IMPORT_BATCH_SIZE) return; // one batch: the report follows at once
    const done = progress.checked === progress.rows;
    const line = `${progress.rows} rows read, ${progress.checked} checked, ${progress.written} written (${Math.floor((100 * progress.checked) / progress.rows)} %)`;
    if (stream.isTTY) {
      stream.write(`\r${line}${done ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((10 * progress.checked) / progress.rows);
    if (!done && tenth === lastTenth && now() - lastAt < LOG_EVERY_MS) return;
    lastTenth = tenth;
    lastAt = now();
    stream.write(`${line}\n`);
  };
}
