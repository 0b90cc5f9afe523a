import { randomBytes } from 'node:crypto';
import { adminQuery } from '../../bench/postgresServer';
import { Database } from '../../src/entities/database';

export type DatabaseKind = 'pglite' | 'postgres';

/** Both databases every storage and API test runs against. */
export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

export interface TestDatabase {
  readonly kind: DatabaseKind;
  /** Connection URL for PostgreSQL, undefined for PGlite. */
  readonly url?: string;
  open(): Promise<Database>;
  /** Removes the database (PostgreSQL) after the test file. */
  drop(): Promise<void>;
}

/** A fresh, empty database of the given kind, private to the calling test file. */
export async function createTestDatabase(kind: DatabaseKind, dataDir?: string): Promise<TestDatabase> {
  if (kind === 'pglite') {
    return { kind, open: () => Database.openEmbedded(dataDir), drop: async () => undefined };
  }
  const adminUrl = process.env.RELATA_TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error('RELATA_TEST_POSTGRES_URL is not set: run the tests through jest (globalSetup)');
  const name = `relata_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    open: () => Database.connect(url.toString(), 4),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
