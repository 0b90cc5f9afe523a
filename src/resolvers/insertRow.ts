import type { Queryable } from '../entities/database';
import { ident } from './compiler/SqlBuilder';
import type { ColumnValue } from './validateInput';

/** `INSERT INTO table (...) VALUES ($1::type, ...) RETURNING id` for validated column values. */
export async function insertRow(db: Queryable, table: string, columns: readonly Pick<ColumnValue, 'column' | 'value' | 'sqlType'>[]): Promise<string> {
  const sql = columns.length
    ? `INSERT INTO ${ident(table)} (${columns.map((c) => ident(c.column)).join(', ')}) ` +
      `VALUES (${columns.map((c, i) => `$${i + 1}::${c.sqlType}`).join(', ')}) RETURNING id`
    : `INSERT INTO ${ident(table)} DEFAULT VALUES RETURNING id`;
  const [row] = await db.query<{ id: string }>(sql, columns.map((c) => c.value));
  return row!.id;
}
