import type { Queryable } from './database';

/**
 * Tables the engine owns next to the model's (issue 5), created if missing at every start.
 * Definitions may not take names starting with `relata_` (checkTableNames).
 */
export const AUDIT_TABLE = 'relata_audit';
export const API_KEY_TABLE = 'relata_api_key';

export const ENGINE_TABLES_DDL: readonly string[] = [
  // Append-only: the API offers no way to change or delete an entry. `changes` holds, per
  // field name, { old, new } as JSON; `id` orders entries (history cursors).
  `CREATE TABLE IF NOT EXISTS ${AUDIT_TABLE} (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor text NOT NULL,
    api_key uuid,
    type text NOT NULL,
    record_id uuid NOT NULL,
    action text NOT NULL,
    changes jsonb NOT NULL DEFAULT '{}'::jsonb
  )`,
  `CREATE INDEX IF NOT EXISTS ${AUDIT_TABLE}_record_idx ON ${AUDIT_TABLE} (type, record_id, id)`,
  // Only a SHA-256 of each key is kept; the key itself is shown once when it is made.
  `CREATE TABLE IF NOT EXISTS ${API_KEY_TABLE} (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    roles text[] NOT NULL,
    hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    last_used_at timestamptz
  )`,
];

/** Creates the engine's tables where missing (synchronizeStorage does this at every start). */
export async function createEngineTables(db: Queryable): Promise<void> {
  for (const statement of ENGINE_TABLES_DDL) await db.query(statement);
}
