import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { loadDefinitions } from '../src/metadata';
import { mintToken } from '../src/server/auth';
import { ensureKeyPair } from '../src/server/keys';
import { createBenchDatabase, type BenchDatabase, type DatabaseKind } from './benchDatabase';
import type { BenchResult } from './BenchResult';
import { baselineTarget, relataTarget } from './benchTarget';
import { checkSameAnswers, type CheckReport } from './checkResults';
import { benchEntry, startChildServer, type ChildServer } from './childServer';
import { driveWorkload, type WorkloadStats } from './drive';
import { measureImport, type ImportBenchReport } from './importWorkload';
import { measureLoad, type LoadReport } from './loadWorkload';
import { formatReport, writeResultFile } from './report';
import { measureSchemaInChild, type SchemaReport } from './schemaWorkload';
import { evaluateTargets } from './targets';
import { handleInterruptions } from './interruptions';
import { HTTP_WORKLOADS, WORKLOAD_NAMES } from './workloads';

/** Scale 1: 50,000 companies (and through seedCounts 150,000 persons). */
export const COMPANIES_PER_SCALE = 50_000;
const SMOKE_COMPANIES = 200;
const REPO_ROOT = resolve(__dirname, extname(__filename) === '.ts' ? '..' : '../..');

export interface BenchOptions {
  readonly scale: number;
  /** Seconds per measured round, per server. */
  readonly duration: number;
  readonly rounds: number;
  /** Seconds of warm-up per server and workload. */
  readonly warmup: number;
  readonly connections: number;
  readonly db: DatabaseKind;
  /** A PostgreSQL server to create the benchmark database in; else a throw-away one is started. */
  readonly databaseUrl?: string;
  /** Tiny scale, 1 s rounds, no warm-up: checks that both servers answer alike, asserts nothing about speed. */
  readonly smoke: boolean;
  /** JSON result file; default bench/results/<timestamp>.json. */
  readonly out?: string;
  readonly workloads: readonly string[];
  /** Write a CPU profile of the Relata server (`--cpu-prof`) to bench/results/profiles. */
  readonly profile: boolean;
  /** The baseline verifies the same JWT as Relata (default), or skips authentication. */
  readonly baselineAuth: boolean;
  readonly loadPersons: number;
  readonly schemaTypes: number;
  readonly schemaFields: number;
  /** Node options for child processes (a TypeScript loader when run from sources). */
  readonly childExecArgv: readonly string[];
  readonly metadataDir: string;
  readonly log: (message: string) => void;
}

