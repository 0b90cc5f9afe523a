import { copyText } from './copyText';
import type { Queryable } from './database';
import { quoteIdentifier } from './storageNames';

/** PostgreSQL allows 65,535 parameters per statement; stay well below. */
export const MAX_PARAMETERS_PER_STATEMENT = 30_000;

export interface InsertColumn {
  readonly name: string;
  /** Cast of each INSERT parameter, so multi-row VALUES never guess a type (COPY knows the column types). */
  readonly cast?: string;
}

/** Rows for one table, values in the order of `columns`. */
export interface TableRows {
  readonly table: string;
  readonly columns: readonly InsertColumn[];
  readonly rows: readonly (readonly unknown[])[];
}

/** Rows ready to send: their COPY text is formatted where the database takes COPY. */
export interface PreparedRows extends TableRows {
  readonly copyText?: string;
}

/** Formats the COPY text ahead of `sendRows`, so that a writer can prepare one batch while the previous one is written. */
export function prepareRows(db: Queryable, rows: TableRows): PreparedRows {
  return db.copyRows && rows.rows.length > 0 ? { ...rows, copyText: copyText(rows.rows) } : rows;
}

/**
 * Writes prepared rows: one `COPY ... FROM STDIN` where `db` offers it (several times faster
 * than INSERT), else multi-row parameterised INSERTs below PostgreSQL's parameter limit.
 * Values are never spliced into SQL. Resolves with the number of rows written.
 */
export async function sendRows(db: Queryable, { table, columns, rows, copyText }: PreparedRows): Promise<number> {
  if (rows.length === 0) return 0;
  if (copyText !== undefined && db.copyRows) return db.copyRows(table, columns.map((c) => c.name), copyText);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS_PER_STATEMENT / columns.length));
  const head = `INSERT INTO ${quoteIdentifier(table)} (${columns.map((c) => quoteIdentifier(c.name)).join(', ')}) VALUES `;
  for (let start = 0; start < rows.length; start += perStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + perStatement).map((row) => {
      const placeholders = columns.map((column, i) => `$${params.push(row[i] ?? null)}${column.cast ? `::${column.cast}` : ''}`);
      return `(${placeholders.join(', ')})`;
    });
    await db.query(head + tuples.join(', '), params);
  }
  return rows.length;
}

/** `sendRows` of rows prepared on the spot. */
export function insertRows(db: Queryable, rows: TableRows): Promise<number> {
  return sendRows(db, prepareRows(db, rows));
}
