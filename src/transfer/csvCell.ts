import type { ValueKind } from './exportColumns';

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The separator of multiChoice values in a cell; import splits on it. */
export const LIST_SEPARATOR = ', ';

/**
 * One exported value as cell text. Text that a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) gets a leading apostrophe, which import strips again.
 * Numbers are never touched, so -5 stays a number.
 */
export function cellText(value: unknown, kind: ValueKind): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (kind === 'list') text = (value as unknown[]).join(LIST_SEPARATOR);
  else if (kind === 'json') text = JSON.stringify(value);
  else text = String(value);
  return (kind === 'text' || kind === 'list' || kind === 'json') && FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes `cellText`'s neutralisation: `'=SUM(A1)` was exported from `=SUM(A1)`. */
export function unneutralised(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** A CSV line (RFC 4180 quoting), ended by CRLF. */
export function csvLine(cells: readonly string[], delimiter: string): string {
  return `${cells.map((cell) => (needsQuotes(cell, delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter)}\r\n`;
}

function needsQuotes(cell: string, delimiter: string): boolean {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) || cell !== cell.trim();
}
