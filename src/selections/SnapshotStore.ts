import type { Queryable } from '../entities/database';
import { tableName } from '../entities/storageNames';
import { WORK_TABLES } from '../entities/workTables';
import { and, ident, SqlBuilder, type RowFilter } from '../resolvers/compiler/SqlBuilder';
import type { EntityDefinition } from '../metadata/types';
import type { Viewer } from '../resolvers/context';
import { isUuid } from '../resolvers/validateInput';
import { SelectionStore, type StoredSelection } from './SelectionStore';

export interface StoredSnapshot {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly selection: string | null;
  readonly createdAt: string;
}

const COLUMNS = `id, name, type, selection_id AS selection, to_json(created_at) #>> '{}' AS "createdAt"`;

/** Frozen member lists of selections; visible like the selection was when it was taken. */
export class SnapshotStore {
  constructor(
    private readonly db: Queryable,
    private readonly viewer: Viewer,
  ) {}

  /**
   * Inserts the snapshot and all its members in one statement, whatever their number. Members
   * are the rows of `entity` in `condition` that `rowFilter` (the taker's read scope) reaches.
   */
  async take(
    selection: StoredSelection,
    name: string,
    entity: EntityDefinition,
    condition: (alias: string, sql: SqlBuilder) => string,
    rowFilter: RowFilter,
  ): Promise<StoredSnapshot> {
    const sql = new SqlBuilder(rowFilter);
    const head = [selection.id, name, selection.type, this.viewer.sub].map((v) => sql.param(v));
    const roles = sql.param([...selection.sharedWithRoles], 'text[]');
    const t = sql.alias();
    const where = and([sql.visible(entity, t), condition(t, sql)]) ?? 'TRUE';
    const statement = `WITH s AS (
        INSERT INTO ${WORK_TABLES.snapshot} (selection_id, name, type, owner, shared_with_roles)
        VALUES (${head[0]}::uuid, ${head[1]}, ${head[2]}, ${head[3]}, ${roles}) RETURNING *
      ), m AS (
        INSERT INTO ${WORK_TABLES.snapshotMember} (snapshot_id, record_id)
        SELECT s.id, ${t}.id FROM s, ${ident(tableName(entity))} ${t} WHERE ${where}
      )
      SELECT ${COLUMNS} FROM s`;
    const [row] = await this.db.query<StoredSnapshot>(statement, sql.params);
    return row!;
  }

  async get(id: string): Promise<StoredSnapshot | null> {
    if (!isUuid(id)) return null;
    const params: unknown[] = [id];
    const [row] = await this.db.query<StoredSnapshot>(
      `SELECT ${COLUMNS} FROM ${WORK_TABLES.snapshot} WHERE id = $1 AND ${SelectionStore.visibleSql(this.viewer, params)}`,
      params,
    );
    return row ?? null;
  }
}

/**
 * Members of a snapshot still stored (records deleted since drop out). It says nothing of
 * visibility: whoever reads them (a connection, an export) adds the reader's row scope, so a
 * member a reader of a shared snapshot may not see stays hidden from them.
 */
export function snapshotMembersScope(snapshotId: string) {
  return (alias: string, sql: SqlBuilder) =>
    `${alias}.id IN (SELECT record_id FROM ${WORK_TABLES.snapshotMember} WHERE snapshot_id = ${sql.param(snapshotId, 'uuid')})`;
}
