import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { Database } from '../src/entities/database';
import { synchronizeStorage } from '../src/entities/synchronizeStorage';
import { tableName } from '../src/entities/storageNames';
import type { EntityDefinition } from '../src/metadata/types';
import { generateRecords, installSampleLists, type GeneratedRecord } from '../src/seed';
import { cellText, csvLine } from '../src/transfer/csvCell';
import { importRecords } from '../src/transfer/importRecords';
import { operatorImporter } from '../src/transfer/importRights';
import { copyFrom } from '../src/entities/copyFrom';
import { copyColumns, copyText } from './copyText';
import { withCpuProfile } from './cpuProfile';
import type { LoadOptions } from './loadWorkload';
import { median } from './statistics';

export interface ImportBenchReport {
  readonly rows: number;
  readonly rounds: number;
  /** Medians over the rounds, in seconds. */
  readonly importSeconds: number;
  readonly copySeconds: number;
  /** importSeconds / copySeconds (issue 7: "close to what COPY needs"). */
  readonly ratio: number;
  readonly runs: readonly { readonly importSeconds: number; readonly copySeconds: number }[];
}

const ENTITY = 'person';
const SCHEMAS = { import: 'bench_import', copy: 'bench_import_copy' } as const;
const IMPORT_SEED = 77_007;

export interface ImportOptions extends LoadOptions {
  /** With `--profile`: a CPU profile of the import rounds goes to this folder. */
  readonly profileDir?: string;
}

/**
 * `importRecords` (ALL_OR_NOTHING: parse, map, validate, unique checks, bulk write) of a CSV
 * file of generated persons against `COPY ... FROM STDIN` of the same rows, each into an
 * empty `person` table. Persons go without their company: a reference would need the
 * companies in the target too, and COPY does not check foreign keys.
 */
export async function measureImport(options: ImportOptions): Promise<ImportBenchReport> {
  const entity = options.registry.get(ENTITY);
  const records = (generateRecords(options.registry, { company: 1000, [ENTITY]: options.persons }, IMPORT_SEED).get(ENTITY) ?? []).map(
    (r): GeneratedRecord => ({ id: r.id, values: { ...r.values, company: null } }),
  );
  const csv = Buffer.from(csvOf(entity, records));
  const table = tableName(entity);
  const target = await openImportDatabase(options);
  try {
    const importOnce = async () => {
      const started = performance.now();
      const run = () => importRecords(target.importDb, operatorImporter(options.registry), csv, { type: ENTITY, mode: 'ALL_OR_NOTHING' });
      const report = options.profileDir ? await profiled(options.profileDir, run, options.log) : await run();
      if (report.errorCount > 0 || report.inserted !== records.length) {
        throw new Error(`import: ${report.inserted} of ${records.length} rows imported; first error ${JSON.stringify(report.errors[0])}`);
      }
      return (performance.now() - started) / 1000;
    };
    const copyOnce = async () => {
      const started = performance.now();
      const columns = copyColumns(entity).map((c) => `"${c}"`).join(', ');
      await target.copy(`COPY ${SCHEMAS.copy}."${table}" (${columns}) FROM STDIN`, copyText(entity, records));
      return (performance.now() - started) / 1000;
    };
    const runs: { importSeconds: number; copySeconds: number }[] = [];
    for (let round = 0; round < options.rounds; round++) {
      await target.admin.query(`TRUNCATE ${target.importTable}, ${SCHEMAS.copy}."${table}"`);
      const run = { importSeconds: 0, copySeconds: 0 };
      if (round % 2 === 0) {
        run.importSeconds = await importOnce();
        run.copySeconds = await copyOnce();
      } else {
        run.copySeconds = await copyOnce();
        run.importSeconds = await importOnce();
      }
      options.log(`  import round ${round + 1}: importRecords ${run.importSeconds.toFixed(2)} s, COPY ${run.copySeconds.toFixed(2)} s`);
      runs.push(run);
    }
    const importSeconds = median(runs.map((r) => r.importSeconds));
    const copySeconds = median(runs.map((r) => r.copySeconds));
    return { rows: records.length, rounds: options.rounds, importSeconds, copySeconds, ratio: importSeconds / copySeconds, runs };
  } finally {
    await target.close();
  }
}

async function profiled<T>(dir: string, work: () => Promise<T>, log: (line: string) => void): Promise<T> {
  const { result, file } = await withCpuProfile(dir, 'import', work);
  log(`  import profile: ${file}`);
  return result;
}

/** The CSV an export of these columns would write (header = field names). */
function csvOf(entity: EntityDefinition, records: readonly GeneratedRecord[]): string {
  const fields = entity.fields.filter((f) => f.type !== 'references' && f.type !== 'reference');
  const kind = (type: string) => (type === 'integer' || type === 'decimal' || type === 'money' ? 'number' : type === 'multiChoice' ? 'list' : 'text');
  const lines = records.map((r) => csvLine(fields.map((f) => cellText(r.values[f.name], kind(f.type))), ','));
  return csvLine(fields.map((f) => f.name), ',') + lines.join('');
}

interface ImportDatabase {
  /** Where importRecords writes: its unqualified `person` is the empty import table. */
  readonly importDb: Database;
  readonly importTable: string;
  readonly admin: Database;
  copy(sql: string, text: string): Promise<void>;
  close(): Promise<void>;
}

async function openImportDatabase(options: LoadOptions): Promise<ImportDatabase> {
  const table = tableName(options.registry.get(ENTITY));
  if (options.kind === 'postgres') {
    if (!options.url) throw new Error('import on PostgreSQL needs the benchmark database URL');
    const admin = await Database.connect(options.url, 1);
    for (const schema of Object.values(SCHEMAS)) {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.query(`CREATE TABLE ${schema}."${table}" (LIKE public."${table}" INCLUDING ALL)`);
    }
    const url = new URL(options.url);
    url.searchParams.set('options', `-c search_path=${SCHEMAS.import},public`);
    // The import checks list values against the lists, which only a started server installs.
    await installSampleLists(admin, options.registry);
    const importDb = await Database.connect(url.toString(), 2);
    const client = new Client({ connectionString: options.url });
    await client.connect();
    return {
      importDb,
      importTable: `${SCHEMAS.import}."${table}"`,
      admin,
      copy: async (sql, text) => void (await copyFrom(client, sql, text)),
      close: async () => {
        await client.end();
        await importDb.close();
        for (const schema of Object.values(SCHEMAS)) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
        await admin.close();
      },
    };
  }
  // PGlite serves one process: a fresh one, importing into its own empty person table.
  const pglite = await PGlite.create();
  const db = await Database.openEmbedded(undefined, pglite);
  await synchronizeStorage(db, options.registry);
  await installSampleLists(db, options.registry);
  await db.query(`CREATE SCHEMA ${SCHEMAS.copy}`);
  await db.query(`CREATE TABLE ${SCHEMAS.copy}."${table}" (LIKE public."${table}" INCLUDING ALL)`);
  return {
    importDb: db,
    importTable: `public."${table}"`,
    admin: db,
    copy: async (sql, text) => void (await pglite.query(sql.replace(/FROM STDIN$/, "FROM '/dev/blob'"), [], { blob: new Blob([text]) })),
    close: async () => {
      await db.close();
      await pglite.close();
    },
  };
}
