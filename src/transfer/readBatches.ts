import type { Queryable } from '../entities/database';
import { tableName } from '../entities/storageNames';
import type { EntityDefinition } from '../metadata/types';
import { and, ident, SqlBuilder, type RowFilter } from '../resolvers/compiler/SqlBuilder';
import type { ExportColumn } from './exportColumns';

export const EXPORT_BATCH_SIZE = 1000;

/**
 * The column values of every row of `entity` in `condition` that `rowFilter` (the reader's
 * read scope, issue 5) reaches, in batches read by keyset on id (one statement each), so that
 * an export of a million rows never holds more than one batch. Columns that follow references
 * see only referenced rows the filter reaches, like every scan of the statement.
 */
export async function* readBatches(
  db: Queryable,
  entity: EntityDefinition,
  columns: readonly ExportColumn[],
  condition: (alias: string, sql: SqlBuilder) => string | undefined,
  rowFilter: RowFilter,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<unknown[][]> {
  let last: string | undefined;
  for (;;) {
    const sql = new SqlBuilder(rowFilter);
    const t = sql.alias();
    const values = columns.map((c) => c.sql(t, sql));
    const where = and([sql.visible(entity, t), condition(t, sql), last === undefined ? undefined : `${t}.id > ${sql.param(last, 'uuid')}`]);
    const rows = await db.query<{ id: string; v: unknown[] }>(
      `SELECT ${t}.id, json_build_array(${values.join(', ')}) AS v FROM ${ident(tableName(entity))} ${t}` +
        `${where ? ` WHERE ${where}` : ''} ORDER BY ${t}.id LIMIT ${batchSize}`,
      sql.params,
    );
    if (rows.length > 0) yield rows.map((r) => r.v);
    if (rows.length < batchSize) return;
    last = rows[rows.length - 1]!.id;
  }
}
