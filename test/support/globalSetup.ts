import { startPostgresServer, type PostgresServer } from '../../bench/postgresServer';

/** Where globalTeardown (same process) finds the server to stop. */
export const SERVER_KEY = '__relataTestPostgres';

/**
 * Runs once before the suite. Without DATABASE_URL it starts a throw-away PostgreSQL on
 * 127.0.0.1 (Debian's package), so one `npm test` covers PGlite and a real server.
 * Test files create their own databases from RELATA_TEST_POSTGRES_URL.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.RELATA_TEST_POSTGRES_URL = process.env.DATABASE_URL;
    return;
  }
  const server: PostgresServer = await startPostgresServer({
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '200',
  });
  (globalThis as Record<string, unknown>)[SERVER_KEY] = server;
  process.env.RELATA_TEST_POSTGRES_URL = server.url;
}
