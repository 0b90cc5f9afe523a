import { installJournalCleanup } from '../entities/journalCleanup';
import type { Database } from '../entities/database';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { installSampleLists } from '../seed';

/**
 * What the traits need in the database beyond tables, once storage matches `registry`: the
 * shipped master lists (into empty lists only) and the journal's cleanup triggers. Idempotent;
 * runs on start and after each applied reload.
 */
export async function installTraitData(db: Database, registry: MetadataRegistry): Promise<void> {
  await installSampleLists(db, registry);
  await installJournalCleanup(db, registry);
}
