import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { DataSource } from 'typeorm';
import type { Pool, PoolClient } from 'pg';
import { acquireDirectoryLock, type DirectoryLock } from './directoryLock';

/** Something SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export type QueryListener = (sql: string, params: readonly unknown[]) => void;

/** Extensions an embedded database loads: btree_gist for the attributes' no-overlap constraints. */
export const PGLITE_EXTENSIONS = { btree_gist };

/**
 * The one way the engine talks to PostgreSQL, whether embedded (PGlite) or a server.
 * Queries go straight to the pg pool that TypeORM owns; TypeORM itself is used for
 * storage synchronisation (`synchronizeStorage`).
 */
export class Database implements Queryable {
  private readonly listeners = new Set<QueryListener>();

  private constructor(
    readonly kind: 'pglite' | 'postgres',
    readonly dataSource: DataSource,
    private readonly pool: Pool,
    private readonly onClose: () => Promise<void>,
  ) {}

  /** Opens PGlite in `dataDir` (created if missing; `undefined` keeps it in memory). */
  static async openEmbedded(dataDir: string | undefined, existing?: PGlite): Promise<Database> {
    let lock: DirectoryLock | undefined;
    if (dataDir && !existing) {
      mkdirSync(dataDir, { recursive: true });
      lock = acquireDirectoryLock(dataDir);
    }
    const pglite =
      existing ?? (await PGlite.create({ ...(dataDir ? { dataDir: `${dataDir}/pgdata` } : {}), extensions: PGLITE_EXTENSIONS }));
    const dataSource = new DataSource({
      type: 'postgres',
      extra: createPgConfig(pglite),
      poolSize: 1,
      installExtensions: false,
      uuidExtension: 'pgcrypto',
      entities: [],
    });
    await dataSource.initialize();
    return new Database('pglite', dataSource, poolOf(dataSource), async () => {
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
    return new Database('postgres', dataSource, poolOf(dataSource), () => dataSource.destroy());
  }

  /** Observe every statement sent (used to count statements per request in tests). */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    this.notify(sql, params);
    // Not pool.query: it destroys the client after a failed statement, and PGlite's single
    // connection does not come back. A statement error leaves a PostgreSQL session usable.
    const client = await this.pool.connect();
    try {
      const result = await client.query(sql, params as unknown[]);
      return result.rows as Row[];
    } finally {
      client.release();
    }
  }

  /** Runs `work` in one transaction: all of it commits, or none of it. */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx = new TransactionQueryable(client, (sql, params) => this.notify(sql, params));
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
    private readonly notify: QueryListener,
  ) {}

  async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    this.notify(sql, params);
    const result = await this.client.query(sql, params as unknown[]);
    return result.rows as Row[];
  }
}

function poolOf(dataSource: DataSource): Pool {
  // TypeORM's postgres driver keeps its pg.Pool as `master`.
  return (dataSource.driver as unknown as { master: Pool }).master;
}
