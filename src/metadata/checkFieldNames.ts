import { snakeCase } from './casing';
import type { Report } from './formatPath';
import { isRecord } from './isRecord';
import { MAX_SQL_IDENTIFIER_LENGTH } from './naming';
import { BUILT_IN_COLUMNS, reservedFieldReason } from './reservedNames';
import type { TraitName } from './types';

/**
 * Field names that clash with what the engine adds to a record (contract sections 3, 5, 6):
 * built-in and trait fields, `<x>History` of a temporal field `x`, and columns: a `fooId` next
 * to a reference `foo` (both would be column `foo_id`), `vatId` next to `vatID`, a column
 * equal to a built-in one, or longer than PostgreSQL allows.
 */
export function checkFieldNames(
  fields: Readonly<Record<string, unknown>>,
  traits: readonly TraitName[],
  report: Report,
): void {
  const typeOf = (name: string): unknown => (isRecord(fields[name]) ? fields[name].type : undefined);
  const temporal = Object.keys(fields).filter((name) => isRecord(fields[name]) && fields[name].temporal === true);
  const columns = new Map<string, string>(BUILT_IN_COLUMNS.map((column) => [column, '']));

  for (const name of Object.keys(fields)) {
    const reserved = reservedFieldReason(name, traits, temporal);
    if (reserved !== undefined) {
      report(['fields', name], reserved);
      continue;
    }
    if (typeOf(name) === 'references') continue; // a link table, no column
    const column = snakeCase(name) + (typeOf(name) === 'reference' ? '_id' : '');
    const holder = columns.get(column);
    if (holder === '') {
      report(['fields', name], `column "${column}" clashes with a built-in column`);
    } else if (holder !== undefined) {
      const kind = typeOf(holder) === 'reference' || typeOf(name) === 'reference' ? 'reference field' : 'field';
      const [other, own] = typeOf(name) === 'reference' ? [name, holder] : [holder, name];
      report(['fields', own], `clashes with ${kind} "${other}" (both would be column ${column})`);
    } else {
      columns.set(column, name);
    }
    if (column.length > MAX_SQL_IDENTIFIER_LENGTH) {
      report(['fields', name], `column "${column}" is longer than ${MAX_SQL_IDENTIFIER_LENGTH} characters`);
    }
  }
}
