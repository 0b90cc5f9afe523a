import { join } from 'node:path';
import type { Config } from '../config';
import { dropRetired } from '../entities/dropRetired';
import { migrateStorage } from '../entities/migrateStorage';
import { MigrationRefusedError, RetiredNotFoundError } from '../errors';
import { loadDefinitionSet } from '../metadata';
import { appliedBy } from '../server/appliedBy';
import { openDatabase } from '../server/openDatabase';
import { describePlan } from './describePlan';

/**
 * `relata migrate [--drop-retired a,b.c]`: applies the plan (exit 1, nothing changed, when a
 * step is refused), then drops only the listed retired items, each saved first to a JSON
 * file under `<DATA_DIR>/backups`.
 */
export async function migrateCommand(config: Config, options: { 'drop-retired'?: string }): Promise<number> {
  const { registry, sources } = await loadDefinitionSet(config.metadataDir);
  const db = await openDatabase(config);
  try {
    const { version, migration } = await migrateStorage(db, registry, sources, appliedBy('migrate'));
    console.log(describePlan(migration));
    console.log(migration.upToDate ? `Already at version ${version.version}.` : `Applied version ${version.version}.`);
    const items = (options['drop-retired'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (items.length === 0) return 0;
    for (const { item, backup } of await dropRetired(db, items, join(config.dataDir, 'backups'), appliedBy('migrate --drop-retired'))) {
      console.log(`Dropped ${item}; its data was saved to ${backup}`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof MigrationRefusedError) && !(error instanceof RetiredNotFoundError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await db.close();
  }
}
