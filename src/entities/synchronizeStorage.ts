import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { DestructiveChangeError } from '../errors';
import type { Database } from './database';
import { createEngineTables } from './engineTables';
import { buildEntitySchemas, ginIndexStatements } from './entitySchemas';
import { traitExtensionStatements, traitIndexStatements } from './traitTables';

/** The DDL that would bring the database to the model, split by whether it can lose data. */
export interface StoragePlan {
  readonly statements: readonly string[];
  readonly destructive: readonly string[];
}

// Statements that remove stored values: a dropped table or column, or a column retyped.
const DESTRUCTIVE = [
  /^\s*DROP TABLE/i,
  /^\s*ALTER TABLE\s+"[^"]+"\s+DROP COLUMN/i,
  /^\s*ALTER TABLE\s+"[^"]+"\s+ALTER COLUMN\s+"[^"]+"\s+TYPE/i,
];

/**
 * Compares the model with the live catalog through TypeORM's schema builder (the SQL that
 * `migration:generate` would write) and returns it, without running anything.
 */
export async function planStorage(db: Database, registry: MetadataRegistry): Promise<StoragePlan> {
  const dataSource = db.dataSource;
  dataSource.setOptions({ entities: buildEntitySchemas(registry) });
  // Protected in the typings, but the supported way to re-read entities at runtime.
  await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  const log = await dataSource.driver.createSchemaBuilder().log();
  const statements = [
    ...traitExtensionStatements(registry),
    ...log.upQueries.map((q) => q.query),
    ...ginIndexStatements(registry),
    ...traitIndexStatements(registry),
  ];
  return { statements, destructive: statements.filter((s) => DESTRUCTIVE.some((re) => re.test(s))) };
}

/**
 * Creates the tables, columns, foreign keys, unique constraints and indexes of the model
 * (contract section 5), and the engine's own tables (audit trail, API keys). Additive changes are applied in one transaction; a plan that would
 * drop or retype stored data is refused whole and nothing runs.
 */
export async function synchronizeStorage(db: Database, registry: MetadataRegistry): Promise<StoragePlan> {
  return db.withAdvisoryLock('relata:storage', async () => {
    const plan = await planStorage(db, registry);
    if (plan.destructive.length > 0) throw new DestructiveChangeError(plan.destructive);
    await db.transaction(async (tx) => {
      for (const statement of plan.statements) await tx.query(statement);
      await createEngineTables(tx);
    });
    return plan;
  });
}
