import { BadUserInputError } from '../../errors';
import { isUuid } from '../validateInput';

/**
 * Cursors are opaque to clients: base64 of the JSON array of the sort values of a row,
 * ending in its id. They are built in SQL; this decodes them for the next page.
 */
export function cursorSql(values: readonly string[]): string {
  return `translate(encode(convert_to(json_build_array(${values.join(', ')})::text, 'UTF8'), 'base64'), E'\\n', '')`;
}

/** Decodes a cursor whose values must fit the SQL types of the sort keys, in order. */
export function decodeCursor(cursor: string, argument: string, sqlTypes: readonly string[]): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (Array.isArray(values) && values.length === sqlTypes.length && values.every((v, i) => fitsType(v, sqlTypes[i]!))) {
      return values;
    }
  } catch {
    // reported below
  }
  throw new BadUserInputError([{ field: argument, message: 'is not a cursor of this list and ordering' }]);
}

/** Whether a cursor value can be cast to the sort key's type (a forged cursor must not reach SQL casts). */
function fitsType(value: unknown, sqlType: string): boolean {
  if (value === null) return true;
  switch (sqlType) {
    case 'uuid':
      return isUuid(value);
    case 'integer':
      return Number.isInteger(value) && Math.abs(value as number) <= 2 ** 31;
    case 'numeric':
      return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
    case 'timestamptz':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    default:
      return typeof value === 'string';
  }
}
