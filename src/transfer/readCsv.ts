import iconv from 'iconv-lite';
import { BadUserInputError } from '../errors';
import { CsvSyntaxError, parseCsvText } from './parseCsvText';

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
 * header line uses most; quoted cells may hold delimiters, quotes and line breaks (`parseCsvText`).
 */
export function readCsv(bytes: Buffer): CsvTable {
  const { text, encoding } = decode(bytes);
  // One line ending, so that line numbers count as an editor does (CRLF from Excel too).
  const normalised = text.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(normalised);
  let records: string[][];
  try {
    records = parseCsvText(normalised, delimiter);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new BadUserInputError([{ field: 'upload', message: `is not readable as CSV (line ${error.line}): ${error.message}` }]);
  }
  const rows: CsvRow[] = [];
  let headers: readonly string[] | undefined;
  let line = 1;
  for (const cells of records) {
    const start = line;
    line += 1 + lineBreaksIn(cells);
    if (cells.length === 1 && cells[0] === '') continue; // an empty line
    if (headers === undefined) headers = cells.map((h) => h.trim());
    else rows.push({ line: start, cells });
  }
  if (!headers) throw new BadUserInputError([{ field: 'upload', message: 'holds no header line' }]);
  return { encoding, delimiter, headers, rows };
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

/** A record spans one line more than the line breaks in its (quoted) cells; the text has `\n` endings only. */
function lineBreaksIn(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) breaks++;
  }
  return breaks;
}
