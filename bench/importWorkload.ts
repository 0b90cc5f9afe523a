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
import { copyText as rowsAsCopyText } from '../src/entities/copyText';
import { AUDIT_TABLE } from '../src/entities/engineTables';
import { createdAuditRows } from '../src/transfer/auditImport';
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
  /** COPY of the records and of the audit entries the import writes for them (issue 5), one after the other. */
  readonly copyWithAuditSeconds: number;
  readonly ratioWithAudit: number;
  readonly runs: readonly ImportRun[];
}

interface ImportRun {
  importSeconds: number;
  copySeconds: number;
  copyWithAuditSeconds: number;
}

const ENTITY = 'person';
const SCHEMAS = { import: 'bench_import', copy: 'bench_import_copy', copyAudit: 'bench_import_copy_audit' } as const;
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
    const columns = copyColumns(entity).map((c) => `"${c}"`).join(', ');
    const copyRecords = (schema: string) => target.copy(`COPY ${schema}."${table}" (${columns}) FROM STDIN`, copyText(entity, records));
    const copyOnce = async () => {
      const started = performance.now();
      await copyRecords(SCHEMAS.copy);
      return (performance.now() - started) / 1000;
    };
    const viewer = operatorImporter(options.registry).viewer;
    const copyWithAuditOnce = async () => {
      const started = performance.now();
      await copyRecords(SCHEMAS.copyAudit);
      const audit = createdAuditRows(viewer, entity, records);
      await target.copy(`COPY ${SCHEMAS.copyAudit}.${AUDIT_TABLE} (${audit.columns.map((c) => c.name).join(', ')}) FROM STDIN`, rowsAsCopyText(audit.rows));
      return (performance.now() - started) / 1000;
    };
    const runs: ImportRun[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const run: ImportRun = { importSeconds: 0, copySeconds: 0, copyWithAuditSeconds: 0 };
      const steps = [
        async () => (run.importSeconds = await importOnce()),
        async () => (run.copySeconds = await copyOnce()),
        async () => (run.copyWithAuditSeconds = await copyWithAuditOnce()),
      ];
      // Alternating the order, so that drift of the machine hits all three alike.
      for (const step of round % 2 === 0 ? steps : [...steps].reverse()) {
        await target.admin.query(`TRUNCATE ${target.importTables}, ${SCHEMAS.copy}."${table}", ${SCHEMAS.copyAudit}."${table}", ${SCHEMAS.copyAudit}.${AUDIT_TABLE}`);
        await step();
      }
      options.log(
        `  import round ${round + 1}: importRecords ${run.importSeconds.toFixed(2)} s, COPY ${run.copySeconds.toFixed(2)} s, COPY with audit entries ${run.copyWithAuditSeconds.toFixed(2)} s`,
      );
      runs.push(run);
    }
    const importSeconds = median(runs.map((r) => r.importSeconds));
    const copySeconds = median(runs.map((r) => r.copySeconds));
    const copyWithAuditSeconds = median(runs.map((r) => r.copyWithAuditSeconds));
    return {
      rows: records.length,
      rounds: options.rounds,
      importSeconds,
      copySeconds,
      ratio: importSeconds / copySeconds,
      copyWithAuditSeconds,
      ratioWithAudit: importSeconds / copyWithAuditSeconds,
      runs,
    };
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
  /** The tables the import writes, to empty before each step. */
  readonly importTables: string;
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
    // The import's audit entries go to a table of their own too, emptied before each step.
    for (const schema of [SCHEMAS.import, SCHEMAS.copyAudit]) await admin.query(`CREATE TABLE ${schema}.${AUDIT_TABLE} (LIKE public.${AUDIT_TABLE} INCLUDING ALL)`);
    const url = new URL(options.url);
    url.searchParams.set('options', `-c search_path=${SCHEMAS.import},public`);
    // The import checks list values against the lists, which only a started server installs.
    await installSampleLists(admin, options.registry);
    const importDb = await Database.connect(url.toString(), 2);
    const client = new Client({ connectionString: options.url });
    await client.connect();
    return {
      importDb,
      importTables: `${SCHEMAS.import}."${table}", ${SCHEMAS.import}.${AUDIT_TABLE}`,
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
  for (const schema of [SCHEMAS.copy, SCHEMAS.copyAudit]) {
    await db.query(`CREATE SCHEMA ${schema}`);
    await db.query(`CREATE TABLE ${schema}."${table}" (LIKE public."${table}" INCLUDING ALL)`);
  }
  await db.query(`CREATE TABLE ${SCHEMAS.copyAudit}.${AUDIT_TABLE} (LIKE public.${AUDIT_TABLE} INCLUDING ALL)`);
  return {
    importDb: db,
    importTables: `public."${table}", public.${AUDIT_TABLE}`,
    admin: db,
    copy: async (sql, text) => void (await pglite.query(sql.replace(/FROM STDIN$/, "FROM '/dev/blob'"), [], { blob: new Blob([text]) })),
    close: async () => {
      await db.close();
      await pglite.close();
    },
  };
}
