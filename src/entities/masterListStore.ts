import type { LocalizedText } from '../metadata/types';
import type { Queryable } from './database';
import { quoteIdentifier } from './storageNames';
import { MASTER_LIST_TABLE } from './traitTables';

/** One stored value of a master list (contract section 6). */
export interface ListValueRow {
  readonly list: string;
  readonly key: string;
  readonly parent: string | null;
  readonly label: LocalizedText;
  readonly position: number;
  readonly active: boolean;
}

const COLUMNS = 'list, key, parent, label, position, active';
const ORDER = 'ORDER BY position, key';

/** The values of the given lists (all of them when `includeInactive`), by position. */
export async function readListValues(db: Queryable, lists: readonly string[], includeInactive = true): Promise<ListValueRow[]> {
  if (lists.length === 0) return [];
  return db.query<ListValueRow>(
    `SELECT ${COLUMNS} FROM ${MASTER_LIST_TABLE} WHERE list = ANY($1::text[])${includeInactive ? '' : ' AND active'} ${ORDER}`,
    [lists],
  );
}

export async function readListValue(db: Queryable, list: string, key: string): Promise<ListValueRow | undefined> {
  const [row] = await db.query<ListValueRow>(`SELECT ${COLUMNS} FROM ${MASTER_LIST_TABLE} WHERE list = $1 AND key = $2`, [list, key]);
  return row;
}

export async function insertListValue(
  db: Queryable,
  value: Omit<ListValueRow, 'active' | 'position'> & { position?: number | null },
): Promise<ListValueRow> {
  // Without a position the value goes last.
  const [row] = await db.query<ListValueRow>(
    `INSERT INTO ${MASTER_LIST_TABLE} (list, key, parent, label, position)
     VALUES ($1::varchar, $2, $3, $4::jsonb, coalesce($5::int, (SELECT coalesce(max(position) + 1, 0) FROM ${MASTER_LIST_TABLE} WHERE list = $1::varchar)))
     RETURNING ${COLUMNS}`,
    [value.list, value.key, value.parent, JSON.stringify(value.label), value.position ?? null],
  );
  return row!;
}

export interface ListValueChange {
  /** Merged into the stored labels: a locale not given keeps its text. */
  readonly label?: LocalizedText;
  /** undefined keeps the parent, null makes the value top-level. */
  readonly parent?: string | null;
  readonly position?: number;
  readonly active?: boolean;
}

export async function updateListValue(db: Queryable, list: string, key: string, change: ListValueChange): Promise<ListValueRow | undefined> {
  const [row] = await db.query<ListValueRow>(
    `UPDATE ${MASTER_LIST_TABLE} SET
       label = label || coalesce($3::jsonb, '{}'::jsonb),
       parent = CASE WHEN $4::boolean THEN $5 ELSE parent END,
       position = coalesce($6::int, position),
       active = coalesce($7::boolean, active),
       updated_at = now()
     WHERE list = $1 AND key = $2 RETURNING ${COLUMNS}`,
    [
      list,
      key,
      change.label ? JSON.stringify(change.label) : null,
      change.parent !== undefined,
      change.parent ?? null,
      change.position ?? null,
      change.active ?? null,
    ],
  );
  return row;
}

/** A list value written to a column of a record of `table`; `record` is null for a new record. */
export interface WrittenListValue {
  readonly list: string;
  readonly key: string;
  readonly column: string;
  readonly record: string | null;
}

/**
 * The positions in `values` of those that are neither an active value of their list nor
 * held already by their record's column (a deactivated value stays on the records that
 * have it): one statement for any number of records. The held value is read by a scalar
 * sub-select, a lookup by id per value: as NOT EXISTS, PostgreSQL may plan an anti join
 * that reads the whole table for every batch of an import.
 */
export async function unacceptedListValues(db: Queryable, table: string, values: readonly WrittenListValue[]): Promise<number[]> {
  if (values.length === 0) return [];
  const rows = await db.query<{ n: number }>(
    `SELECT v.n FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[]) WITH ORDINALITY AS v(list, key, col, record, n)
     WHERE NOT EXISTS (SELECT 1 FROM ${MASTER_LIST_TABLE} m WHERE m.list = v.list AND m.key = v.key AND m.active)
       AND NOT coalesce((SELECT (to_jsonb(t) -> v.col) @> to_jsonb(v.key) FROM ${quoteIdentifier(table)} t WHERE t.id = v.record), false)
     ORDER BY v.n`,
    [values.map((v) => v.list), values.map((v) => v.key), values.map((v) => v.column), values.map((v) => v.record)],
  );
  return rows.map((r) => Number(r.n) - 1);
}

/**
 * Installs shipped values into each list that has no values at all, so an administrator's
 * edits (relabelled, deactivated values) are never overwritten on a later start.
 */
export async function installLists(
  db: Queryable,
  lists: Readonly<Record<string, readonly { key: string; label: LocalizedText; parent?: string }[]>>,
): Promise<void> {
  const rows = Object.entries(lists).flatMap(([list, values]) =>
    values.map((value, position) => [list, value.key, value.parent ?? null, JSON.stringify(value.label), position] as const),
  );
  if (rows.length === 0) return;
  const column = (i: number) => rows.map((r) => r[i]);
  await db.query(
    `INSERT INTO ${MASTER_LIST_TABLE} (list, key, parent, label, position)
     SELECT v.list, v.key, v.parent, v.label::jsonb, v.position
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) AS v(list, key, parent, label, position)
     WHERE NOT EXISTS (SELECT 1 FROM ${MASTER_LIST_TABLE} m WHERE m.list = v.list)`,
    [column(0), column(1), column(2), column(3), column(4)],
  );
}
