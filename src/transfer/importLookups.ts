import { columnStorage } from '../entities/columnTypes';
import type { Queryable } from '../entities/database';
import { columnName, tableName } from '../entities/storageNames';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import { and, EVERY_ROW, ident, SqlBuilder, type RowFilter } from '../resolvers/compiler/SqlBuilder';

/** A field of a type, or its id. */
export type KeyField = FieldDefinition | 'id';

/**
 * The ids of the records of `entity` whose `key` is one of `values`, by value as text:
 * one statement for a whole batch of rows. `rowFilter` limits them to a scope of the
 * importer (issue 5); without, every stored record counts (unique values, taken ids).
 */
export async function idsByKey(
  db: Queryable,
  entity: EntityDefinition,
  key: KeyField,
  values: readonly unknown[],
  rowFilter: RowFilter = EVERY_ROW,
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (values.length === 0) return found;
  const column = key === 'id' ? 'id' : columnName(key);
  const sqlType = key === 'id' ? 'uuid' : columnStorage(key).sqlType;
  const sql = new SqlBuilder(rowFilter);
  const where = and([`t.${ident(column)} = ANY(${sql.param([...new Set(values.map(String))], `${sqlType}[]`)})`, sql.visible(entity, 't')]);
  const rows = await db.query<{ id: string; k: string }>(`SELECT t.id, t.${ident(column)}::text AS k FROM ${ident(tableName(entity))} t WHERE ${where}`, sql.params);
  for (const row of rows) found.set(row.k, [...(found.get(row.k) ?? []), row.id]);
  return found;
}

/** Lower-cased values of several fields joined, to compare records loosely (possible duplicates). */
export function looseKeySql(fields: readonly FieldDefinition[], alias: string): string {
  return fields.map((f) => `lower(coalesce(${alias}.${ident(columnName(f))}::text, ''))`).join(` || chr(31) || `);
}

export function looseKey(values: readonly unknown[]): string | undefined {
  const parts = values.map((v) => (v === undefined || v === null ? '' : String(v).trim().toLowerCase()));
  return parts.some((p) => p === '') ? undefined : parts.join('\u001f');
}

/** The ids of records in `rowFilter` (what the importer may read) whose loose key is one of `keys`, by key. */
export async function idsByLooseKey(
  db: Queryable,
  entity: EntityDefinition,
  fields: readonly FieldDefinition[],
  keys: readonly string[],
  rowFilter: RowFilter,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (keys.length === 0) return found;
  const sql = new SqlBuilder(rowFilter);
  const where = and([`${looseKeySql(fields, 't')} = ANY(${sql.param([...new Set(keys)], 'text[]')})`, sql.visible(entity, 't')]);
  const rows = await db.query<{ id: string; k: string }>(`SELECT t.id, ${looseKeySql(fields, 't')} AS k FROM ${ident(tableName(entity))} t WHERE ${where}`, sql.params);
  for (const row of rows) if (!found.has(row.k)) found.set(row.k, row.id);
  return found;
}
