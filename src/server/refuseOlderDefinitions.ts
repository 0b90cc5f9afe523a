import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../entities/database';
import { findVersionByHash, latestVersion } from '../entities/definitionHistory';
import { DefinitionsBehindError } from '../errors';
import type { DefinitionSource } from '../metadata/DefinitionSource';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';

/**
 * Startup with files older than the applied version refuses, and never rolls the database
 * back (issue 4, rule 4). "Older" means both: the files are exactly an earlier applied
 * version, and none of them changed since the latest version was applied. Files put back
 * by an edit after that (restoring a removed field) are newer, and are migrated to as usual.
 */
export async function refuseOlderDefinitions(
  db: Database,
  registry: MetadataRegistry,
  sources: readonly DefinitionSource[],
  dir: string,
): Promise<void> {
  const latest = await latestVersion(db);
  if (!latest || latest.hash === registry.version) return;
  const older = await findVersionByHash(db, registry.version);
  if (older === undefined) return;
  const modified = await Promise.all(sources.map(async (source) => (await stat(join(dir, source.file))).mtimeMs));
  if (Math.max(0, ...modified) > latest.appliedAt.getTime()) return;
  throw new DefinitionsBehindError(dir, older, latest.version, latest.appliedBy, latest.appliedAt);
}
