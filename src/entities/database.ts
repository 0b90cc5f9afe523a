import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { DataSource } from 'typeorm';
import type { Pool, PoolClient } from 'pg';
import { copyFrom } from './copyFrom';
import { acquireDirectoryLock, type DirectoryLock } from './directoryLock';
import { PreparedStatements } from './preparedStatements';
import { quoteIdentifier } from './storageNames';

export interface QueryOptions {
  /**
   * Send it as a named prepared statement: parsed and planned once per connection, and after
   * five executions PostgreSQL may switch to a generic plan. Only for statements whose best
   * plan does not depend on the values (issue 3: an array filter's generic plan on a GIN
   * index ran 25x slower), so off unless asked for.
   */
  readonly prepare?: boolean;
}

/** Something SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
  /**
   * `COPY table (columns) FROM` the rows in `text` (COPY text format, `copyText`); resolves
   * with the number of rows written. One statement: all rows or none.
   */
  copyRows?(table: string, columns: readonly string[], text: string): Promise<number>;
}

/** How COPY reaches the database: pg's COPY FROM STDIN, or PGlite's `/dev/blob`. */
type Copier = (client: PoolClient, table: string, columns: readonly string[], text: string) => Promise<number>;

export type QueryListener = (sql: string, params: readonly unknown[]) => void;

/**
 * The one way the engine talks to PostgreSQL, whether embedded (PGlite) or a server.
 * Queries go straight to the pg pool that TypeORM owns; TypeORM itself is used for
 * storage synchronisation (`synchronizeStorage`).
 */
export class Database implements Queryable {
  private readonly listeners = new Set<QueryListener>();
  private readonly prepared = new PreparedStatements();

  private constructor(
    readonly kind: 'pglite' | 'postgres',
    readonly dataSource: DataSource,
    private readonly pool: Pool,
    private readonly copier: Copier,
    private readonly onClose: () => Promise<void>,
  ) {}

  /** Opens PGlite in `dataDir` (created if missing; `undefined` keeps it in memory). */
  static async openEmbedded(dataDir: string | undefined, existing?: PGlite): Promise<Database> {
    let lock: DirectoryLock | undefined;
    if (dataDir && !existing) {
      mkdirSync(dataDir, { recursive: true });
      lock = acquireDirectoryLock(dataDir);
    }
    const pglite = existing ?? (await PGlite.create(dataDir ? { dataDir: `${dataDir}/pgdata` } : {}));
    const dataSource = new DataSource({
      type: 'postgres',
      extra: createPgConfig(pglite),
      poolSize: 1,
      installExtensions: false,
      uuidExtension: 'pgcrypto',
      entities: [],
    });
    await dataSource.initialize();
    // PGlite is one session: while the pool's only client is held (in a transaction too),
    // a query sent to PGlite directly runs in that same session.
    const copier: Copier = async (_client, table, columns, text) => {
      const result = await pglite.query(`${copyStatement(table, columns)} FROM '/dev/blob'`, [], { blob: new Blob([text]) });
      return result.affectedRows ?? 0;
    };
    return new Database('pglite', dataSource, poolOf(dataSource), copier, async () => {
      await dataSource.destroy();
      if (!existing) await pglite.close();
      lock?.release();
    });
  }

  static async connect(url: string, poolSize = 10): Promise<Database> {
    const dataSource = new DataSource({
      type: 'postgres',
      url,
      poolSize,
      installExtensions: false,
      uuidExtension: 'pgcrypto',
      entities: [],
    });
    await dataSource.initialize();
    const copier: Copier = (client, table, columns, text) => copyFrom(client, `${copyStatement(table, columns)} FROM STDIN`, text);
    return new Database('postgres', dataSource, poolOf(dataSource), copier, () => dataSource.destroy());
  }

  /** Observe every statement sent (used to count statements per request in tests). */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async query<Row = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
    options: QueryOptions = {},
  ): Promise<Row[]> {
    this.notify(sql, params);
    // Not pool.query: it destroys the client after a failed statement, and PGlite's single
    // connection does not come back. A statement error leaves a PostgreSQL session usable.
    const client = await this.pool.connect();
    try {
      return await runOn(client, this.prepared, sql, params, options);
    } finally {
      client.release();
    }
  }

  async copyRows(table: string, columns: readonly string[], text: string): Promise<number> {
    this.notify(copyStatement(table, columns), []);
    const client = await this.pool.connect();
    try {
      return await this.copier(client, table, columns, text);
    } finally {
      client.release();
    }
  }

  /** Runs `work` in one transaction: all of it commits, or none of it. */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx = new TransactionQueryable(client, this.prepared, this.copier, (sql, params) => this.notify(sql, params));
    try {
      await client.query('BEGIN');
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Runs `work` while holding a cluster-wide advisory lock, so that several servers on one
   * PostgreSQL do not change storage at once. PGlite is single-process (directory lock).
   */
  async withAdvisoryLock<T>(name: string, work: () => Promise<T>): Promise<T> {
    if (this.kind === 'pglite') return work();
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
      }
    } finally {
      client.release();
    }
  }

  /** True while the database answers (for `/readyz`). */
  async ping(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    return this.onClose();
  }

  private notify(sql: string, params: readonly unknown[]): void {
    for (const listener of this.listeners) listener(sql, params);
  }
}

class TransactionQueryable implements Queryable {
  constructor(
    private readonly client: PoolClient,
    private readonly prepared: PreparedStatements,
    private readonly copier: Copier,
    private readonly notify: QueryListener,
  ) {}

  query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<Row[]> {
    this.notify(sql, params);
    return runOn(this.client, this.prepared, sql, params, options);
  }

  copyRows(table: string, columns: readonly string[], text: string): Promise<number> {
    this.notify(copyStatement(table, columns), []);
    return this.copier(this.client, table, columns, text);
  }
}

function copyStatement(table: string, columns: readonly string[]): string {
  return `COPY ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')})`;
}


async function runOn<Row>(
  client: PoolClient,
  prepared: PreparedStatements,
  sql: string,
  params: readonly unknown[],
  options: QueryOptions,
): Promise<Row[]> {
  const values = params as unknown[];
  const result = options.prepare ? await client.query(await prepared.config(client, sql, values)) : await client.query(sql, values);
  return result.rows as Row[];
}

function poolOf(dataSource: DataSource): Pool {
  // TypeORM's postgres driver keeps its pg.Pool as `master`.
  return (dataSource.driver as unknown as { master: Pool }).master;
}
