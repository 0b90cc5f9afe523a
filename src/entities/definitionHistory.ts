import type { DefinitionSource } from '../metadata/DefinitionSource';
import { ENGINE_TABLE_PREFIX } from '../metadata/reservedNames';
import { checkDefinitions } from '../metadata/loadDefinitions';
import { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition } from '../metadata/types';
import type { Queryable } from './database';
import type { AppliedModel, RetiredStorage } from './MigrationPlan';

/** The table of applied definition sets (issue 4, rule 1), reserved against type names. */
export const HISTORY_TABLE = `${ENGINE_TABLE_PREFIX}definition_version`;

/** The channel on which a migration announces its new version number to other instances. */
export const VERSION_CHANNEL = 'relata_definition_version';

/** One applied set of definitions: the live schema is built from the latest one. */
export interface DefinitionVersion extends AppliedModel {
  readonly version: number;
  /** `MetadataRegistry.version` of the model: equal definitions, equal hash. */
  readonly hash: string;
  readonly appliedAt: Date;
  readonly appliedBy: string;
  readonly sources: readonly DefinitionSource[];
}

interface VersionRow {
  version: number;
  hash: string;
  applied_at: Date;
  applied_by: string;
  sources: DefinitionSource[];
  model: EntityDefinition[];
  retired: RetiredStorage;
}

// json, not jsonb: jsonb reorders keys, and the model's hash is taken over its JSON text.
export async function ensureHistoryTable(db: Queryable): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS "${HISTORY_TABLE}" (
    version integer PRIMARY KEY,
    hash text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL,
    sources json NOT NULL,
    model json NOT NULL,
    retired json NOT NULL
  )`);
}

/** The latest applied version, or undefined before the first migration (or without the table). */
export async function latestVersion(db: Queryable): Promise<DefinitionVersion | undefined> {
  const [exists] = await db.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [HISTORY_TABLE]);
  if (!exists?.t) return undefined;
  const [row] = await db.query<VersionRow>(`SELECT * FROM "${HISTORY_TABLE}" ORDER BY version DESC LIMIT 1`);
  return row ? versionOf(row) : undefined;
}

/** The newest earlier version with this hash (to say which version old files match). */
export async function findVersionByHash(db: Queryable, hash: string): Promise<number | undefined> {
  const rows = await db.query<{ version: number }>(`SELECT version FROM "${HISTORY_TABLE}" WHERE hash = $1 ORDER BY version DESC LIMIT 1`, [hash]);
  return rows[0]?.version;
}

/** Stores a new version inside the migration's transaction and announces it on commit. */
export async function recordVersion(
  tx: Queryable,
  entry: { registry: MetadataRegistry; retired: RetiredStorage; sources: readonly DefinitionSource[]; appliedBy: string },
): Promise<number> {
  const [row] = await tx.query<{ version: number }>(
    `INSERT INTO "${HISTORY_TABLE}" (version, hash, applied_by, sources, model, retired)
     SELECT coalesce(max(version), 0) + 1, $1, $2, $3::json, $4::json, $5::json FROM "${HISTORY_TABLE}"
     RETURNING version`,
    [entry.registry.version, entry.appliedBy, JSON.stringify(entry.sources), JSON.stringify(entry.registry.entities), JSON.stringify(entry.retired)],
  );
  const version = row!.version;
  await tx.query(`SELECT pg_notify($1, $2)`, [VERSION_CHANNEL, String(version)]);
  return version;
}

/**
 * The registry is rebuilt from the stored files, so that it holds everything the loader
 * makes of them (not only the types); the stored model is the fallback for files that
 * this engine version no longer reads.
 */
function versionOf(row: VersionRow): DefinitionVersion {
  const rebuilt = checkDefinitions(row.sources).registry;
  return {
    version: row.version,
    hash: row.hash,
    appliedAt: row.applied_at,
    appliedBy: row.applied_by,
    sources: row.sources,
    registry: rebuilt?.version === row.hash ? rebuilt : new MetadataRegistry(row.model),
    retired: row.retired,
  };
}
