import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../entities/database';
import { API_KEY_TABLE } from '../entities/engineTables';
import type { Viewer } from '../resolvers/context';
import { isUuid } from '../resolvers/validateInput';

/** API keys start with this, so the server tells them from JWTs in `Authorization: Bearer`. */
export const API_KEY_PREFIX = 'rk_';

export interface ApiKeyInfo {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
  /** The last call made with it, to the minute. */
  readonly lastUsedAt: Date | null;
}

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Makes a key for a partner integration (issue 5): 32 random bytes, returned once; only
 * its SHA-256 is stored, so a leaked database does not leak usable keys.
 */
export async function createApiKey(db: Queryable, name: string, roles: readonly string[]): Promise<{ id: string; key: string }> {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [row] = await db.query<{ id: string }>(`INSERT INTO ${API_KEY_TABLE} (name, roles, hash) VALUES ($1, $2::text[], $3) RETURNING id`, [
    name,
    roles,
    hashOf(key),
  ]);
  return { id: row!.id, key };
}

export async function listApiKeys(db: Queryable): Promise<ApiKeyInfo[]> {
  const rows = await db.query<{ id: string; name: string; roles: string[]; created_at: Date; revoked_at: Date | null; last_used_at: Date | null }>(
    `SELECT id, name, roles, created_at, revoked_at, last_used_at FROM ${API_KEY_TABLE} ORDER BY created_at, id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, roles: r.roles, createdAt: r.created_at, revokedAt: r.revoked_at, lastUsedAt: r.last_used_at }));
}

/** Revokes a key at once (every request looks the key up); false when there is no such live key. */
export async function revokeApiKey(db: Queryable, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await db.query(`UPDATE ${API_KEY_TABLE} SET revoked_at = now() WHERE id = $1::uuid AND revoked_at IS NULL RETURNING id`, [id]);
  return rows.length > 0;
}

/**
 * The caller a live key stands for, or undefined; its writes are attributed to `api-key:<id>`
 * in the audit trail, and the same statement notes its last use (at most once a minute).
 */
export async function viewerOfApiKey(db: Queryable, key: string): Promise<Viewer | undefined> {
  const [row] = await db.query<{ id: string; roles: string[] }>(
    `WITH k AS (SELECT id, roles, last_used_at FROM ${API_KEY_TABLE} WHERE hash = $1 AND revoked_at IS NULL),
       used AS (UPDATE ${API_KEY_TABLE} SET last_used_at = now() FROM k
                WHERE ${API_KEY_TABLE}.id = k.id AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute'))
     SELECT id, roles FROM k`,
    [hashOf(key)],
  );
  return row ? { sub: `api-key:${row.id}`, roles: row.roles, teams: [], areas: [], apiKey: row.id } : undefined;
}
