import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { BadUserInputError } from '../errors';

export interface CsvRow {
  /** The line of the file where the record starts (the header is line 1). */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly encoding: 'utf-8' | 'windows-1252';
  readonly delimiter: string;
  readonly headers: readonly string[];
  readonly rows: readonly CsvRow[];
}

const DELIMITERS = [',', ';', '\t'];

/**
 * A CSV file as Excel, old systems and partners write it: UTF-8 with or without BOM, else
 * Windows-1252 (any byte sequence that is not valid UTF-8); `,` `;` or tab, whichever the
 * header line uses most; quoted cells may hold delimiters, quotes and line breaks.
 */
export function readCsv(bytes: Buffer): CsvTable {
  const { text, encoding } = decode(bytes);
  // One line ending, so that line numbers count as an editor does (CRLF from Excel too).
  const normalised = text.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(normalised);
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(normalised, { delimiter, info: true, raw: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    const { message, lines } = error as { message: string; lines?: number };
    throw new BadUserInputError([{ field: 'upload', message: `is not readable as CSV${lines ? ` (line ${lines})` : ''}: ${message}` }]);
  }
  const [header, ...rest] = records;
  if (!header) throw new BadUserInputError([{ field: 'upload', message: 'holds no header line' }]);
  return {
    encoding,
    delimiter,
    headers: header.record.map((h) => h.trim()),
    rows: rest.map((r) => ({ line: startLine(r.info.lines, r.raw), cells: r.record })),
  };
}

function decode(bytes: Buffer): { text: string; encoding: CsvTable['encoding'] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'win1252'), encoding: 'windows-1252' };
  }
}

/** The delimiter found most often outside quotes in the first line. */
export function detectDelimiter(text: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** csv-parse counts the line a record ends on; its raw text (with blank lines before it) tells where it began. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
}
