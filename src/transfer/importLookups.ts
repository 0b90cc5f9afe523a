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
 * Each value is looked up by a scalar sub-select (an index scan per value on a unique or
 * indexed key): as `key = ANY($1)` PostgreSQL reads the whole table once the batch holds
 * a few hundred values, which made every batch of a large import slower than the one before.
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
  const distinct = sql.param([...new Set(values.map(String))], `${sqlType}[]`);
  const where = and([`t.${ident(column)} = v`, sql.visible(entity, 't')]);
  const rows = await db.query<{ k: string; ids: string[] | null }>(
    `SELECT v::text AS k, (SELECT array_agg(t.id) FROM ${ident(tableName(entity))} t WHERE ${where}) AS ids FROM unnest(${distinct}) AS v`,
    sql.params,
  );
  for (const row of rows) if (row.ids) found.set(row.k, row.ids);
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
