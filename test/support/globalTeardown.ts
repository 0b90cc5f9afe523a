import type { PostgresServer } from '../../bench/postgresServer';
import { SERVER_KEY } from './globalSetup';

/** Stops the throw-away PostgreSQL that globalSetup started, if any. */
export default async function globalTeardown(): Promise<void> {
  await ((globalThis as Record<string, unknown>)[SERVER_KEY] as PostgresServer | undefined)?.stop();
}
