import type { Config } from '../config';
import { migrateStorage } from '../entities/migrateStorage';
import { loadDefinitionSet } from '../metadata';
import { appliedBy } from '../server/appliedBy';
import { runRetention } from '../resolvers/runRetention';
import { openDatabase } from '../server/openDatabase';

/** `relata retention run`: applies every type's retention once (e.g. from cron), printing what it did. */
export async function retentionCommand(config: Config, action: string | undefined): Promise<number> {
  if (action !== 'run') {
    console.error('relata retention run');
    return 2;
  }
  const { registry, sources } = await loadDefinitionSet(config.metadataDir);
  const db = await openDatabase(config);
  try {
    // Migrated like `relata migrate`: retention runs on the storage of these definitions.
    await migrateStorage(db, registry, sources, appliedBy('retention'));
    const affected = await runRetention(db, registry);
    const types = registry.entities.filter((e) => e.retention);
    if (types.length === 0) console.log('No type has a retention period.');
    for (const entity of types) {
      console.log(`${entity.name}: ${affected[entity.name] ?? 0} record(s) ${entity.retention!.action === 'delete' ? 'deleted' : 'anonymised'} (unchanged for ${entity.retention!.afterDays} days)`);
    }
    return 0;
  } finally {
    await db.close();
  }
}
