/** Why a text is not CSV, and the line where that shows. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const QUOTE = '"';

/**
 * RFC 4180 records of a text with `\n` line endings: a field in quotes may hold delimiters,
 * line breaks and doubled quotes; a quote anywhere else, or text after a closing quote, is an
 * error, as is a quote never closed. An empty line is a record of one empty field. Written
 * for the import's speed: csv-parse's general machinery took a seventh of a large import.
 */
export function parseCsvText(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  const length = text.length;
  let record: string[] = [];
  let i = 0;
  while (i < length) {
    let value: string;
    if (text[i] === QUOTE) {
      const opened = i;
      value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf(QUOTE, from);
        if (quote === -1) throw new CsvSyntaxError('a quote is never closed', lineAt(text, opened));
        value += text.slice(from, quote);
        if (text[quote + 1] === QUOTE) {
          value += QUOTE;
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      if (i < length && text[i] !== delimiter && text[i] !== '\n') {
        throw new CsvSyntaxError(`text after a closing quote: "${text.slice(i, i + 10).split('\n')[0]}"`, lineAt(text, i));
      }
    } else {
      const end = fieldEnd(text, i, delimiter);
      value = text.slice(i, end);
      const quote = value.indexOf(QUOTE);
      if (quote !== -1) throw new CsvSyntaxError(`a quote inside a field that does not start with one: ${value}`, lineAt(text, i));
      i = end;
    }
    record.push(value);
    if (i >= length) break;
    if (text[i] === delimiter) {
      i++;
      if (i === length) record.push('');
    } else {
      records.push(record);
      record = [];
      i++;
    }
  }
  if (record.length > 0) records.push(record);
  return records;
}

/** Where an unquoted field ends: at the next delimiter or line break, or the end (a scan, since indexOf for a delimiter the file lacks would read to its end every time). */
function fieldEnd(text: string, from: number, delimiter: string): number {
  const stop = delimiter.charCodeAt(0);
  let i = from;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === stop || code === 10) break;
  }
  return i;
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
