import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../src/entities/database';
import { synchronizeStorage } from '../src/entities/synchronizeStorage';
import type { MetadataRegistry } from '../src/metadata/MetadataRegistry';
import { seedDatabase } from '../src/seed';
import type { BenchData } from './HttpWorkload';
import { adminQuery, startPostgresServer, type PostgresServer } from './postgresServer';

export type DatabaseKind = 'pglite' | 'postgres';

/** What seeding through the project's bulk path (`seedDatabase`) took and produced. */
export interface SeedReport {
  readonly companies: number;
  readonly rows: Readonly<Record<string, number>>;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  /** Shares of companies: with a sales rep, with 2+ industries, in DE, in software. */
  readonly shape: Readonly<Record<string, number>>;
}

/** A freshly created and seeded database, and how each server process reaches it. */
export interface BenchDatabase {
  readonly kind: DatabaseKind;
  readonly serverVersion: string;
  /** Environment of the Relata child (`DATABASE_URL` or `DATA_DIR`). */
  readonly relataEnv: Readonly<Record<string, string>>;
  /** Environment of the baseline child (`DATABASE_URL` or `BENCH_PGLITE_DIR`). */
  readonly baselineEnv: Readonly<Record<string, string>>;
  /** PostgreSQL only: the benchmark database, for the load workload. */
  readonly url?: string;
  readonly seed: SeedReport;
  readonly data: BenchData;
  dispose(): Promise<void>;
}

export interface BenchDatabaseOptions {
  readonly kind: DatabaseKind;
  readonly registry: MetadataRegistry;
  readonly companies: number;
  /** An existing server to create the database in (`DATABASE_URL`); else a throw-away one is started. */
  readonly adminUrl?: string;
  readonly log: (message: string) => void;
}

/**
 * Creates an empty database (PostgreSQL: a new database on the given or a throw-away server;
 * PGlite: a temporary data dir), synchronises the sample definitions, seeds it through
 * `seedDatabase` (timed), analyses it and reads the ids the workloads draw from.
 */
export async function createBenchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  return options.kind === 'postgres' ? createOnPostgres(options) : createOnPGlite(options);
}

async function createOnPostgres(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  let server: PostgresServer | undefined;
  if (!options.adminUrl) {
    options.log('starting a throw-away PostgreSQL server');
    server = await startPostgresServer();
  }
  const adminUrl = options.adminUrl ?? server!.url;
  const name = `relata_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dispose = async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await server?.stop();
  };
  try {
    const db = await Database.connect(url.toString());
    const prepared = await prepare(db, options).finally(() => db.close());
    return {
      kind: 'postgres',
      ...prepared,
      url: url.toString(),
      relataEnv: { DATABASE_URL: url.toString() },
      baselineEnv: { DATABASE_URL: url.toString() },
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

async function createOnPGlite(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const root = mkdtempSync(join(tmpdir(), 'relata-bench-pglite-'));
  const relataDir = join(root, 'relata');
  const dispose = async () => rmSync(root, { recursive: true, force: true });
  try {
    const db = await Database.openEmbedded(relataDir);
    const prepared = await prepare(db, options).finally(() => db.close());
    // Each server gets its own copy of the same seeded data: PGlite serves one process.
    const baselineData = join(root, 'baseline', 'pgdata');
    cpSync(join(relataDir, 'pgdata'), baselineData, { recursive: true });
    return {
      kind: 'pglite',
      ...prepared,
      relataEnv: { DATA_DIR: relataDir },
      baselineEnv: { BENCH_PGLITE_DIR: baselineData },
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

async function prepare(db: Database, options: BenchDatabaseOptions) {
  const { registry, companies, log } = options;
  await synchronizeStorage(db, registry);
  log(`seeding ${companies} companies through seedDatabase`);
  const started = performance.now();
  const rows = await seedDatabase(db, registry, { companies });
  const seconds = (performance.now() - started) / 1000;
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  log(`seeded ${total} rows in ${seconds.toFixed(1)} s; analysing`);
  await db.query('VACUUM ANALYZE');
  const [version] = await db.query<{ server_version: string }>('SHOW server_version');
  const ids = await db.query<{ id: string }>('SELECT id FROM company ORDER BY id');
  const companyIds = ids.map((r) => r.id);
  return {
    serverVersion: version!.server_version,
    seed: { companies, rows, seconds, rowsPerSecond: total / seconds, shape: await dataShape(db) },
    data: { pointIds: companyIds.slice(0, 1000), companyIds },
  };
}

/** The proportions the workloads rely on, so a report shows what the data looked like. */
async function dataShape(db: Database): Promise<Record<string, number>> {
  const [row] = await db.query<Record<string, number>>(`SELECT
      avg((sales_rep_id IS NOT NULL)::int)::float AS "withSalesRep",
      avg((coalesce(cardinality(industries), 0) >= 2)::int)::float AS "withSeveralIndustries",
      avg(coalesce(country = 'DE', false)::int)::float AS "inDE",
      avg(coalesce(industries @> ARRAY['software'], false)::int)::float AS "inSoftware"
    FROM company`);
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Math.round(Number(v) * 1000) / 1000]));
}
