import type { Database } from '../entities/database';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { bulkInsert } from './bulkInsert';
import { generateRecords } from './generateRecords';
import { seedCounts } from './seedCounts';
import { seedTraitData } from './traitData';

/** Companies in the demo data loaded into an empty embedded data dir (contract section 1). */
export const DEMO_COMPANIES = 60;

/** The seed used when none is given, so demo data looks the same everywhere. */
export const DEFAULT_SEED = 20_261_123;

export interface SeedOptions {
  /** Records of the `company` type; every other type is sized from it (`seedCounts`). */
  readonly companies: number;
  readonly seed?: number;
}

/**
 * Fills a database whose storage is already synchronised (`synchronizeStorage`) with
 * generated records, in ONE transaction: a seed that fails half-way leaves nothing behind.
 * Trait data follows (addresses, attribute periods, journal entries with follow-ups due
 * around today). Returns the records inserted per type (link-table and trait rows not counted,
 * journal entries counted under journalEntry).
 */
export async function seedDatabase(
  db: Database,
  registry: MetadataRegistry,
  options: SeedOptions,
): Promise<Record<string, number>> {
  const generated = generateRecords(registry, seedCounts(registry, options.companies), options.seed ?? DEFAULT_SEED);
  return db.transaction(async (tx) => {
    const inserted: Record<string, number> = {};
    // The map lists types in dependency order, so every reference finds its target.
    for (const [entityName, records] of generated) {
      await bulkInsert(tx, registry, entityName, records);
      inserted[entityName] = records.length;
    }
    const traitRows = await seedTraitData(tx, registry, generated, options.seed ?? DEFAULT_SEED, new Date());
    if (traitRows.journalEntry !== undefined) inserted.journalEntry = traitRows.journalEntry;
    return inserted;
  });
}
