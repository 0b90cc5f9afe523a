import type { Queryable } from '../entities/database';
import { tableName } from '../entities/storageNames';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition } from '../metadata/types';
import { ident } from './compiler/SqlBuilder';

/** The type of each id that is a record of some declared type, in one statement over every table. */
export async function findRecordTypes(db: Queryable, registry: MetadataRegistry, ids: readonly string[]): Promise<Map<string, EntityDefinition>> {
  const entities = registry.entities.filter((e) => !e.builtIn);
  const found = new Map<string, EntityDefinition>();
  if (ids.length === 0 || entities.length === 0) return found;
  const sql = entities
    .map((e, i) => `SELECT ${i} AS entity, id::text AS id FROM ${ident(tableName(e))} WHERE id = ANY($1::uuid[])`)
    .join(' UNION ALL ');
  for (const row of await db.query<{ entity: number; id: string }>(sql, [ids])) found.set(row.id, entities[row.entity]!);
  return found;
}
