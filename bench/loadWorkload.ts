import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { Database } from '../src/entities/database';
import { synchronizeStorage } from '../src/entities/synchronizeStorage';
import { tableName } from '../src/entities/storageNames';
import type { MetadataRegistry } from '../src/metadata/MetadataRegistry';
import { bulkInsert, generateRecords } from '../src/seed';
import type { DatabaseKind } from './benchDatabase';
import { copyFrom } from '../src/entities/copyFrom';
import { copyColumns, copyText } from './copyText';
import { median } from './statistics';

export interface LoadOptions {
  readonly kind: DatabaseKind;
  /** PostgreSQL: the benchmark database (its `person` table is the template). */
  readonly url?: string;
  readonly registry: MetadataRegistry;
  readonly persons: number;
  readonly rounds: number;
  readonly log: (message: string) => void;
}

export interface LoadReport {
  readonly persons: number;
  readonly rounds: number;
  /** Medians over the rounds, in seconds. */
  readonly bulkSeconds: number;
  readonly copySeconds: number;
  /** bulkSeconds / copySeconds (issue 3: at most 2). */
  readonly ratio: number;
  readonly runs: readonly { readonly bulkSeconds: number; readonly copySeconds: number }[];
}

/** Where the two loads go, and how COPY reaches the database. */
interface LoadDatabase {
  readonly db: Database;
  copy(sql: string, text: string): Promise<void>;
  close(): Promise<void>;
}

const ENTITY = 'person';
const SCHEMAS = { bulk: 'bench_load_bulk', copy: 'bench_load_copy' } as const;
const LOAD_SEED = 424_242;

/**
 * The bulk path (`bulkInsert` in one transaction, as `seedDatabase` runs it) against
 * `COPY ... FROM STDIN` (formatting the rows included) for the same generated persons, each
 * into an empty copy of the `person` table with the same indexes (`LIKE ... INCLUDING ALL`,
 * no foreign keys). Rounds alternate which goes first; afterwards both tables must hold the
 * same rows.
 */
export async function measureLoad(options: LoadOptions): Promise<LoadReport> {
  const entity = options.registry.get(ENTITY);
  const records = generateRecords(options.registry, { company: 1000, [ENTITY]: options.persons }, LOAD_SEED).get(ENTITY) ?? [];
  const target = await openLoadDatabase(options);
  const { db } = target;
  const table = tableName(entity);
  const columns = copyColumns(entity).map((c) => `"${c}"`).join(', ');
  try {
    for (const schema of Object.values(SCHEMAS)) {
      await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.query(`CREATE SCHEMA ${schema}`);
      await db.query(`CREATE TABLE ${schema}."${table}" (LIKE public."${table}" INCLUDING ALL)`);
    }
    const bulk = async () => {
      const started = performance.now();
      await db.transaction(async (tx) => {
        await tx.query(`SET LOCAL search_path TO ${SCHEMAS.bulk}`);
        await bulkInsert(tx, options.registry, ENTITY, records);
      });
      return (performance.now() - started) / 1000;
    };
    const copy = async () => {
      const started = performance.now();
      await target.copy(`COPY ${SCHEMAS.copy}."${table}" (${columns}) FROM STDIN`, copyText(entity, records));
      return (performance.now() - started) / 1000;
    };
    const runs: { bulkSeconds: number; copySeconds: number }[] = [];
    for (let round = 0; round < options.rounds; round++) {
      await db.query(`TRUNCATE ${SCHEMAS.bulk}."${table}", ${SCHEMAS.copy}."${table}"`);
      const run = { bulkSeconds: 0, copySeconds: 0 };
      if (round % 2 === 0) {
        run.bulkSeconds = await bulk();
        run.copySeconds = await copy();
      } else {
        run.copySeconds = await copy();
        run.bulkSeconds = await bulk();
      }
      options.log(`  load round ${round + 1}: bulk path ${run.bulkSeconds.toFixed(2)} s, COPY ${run.copySeconds.toFixed(2)} s`);
      runs.push(run);
    }
    await assertSameRows(db, table, copyColumns(entity), records.length);
    const bulkSeconds = median(runs.map((r) => r.bulkSeconds));
    const copySeconds = median(runs.map((r) => r.copySeconds));
    return { persons: records.length, rounds: options.rounds, bulkSeconds, copySeconds, ratio: bulkSeconds / copySeconds, runs };
  } finally {
    for (const schema of Object.values(SCHEMAS)) await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await target.close();
  }
}

/** Both loads must have written the same values: same count, same digest of the written columns. */
async function assertSameRows(db: Database, table: string, columns: readonly string[], expected: number): Promise<void> {
  const row = columns.map((c) => `"${c}"`).join(', ');
  const digest = (schema: string) =>
    db.query<{ n: number; digest: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg((${row})::text, '|' ORDER BY id), '')) AS digest FROM ${schema}."${table}"`,
    );
  const [[bulk], [copy]] = await Promise.all([digest(SCHEMAS.bulk), digest(SCHEMAS.copy)]);
  if (bulk!.n !== expected || copy!.n !== expected || bulk!.digest !== copy!.digest) {
    throw new Error(`load: the bulk path and COPY wrote different rows (${bulk!.n} vs ${copy!.n} of ${expected})`);
  }
}

async function openLoadDatabase(options: LoadOptions): Promise<LoadDatabase> {
  if (options.kind === 'postgres') {
    if (!options.url) throw new Error('load on PostgreSQL needs the benchmark database URL');
    const db = await Database.connect(options.url, 2);
    const client = new Client({ connectionString: options.url });
    await client.connect();
    return {
      db,
      copy: async (sql, text) => void (await copyFrom(client, sql, text)),
      close: async () => {
        await client.end();
        await db.close();
      },
    };
  }
  // PGlite serves one process and the seeded copies belong to the servers: load into a fresh one.
  const pglite = await PGlite.create();
  const db = await Database.openEmbedded(undefined, pglite);
  await synchronizeStorage(db, options.registry);
  return {
    db,
    copy: async (sql, text) => void (await pglite.query(sql.replace(/FROM STDIN$/, "FROM '/dev/blob'"), [], { blob: new Blob([text]) })),
    close: async () => {
      await db.close();
      await pglite.close();
    },
  };
}
