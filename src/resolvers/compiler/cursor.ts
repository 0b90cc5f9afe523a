import { BadUserInputError } from '../../errors';

/**
 * Cursors are opaque to clients: base64 of the JSON array of the sort values of a row,
 * ending in its id. They are built in SQL; this decodes them for the next page.
 */
export function cursorSql(values: readonly string[]): string {
  return `translate(encode(convert_to(json_build_array(${values.join(', ')})::text, 'UTF8'), 'base64'), E'\\n', '')`;
}

export function decodeCursor(cursor: string, argument: string, expectedLength: number): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (Array.isArray(values) && values.length === expectedLength) return values;
  } catch {
    // reported below
  }
  throw new BadUserInputError([{ field: argument, message: 'is not a cursor of this list and ordering' }]);
}
