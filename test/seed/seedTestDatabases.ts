import type { Database } from '../../src/entities/database';
import { linkTableNames, tableName } from '../../src/entities/storageNames';
import { synchronizeStorage } from '../../src/entities/synchronizeStorage';
import type { MetadataRegistry } from '../../src/metadata/MetadataRegistry';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../support/databases';

/**
 * Fresh databases with the storage of `registry`, all closed and dropped after the calling
 * describe block.
 */
export function seedTestDatabases(kind: DatabaseKind, registry: MetadataRegistry): () => Promise<Database> {
  const opened: { test: TestDatabase; db: Database }[] = [];
  afterAll(async () => {
    for (const { test, db } of opened) {
      await db.close();
      await test.drop();
    }
  });
  return async () => {
    const test = await createTestDatabase(kind);
    const db = await test.open();
    opened.push({ test, db });
    await synchronizeStorage(db, registry);
    return db;
  };
}

/** Every table of the registry, link tables included. */
export function allTables(registry: MetadataRegistry): string[] {
  return registry.entities.flatMap((e) => [
    tableName(e),
    ...e.fields.filter((f) => f.type === 'references').map((f) => linkTableNames(e, f).table),
  ]);
}