export function benchOptions(given: Partial<BenchOptions> = {}): BenchOptions {
  const smoke = given.smoke ?? false;
  return {
    scale: smoke ? SMOKE_COMPANIES / COMPANIES_PER_SCALE : 1,
    duration: smoke ? 1 : 10,
    rounds: smoke ? 1 : 3,
    warmup: smoke ? 0 : 3,
    connections: 10,
    db: 'postgres',
    workloads: WORKLOAD_NAMES,
    profile: false,
    baselineAuth: true,
    loadPersons: smoke ? 1_000 : 100_000,
    schemaTypes: 200,
    schemaFields: 40,
    childExecArgv: [],
    metadataDir: join(REPO_ROOT, 'metadata-definitions'),
    log: (message) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`),
    ...given,
    smoke,
  };
}

/**
 * Issue 3: seeds a fresh database, starts Relata and the baseline in child processes, checks
 * that they answer alike, drives both with autocannon, measures the schema build and the bulk
 * path against COPY, prints the table and writes the JSON file. Returns the result; its
 * `failures` lists errors or non-2xx answers under load.
 */
export async function runBenchmark(given: Partial<BenchOptions> = {}): Promise<BenchResult> {
  const o = benchOptions(given);
  const unknown = o.workloads.filter((w) => !WORKLOAD_NAMES.includes(w));
  if (unknown.length > 0) throw new Error(`Unknown workloads: ${unknown.join(', ')} (known: ${WORKLOAD_NAMES.join(', ')})`);
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0]!;
  const registry = await loadDefinitions(o.metadataDir);
  const http = HTTP_WORKLOADS.filter((w) => o.workloads.includes(w.name));
  const checks: CheckReport[] = [];
  const workloads: WorkloadStats[] = [];
  const failures: string[] = [];
  let schema: SchemaReport | undefined;
  let load: LoadReport | undefined;
  let imported: ImportBenchReport | undefined;
  let database: BenchDatabase | undefined;
  const keysDir = mkdtempSync(join(tmpdir(), 'relata-bench-keys-'));
  try {
    if (http.length > 0 || o.workloads.includes('load') || o.workloads.includes('import')) {
      database = await createBenchDatabase({
        kind: o.db,
        registry,
        companies: Math.max(1, Math.round(COMPANIES_PER_SCALE * o.scale)),
        ...(o.databaseUrl ? { adminUrl: o.databaseUrl } : {}),
        log: o.log,
      });
    }
    if (database && http.length > 0) {
      const jwt = loadConfig({}).jwt;
      const token = await mintToken(jwt, keysDir, { sub: 'bench', roles: ['admin'], expiresInSeconds: 24 * 3600 });
      const common = { JWT_PUBLIC_KEY: (await ensureKeyPair(keysDir)).publicKey, NODE_ENV: 'production' };
      const servers: ChildServer[] = [];
      try {
        const profileArgs = o.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(REPO_ROOT, 'bench', 'results', 'profiles')}`] : [];
        servers.push(
          await startChildServer('relata', benchEntry('serveRelata'), {
            env: { DATA_DIR: keysDir, ...database.relataEnv, METADATA_DIR: o.metadataDir, DEMO_DATA: 'off', ...common },
            execArgv: [...o.childExecArgv, ...profileArgs],
          }),
        );
        servers.push(
          await startChildServer('baseline', benchEntry('serveBaseline'), {
            env: { ...database.baselineEnv, ...common, ...(o.baselineAuth ? {} : { BENCH_BASELINE_AUTH: 'off' }) },
            execArgv: [...o.childExecArgv],
          }),
        );
        const relata = relataTarget(servers[0]!, token);
        const baseline = baselineTarget(servers[1]!, token);
        for (const workload of http) {
          const check = await checkSameAnswers(workload, relata, baseline, database.data);
          o.log(`${workload.name}: both servers answer alike (${check.records} records in ${check.requests} requests)`);
          checks.push(check);
        }
        for (const workload of http) {
          o.log(`driving ${workload.name}: ${o.warmup} s warm-up, ${o.rounds} x ${o.duration} s per server`);
          const stats = await driveWorkload(workload, relata, baseline, { ...o, data: database.data });
          workloads.push(stats);
          for (const [name, summary] of [['Relata', stats.relata], ['baseline', stats.baseline]] as const) {
            if (summary.failures > 0) failures.push(`${workload.name}: ${name} had ${summary.failures} errors, timeouts, non-2xx or GraphQL error answers`);
          }
        }
      } finally {
        for (const server of servers.reverse()) await server.stop();
      }
    }
    if (o.workloads.includes('schema')) {
      o.log(`schema: building the schema of ${o.schemaTypes} generated types x ${o.schemaFields} fields`);
      schema = await measureSchemaInChild({ types: o.schemaTypes, fieldsPerType: o.schemaFields, builds: o.smoke ? 2 : 7 }, o.childExecArgv);
    }
    if (database && o.workloads.includes('load')) {
      o.log(`load: ${o.loadPersons} persons through the bulk path and through COPY`);
      load = await measureLoad({
        kind: o.db,
        ...(database.url ? { url: database.url } : {}),
        registry,
        persons: o.loadPersons,
        rounds: o.smoke ? 1 : o.rounds,
        log: o.log,
      });
    }
    if (database && o.workloads.includes('import')) {
      o.log(`import: a CSV file of ${o.loadPersons} persons through importRecords and through COPY`);
      imported = await measureImport({
        kind: o.db,
        ...(database.url ? { url: database.url } : {}),
        registry,
        persons: o.loadPersons,
        rounds: o.smoke ? 1 : o.rounds,
        log: o.log,
        ...(o.profile ? { profileDir: join(REPO_ROOT, 'bench', 'results', 'profiles') } : {}),
      });
    }
  } finally {
    await database?.dispose();
    rmSync(keysDir, { recursive: true, force: true });
  }
  const result: BenchResult = {
    startedAt,
    finishedAt: new Date().toISOString(),
    options: { ...o, log: undefined, databaseUrl: o.databaseUrl ? '(set)' : undefined },
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverage: { start: round2(loadAtStart), end: round2(loadavg()[0]!) },
    },
    database: { kind: o.db, serverVersion: database?.serverVersion ?? 'n/a' },
    ...(database ? { seed: database.seed } : {}),
    checks,
    workloads,
    ...(schema ? { schema } : {}),
    ...(load ? { load } : {}),
    ...(imported ? { import: imported } : {}),
    targets: o.smoke ? [] : evaluateTargets(workloads, schema, load),
    failures,
  };
  const out = o.out ?? join(REPO_ROOT, 'bench', 'results', `${startedAt.replace(/[:.]/g, '-')}.json`);
  writeResultFile(out, result);
  console.log(formatReport(result));
  o.log(`results written to ${out}`);
  return result;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

