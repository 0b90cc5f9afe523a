import type { Database } from '../entities/database';
import { tableName } from '../entities/storageNames';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { DEMO_COMPANIES, seedDatabase } from '../seed';

const MARKER_TABLE = 'relata_demo_data';

/**
 * Loads the demo records once into an empty embedded database so a newcomer sees something
 * (contract section 1). A marker table remembers it, so deleting the records does not bring
 * them back on the next start.
 */
export async function loadDemoDataOnce(db: Database, registry: MetadataRegistry): Promise<Record<string, number> | undefined> {
  await db.query(`CREATE TABLE IF NOT EXISTS ${MARKER_TABLE} (loaded_at timestamptz NOT NULL DEFAULT now())`);
  const [marker] = await db.query(`SELECT 1 FROM ${MARKER_TABLE} LIMIT 1`);
  if (marker || registry.entities.length === 0) return undefined;
  const counts = registry.entities.map((e) => `SELECT count(*)::int AS n FROM "${tableName(e)}"`).join(' UNION ALL ');
  const rows = await db.query<{ n: number }>(counts);
  if (rows.some((r) => r.n > 0)) return undefined;
  const inserted = await seedDatabase(db, registry, { companies: DEMO_COMPANIES, seed: 1 });
  await db.query(`INSERT INTO ${MARKER_TABLE} DEFAULT VALUES`);
  return inserted;
}
