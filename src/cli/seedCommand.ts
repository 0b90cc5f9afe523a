import type { Config } from '../config';
import { migrateStorage } from '../entities/migrateStorage';
import { loadDefinitionSet } from '../metadata';
import { appliedBy } from '../server/appliedBy';
import { seedDatabase } from '../seed';
import { openDatabase } from '../server/openDatabase';

/** `relata seed --companies N`: deterministic data for measurements, in one transaction. */
export async function seedCommand(config: Config, options: { companies?: string; seed?: string }): Promise<number> {
  const companies = Number(options.companies ?? 1000);
  if (!Number.isInteger(companies) || companies < 1) {
    console.error('relata seed: --companies takes a positive whole number');
    return 2;
  }
  const { registry, sources } = await loadDefinitionSet(config.metadataDir);
  const db = await openDatabase(config);
  try {
    // Migrated like `relata migrate`, so the seeded database has its definitions version.
    await migrateStorage(db, registry, sources, appliedBy('seed'));
    const started = Date.now();
    const inserted = await seedDatabase(db, registry, { companies, seed: Number(options.seed ?? 1) });
    console.log(`Inserted ${Object.entries(inserted).map(([t, n]) => `${n} ${t}`).join(', ')} in ${Date.now() - started} ms`);
    return 0;
  } finally {
    await db.close();
  }
}
