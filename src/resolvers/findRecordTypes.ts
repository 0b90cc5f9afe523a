import type { Queryable } from '../entities/database';
import { tableName } from '../entities/storageNames';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition } from '../metadata/types';
import { and, EVERY_ROW, ident, SqlBuilder, type RowFilter } from './compiler/SqlBuilder';

/**
 * The type of each id that is a record of some declared type, in one statement over every
 * table; with a row filter (the caller's read scope) only records it lets through count.
 */
export async function findRecordTypes(
  db: Queryable,
  registry: MetadataRegistry,
  ids: readonly string[],
  rowFilter: RowFilter = EVERY_ROW,
): Promise<Map<string, EntityDefinition>> {
  const entities = registry.entities.filter((e) => !e.builtIn);
  const found = new Map<string, EntityDefinition>();
  if (ids.length === 0 || entities.length === 0) return found;
  const sql = new SqlBuilder(rowFilter);
  const wanted = sql.param(ids, 'uuid[]');
  const statement = entities
    .map((e, i) => `SELECT ${i} AS entity, r.id::text AS id FROM ${ident(tableName(e))} r WHERE ${and([`r.id = ANY(${wanted})`, sql.visible(e, 'r')])}`)
    .join(' UNION ALL ');
  for (const row of await db.query<{ entity: number; id: string }>(statement, sql.params)) found.set(row.id, entities[row.entity]!);
  return found;
}
