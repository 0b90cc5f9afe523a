import type { Queryable } from '../entities/database';
import { WORK_TABLES } from '../entities/workTables';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { Viewer } from '../resolvers/context';
import { isUuid } from '../resolvers/validateInput';

/** A saved selection as clients see it (contract section 7). */
export interface StoredSelection {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly condition: unknown;
  readonly owner: string;
  readonly sharedWithRoles: readonly string[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface SelectionValues {
  readonly name: string;
  readonly type: string;
  readonly condition: unknown;
  readonly sharedWithRoles: readonly string[];
}

const TABLE = WORK_TABLES.selection;
const COLUMNS = `id, name, type, condition, owner, shared_with_roles AS "sharedWithRoles", version,
  to_json(created_at) #>> '{}' AS "createdAt", to_json(updated_at) #>> '{}' AS "updatedAt"`;

/**
 * Saved selections of one caller: visible when the caller owns them (token `sub`) or holds
 * one of their `sharedWithRoles`; only the owner changes or deletes one.
 */
export class SelectionStore {
  constructor(
    private readonly db: Queryable,
    private readonly viewer: Viewer,
  ) {}

  /** `(owner = $a OR shared_with_roles && $b)`, the visibility rule as SQL on `params`. */
  static visibleSql(viewer: Viewer, params: unknown[], alias = ''): string {
    params.push(viewer.sub, [...viewer.roles]);
    const a = alias ? `${alias}.` : '';
    return `(${a}owner = $${params.length - 1} OR ${a}shared_with_roles && $${params.length}::text[])`;
  }

  async visible(ids: readonly string[]): Promise<StoredSelection[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const params: unknown[] = [valid];
    return this.db.query<StoredSelection>(
      `SELECT ${COLUMNS} FROM ${TABLE} WHERE id = ANY($1::uuid[]) AND ${SelectionStore.visibleSql(this.viewer, params)}`,
      params,
    );
  }

  async get(id: string): Promise<StoredSelection> {
    const [row] = await this.visible([id]);
    if (!row) throw new NotFoundError('Selection', id);
    return row;
  }

  async list(type: string | undefined): Promise<StoredSelection[]> {
    const params: unknown[] = [];
    const visible = SelectionStore.visibleSql(this.viewer, params);
    const byType = type === undefined ? '' : ` AND type = $${params.push(type)}`;
    return this.db.query<StoredSelection>(`SELECT ${COLUMNS} FROM ${TABLE} WHERE ${visible}${byType} ORDER BY name, id`, params);
  }

  async insert(values: SelectionValues): Promise<StoredSelection> {
    const [row] = await this.db.query<StoredSelection>(
      `INSERT INTO ${TABLE} (name, type, condition, owner, shared_with_roles) VALUES ($1, $2, $3::jsonb, $4, $5::text[]) RETURNING ${COLUMNS}`,
      [values.name, values.type, JSON.stringify(values.condition), this.viewer.sub, [...values.sharedWithRoles]],
    );
    return row!;
  }

  async update(id: string, values: SelectionValues, expectedVersion: number | null | undefined): Promise<StoredSelection> {
    const current = await this.ownedBy(id);
    if (expectedVersion != null && current.version !== expectedVersion) {
      throw new ConflictError(`Selection ${id} was changed by someone else: version ${current.version}, expected ${expectedVersion}`, {
        currentVersion: current.version,
      });
    }
    const [row] = await this.db.query<StoredSelection>(
      `UPDATE ${TABLE} SET name = $2, condition = $3::jsonb, shared_with_roles = $4::text[], version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $5 RETURNING ${COLUMNS}`,
      [id, values.name, JSON.stringify(values.condition), [...values.sharedWithRoles], current.version],
    );
    if (!row) throw new ConflictError(`Selection ${id} was changed by someone else meanwhile`);
    return row;
  }

  /** Refused while another selection refers to this one: its runs would break. */
  async delete(id: string): Promise<string> {
    await this.ownedBy(id);
    const users = await this.db.query<{ name: string }>(
      `SELECT name FROM ${TABLE} WHERE id <> $1 AND jsonb_path_exists(condition, 'strict $.**.selection ? (@ == $id)', jsonb_build_object('id', $1::text))`,
      [id],
    );
    if (users.length > 0) {
      throw new ConflictError(`Selection ${id} is used by ${users.length} other selection(s): ${users.map((u) => u.name).join(', ')}`);
    }
    await this.db.query(`DELETE FROM ${TABLE} WHERE id = $1`, [id]);
    return id;
  }

  private async ownedBy(id: string): Promise<StoredSelection> {
    const selection = await this.get(id);
    if (selection.owner !== this.viewer.sub) throw new ForbiddenError('Only the owner may change or delete a selection');
    return selection;
  }
}
