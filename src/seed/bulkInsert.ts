import { columnStorage } from '../entities/columnTypes';
import { copyText } from '../entities/copyText';
import type { Queryable } from '../entities/database';
import { SYSTEM_COLUMNS, columnName, linkTableNames, quoteIdentifier, tableName } from '../entities/storageNames';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { FieldDefinition } from '../metadata/types';
import type { GeneratedRecord } from './generateRecords';

/** PostgreSQL allows 65,535 parameters per statement; stay well below. */
export const MAX_PARAMETERS_PER_STATEMENT = 30_000;

/**
 * Writes records of one type (contract section 5 names the tables and columns): `id` as
 * given, a column per field, `version`, `created_at` and `updated_at` left to their
 * defaults; then the link-table rows of its `references` fields. Through COPY where `db`
 * offers it (one statement per table, several times faster than INSERT), else multi-row
 * parameterised INSERTs. Values are never spliced into SQL. Run it inside a transaction to
 * make several calls all-or-nothing.
 */
export async function bulkInsert(
  db: Queryable,
  registry: MetadataRegistry,
  entityName: string,
  records: readonly GeneratedRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const entity = registry.get(entityName);
  const fields = entity.fields.filter((f) => f.type !== 'references');
  await insertRows(
    db,
    tableName(entity),
    [
      { name: SYSTEM_COLUMNS.id, cast: 'uuid' },
      ...fields.map((f) => ({ name: columnName(f), cast: columnStorage(f).sqlType })),
    ],
    records.map((r) => [r.id, ...fields.map((f) => parameterOf(f, r.values[f.name]))]),
  );
  for (const field of entity.fields.filter((f) => f.type === 'references')) {
    const link = linkTableNames(entity, field);
    const rows = records.flatMap((r) => [...new Set(idsOf(r.values[field.name]))].map((target) => [r.id, target]));
    await insertRows(
      db,
      link.table,
      [
        { name: link.sourceColumn, cast: 'uuid' },
        { name: link.targetColumn, cast: 'uuid' },
      ],
      rows,
    );
  }
}

interface Column {
  readonly name: string;
  /** Every INSERT parameter is cast, so multi-row VALUES never guess a type (COPY knows the column types). */
  readonly cast: string;
}

async function insertRows(db: Queryable, table: string, columns: readonly Column[], rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  if (db.copyRows) {
    await db.copyRows(table, columns.map((c) => c.name), copyText(rows));
    return;
  }
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS_PER_STATEMENT / columns.length));
  const head = `INSERT INTO ${quoteIdentifier(table)} (${columns.map((c) => quoteIdentifier(c.name)).join(', ')}) VALUES `;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = columns.map((column, i) => {
        params.push(row[i] ?? null);
        return `$${params.length}::${column.cast}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await db.query(head + tuples.join(', '), params);
  }
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

