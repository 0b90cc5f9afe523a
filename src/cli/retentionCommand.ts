import type { Config } from '../config';
import { synchronizeStorage } from '../entities/synchronizeStorage';
import { loadDefinitions } from '../metadata';
import { runRetention } from '../resolvers/runRetention';
import { openDatabase } from '../server/openDatabase';

/** `relata retention run`: applies every type's retention once (e.g. from cron), printing what it did. */
export async function retentionCommand(config: Config, action: string | undefined): Promise<number> {
  if (action !== 'run') {
    console.error('relata retention run');
    return 2;
  }
  const registry = await loadDefinitions(config.metadataDir);
  const db = await openDatabase(config);
  try {
    await synchronizeStorage(db, registry);
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
