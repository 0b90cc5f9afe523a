import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from '../../bench/BenchResult';
import { runBenchmark } from '../../bench/run';

/**
 * Issue 3, item 4: the benchmark's smoke mode runs in CI so that the suite cannot rot. It
 * asserts nothing about speed, only that every workload runs and that Relata and the
 * hand-written baseline return the same results.
 */
describe('benchmark smoke mode on PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relata-bench-smoke-'));
  const out = join(dir, 'result.json');
  let result: BenchResult;

  beforeAll(async () => {
    const databaseUrl = process.env.RELATA_TEST_POSTGRES_URL;
    if (!databaseUrl) throw new Error('RELATA_TEST_POSTGRES_URL is not set: run the tests through jest (globalSetup)');
    result = await runBenchmark({
      smoke: true,
      db: 'postgres',
      databaseUrl,
      out,
      // The servers run in child processes: let them load the TypeScript sources.
      childExecArgv: ['-r', join(__dirname, 'registerTs.js')],
      log: () => undefined,
    });
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gets the same answers from Relata and the baseline for every request workload', () => {
    expect(result.checks.map((c) => c.workload)).toEqual(['point', 'list', 'segment', 'write']);
    for (const check of result.checks) expect(check.records).toBeGreaterThan(0);
  });

  it('drives every request workload against both servers without errors', () => {
    expect(result.failures).toEqual([]);
    expect(result.workloads.map((w) => w.workload)).toEqual(['point', 'list', 'segment', 'write']);
    for (const w of result.workloads) {
      for (const run of w.runs) expect(run.requests).toBeGreaterThan(0);
    }
  });

  it('builds the generated schema and loads the same rows through the bulk path and COPY', () => {
    expect(result.schema).toMatchObject({ types: 200, fieldsPerType: 40 });
    expect(result.load).toMatchObject({ persons: 1000 });
  });

  it('imports a CSV file of the same size through importRecords and COPY', () => {
    expect(result.import).toMatchObject({ rows: 1000, rounds: 1 });
    expect(result.import!.ratio).toBeGreaterThan(0);
    expect(result.import!.ratioWithAudit).toBeGreaterThan(0);
  });

  it('writes the result as JSON', () => {
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ database: { kind: 'postgres' }, failures: [] });
  });
});
