import { columnStorage } from '../entities/columnTypes';
import type { Queryable } from '../entities/database';
import { columnName, tableName } from '../entities/storageNames';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import { and, EVERY_ROW, ident, SqlBuilder, type RowFilter } from '../resolvers/compiler/SqlBuilder';

/** A field of a type, or its id. */
export type KeyField = FieldDefinition | 'id';

/**
 * The ids of the records of `entity` whose `key` is one of `values`, by value as given
 * (text): one statement for all values of a file. `rowFilter` limits them to a scope of the
 * importer (issue 5); without, every stored record counts (unique values, taken ids). A join
 * with the values, so that PostgreSQL chooses an index probe per value for a few of them
 * and one pass over the table for many.
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
  const distinct = sql.param([...new Set(values.map(String))], 'text[]');
  const on = and([`t.${ident(column)} = v.k::${sqlType}`, sql.visible(entity, 't')]);
  const rows = await db.query<{ k: string; ids: string[] }>(
    `SELECT v.k, array_agg(t.id) AS ids FROM unnest(${distinct}) AS v(k) JOIN ${ident(tableName(entity))} t ON ${on} GROUP BY v.k`,
    sql.params,
  );
  for (const row of rows) found.set(row.k, row.ids);
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

/**
 * The id of a record in `rowFilter` (what the importer may read) per loose key of `keys`
 * that one has. One hash join of the keys with the table: a whole file's keys cost one pass
 * over the table (the keys are expressions, so no index serves them).
 */
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
  const keyList = sql.param([...new Set(keys)], 'text[]');
  const on = and([`${looseKeySql(fields, 't')} = k.k`, sql.visible(entity, 't')]);
  const rows = await db.query<{ id: string; k: string }>(
    `SELECT DISTINCT ON (k.k) k.k, t.id FROM unnest(${keyList}) AS k(k) JOIN ${ident(tableName(entity))} t ON ${on} ORDER BY k.k, t.id`,
    sql.params,
  );
  for (const row of rows) found.set(row.k, row.id);
  return found;
}
