import { columnStorage } from '../entities/columnTypes';
import type { Queryable } from '../entities/database';
import { insertRows, type TableRows } from '../entities/insertRows';
import { SYSTEM_COLUMNS, columnName, linkTableNames, tableName } from '../entities/storageNames';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import type { GeneratedRecord } from './generateRecords';

/**
 * Writes records of one type (contract section 5 names the tables and columns), table by
 * table (`recordRows`) through `insertRows`: COPY where `db` offers it. Run it inside a
 * transaction to make several calls all-or-nothing.
 */
export async function bulkInsert(
  db: Queryable,
  registry: MetadataRegistry,
  entityName: string,
  records: readonly GeneratedRecord[],
): Promise<void> {
  for (const rows of recordRows(registry.get(entityName), records)) await insertRows(db, rows);
}

/**
 * The rows that store records of `entity`: `id` as given, a column per field, `version`,
 * `created_at` and `updated_at` left to their defaults; then the link-table rows of its
 * `references` fields (which must follow: they refer to the records).
 */
export function recordRows(entity: EntityDefinition, records: readonly GeneratedRecord[]): TableRows[] {
  if (records.length === 0) return [];
  const fields = entity.fields.filter((f) => f.type !== 'references');
  const tables: TableRows[] = [
    {
      table: tableName(entity),
      columns: [{ name: SYSTEM_COLUMNS.id, cast: 'uuid' }, ...fields.map((f) => ({ name: columnName(f), cast: columnStorage(f).sqlType }))],
      rows: records.map((r) => [r.id, ...fields.map((f) => parameterOf(f, r.values[f.name]))]),
    },
  ];
  for (const field of entity.fields.filter((f) => f.type === 'references')) {
    const link = linkTableNames(entity, field);
    tables.push({
      table: link.table,
      columns: [
        { name: link.sourceColumn, cast: 'uuid' },
        { name: link.targetColumn, cast: 'uuid' },
      ],
      rows: records.flatMap((r) => [...new Set(idsOf(r.values[field.name]))].map((target) => [r.id, target])),
    });
  }
  return tables;
}

/** JSON goes as text (cast to jsonb); arrays stay JS arrays, which pg sends as `text[]`. */
function parameterOf(field: FieldDefinition, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (field.type === 'json') return JSON.stringify(value);
  return value;
}

function idsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

