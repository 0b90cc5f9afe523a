import { createHash } from 'node:crypto';
import type { PoolClient, QueryConfig } from 'pg';

/** Distinct statement texts whose names are remembered (the hash is only recomputed beyond it). */
export const MAX_CACHED_NAMES = 2000;
/** Prepared statements one connection keeps before it deallocates them all and starts again. */
export const MAX_PREPARED_PER_CONNECTION = 500;

/**
 * Names for prepared statements, derived from the statement text: the same text always
 * gets the same name, on every connection, so PostgreSQL parses and plans it once per
 * connection (pg skips the Parse message for a name it has prepared on that connection).
 * The name cache is bounded; so is what each connection keeps prepared: a client may send
 * any number of distinct query shapes, and each prepared statement holds server memory.
 */
export class PreparedStatements {
  private readonly names = new Map<string, string>();

  /** The query config for `text` as a named statement on `client`, making room there first. */
  async config(client: PoolClient, text: string, values: unknown[]): Promise<QueryConfig> {
    const name = this.nameOf(text);
    const prepared = parsedStatementsOf(client);
    if (prepared && !(name in prepared) && Object.keys(prepared).length >= MAX_PREPARED_PER_CONNECTION) {
      await client.query('DEALLOCATE ALL');
      for (const key of Object.keys(prepared)) delete prepared[key];
    }
    return { name, text, values };
  }

  nameOf(text: string): string {
    let name = this.names.get(text);
    if (name === undefined) {
      name = `relata_${createHash('sha1').update(text).digest('base64url')}`;
      if (this.names.size >= MAX_CACHED_NAMES) this.names.delete(this.names.keys().next().value!);
      this.names.set(text, name);
    }
    return name;
  }
}

/**
 * pg's record of the statements prepared on a connection (`connection.parsedStatements`,
 * pg/lib/client.js): after DEALLOCATE ALL it must forget them too, or it would skip the
 * Parse of a statement the server no longer has. PGlite's pg adapter keeps the same record.
 */
function parsedStatementsOf(client: PoolClient): Record<string, string> | undefined {
  return (client as unknown as { connection?: { parsedStatements?: Record<string, string> } }).connection?.parsedStatements;
}