const USAGE = `npm run bench -- [options]
  --scale N            data size: N x 50,000 companies (default 1)
  --duration S         seconds per round and server (default 10)
  --rounds N           measured rounds per workload, ABBA order (default 3)
  --warmup S           warm-up seconds per server and workload (default 3)
  --db pglite|postgres database (default postgres: DATABASE_URL, else a throw-away server)
  --smoke              tiny scale, 1 s rounds: only checks that both servers answer alike
  --out FILE           JSON result file (default bench/results/<timestamp>.json)
  --workloads a,b      subset of ${WORKLOAD_NAMES.join(',')}
  --profile            write a CPU profile of the Relata server (and of the import rounds) to bench/results/profiles
  --baseline-auth off  let the baseline skip JWT verification (default on, as Relata)`;

/** `npm run bench -- --scale 1 --duration 10`: options from the command line. */
export function parseBenchArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Partial<BenchOptions> | undefined {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      db: { type: 'string' },
      smoke: { type: 'boolean' },
      out: { type: 'string' },
      workloads: { type: 'string' },
      profile: { type: 'boolean' },
      'baseline-auth': { type: 'string' },
      'load-persons': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  const number = (name: string, text: string | undefined, min: number) => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} takes a number >= ${min}, got "${text}"`);
    return value;
  };
  if (values.db !== undefined && values.db !== 'pglite' && values.db !== 'postgres') throw new Error('--db takes pglite or postgres');
  const options: Record<string, unknown> = {
    scale: number('scale', values.scale, 0.0001),
    duration: number('duration', values.duration, 1),
    rounds: number('rounds', values.rounds, 1),
    warmup: number('warmup', values.warmup, 0),
    connections: number('connections', values.connections, 1),
    loadPersons: number('load-persons', values['load-persons'], 1),
    db: values.db,
    smoke: values.smoke,
    out: values.out && resolve(values.out),
    workloads: values.workloads?.split(',').map((w) => w.trim()).filter(Boolean),
    profile: values.profile,
    baselineAuth: values['baseline-auth'] === undefined ? undefined : values['baseline-auth'] !== 'off',
    databaseUrl: env.DATABASE_URL || undefined,
  };
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<BenchOptions>;
}

if (require.main === module) {
  let options: Partial<BenchOptions> | undefined;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (!options) {
    console.log(USAGE);
  } else {
    handleInterruptions();
    runBenchmark(options).then(
      (result) => process.exit(result.failures.length > 0 ? 1 : 0),
      (error: unknown) => {
        console.error(error instanceof Error ? (error.stack ?? error.message) : error);
        process.exit(1);
      },
    );
  }
}
