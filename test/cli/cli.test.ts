import { spawnSync } from 'node:child_process';
import { Database } from '../../src/entities/database';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeJwt, decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { startTestServer } from '../support/testServer';

/**
 * The `relata` command line (contract section 1), run as users run it: compiled JavaScript
 * in a child process, judged by exit code, stdout and stderr.
 */

const ROOT = resolve(__dirname, '../..');
const SAMPLES = join(ROOT, 'metadata-definitions');
const BROKEN = join(__dirname, 'fixtures/broken');

let build: string;
let main: string;
const temporary: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function relata(args: string[], env: Record<string, string> = {}): Run {
  const { NODE_OPTIONS: _vmModules, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [main, ...args], {
    cwd: tempDir('relata-cwd-'),
    // The compiled files live outside the repository: let them find its node_modules.
    env: { ...inherited, NODE_PATH: join(ROOT, 'node_modules'), DATA_DIR: tempDir('relata-cli-data-'), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  build = tempDir('relata-cli-build-');
  // tsconfig.build.json limited to src/ (the CLI), so that work in progress elsewhere (bench/) cannot fail this build.
  const config = join(tempDir('relata-cli-tsconfig-'), 'tsconfig.json');
  writeFileSync(config, JSON.stringify({
    extends: join(ROOT, 'tsconfig.build.json'),
    compilerOptions: { typeRoots: [join(ROOT, 'node_modules/@types')] },
    include: [join(ROOT, 'src')],
  }));
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', config, '--outDir', build], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}\n${tsc.stderr}`);
  main = join(build, 'src/cli/main.js');
  expect(existsSync(main)).toBe(true);
  expect(existsSync(join(build, 'definition.schema.json'))).toBe(true);
}, 120_000);

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('relata validate', () => {
  it('exits 0 for the sample definitions and names them', () => {
    const run = relata(['validate', SAMPLES]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('6 definitions are valid');
    for (const name of ['company', 'employee', 'member', 'order', 'patient', 'person']) expect(run.stdout).toContain(name);
  });

  it('reads METADATA_DIR when no directory is given', () => {
    expect(relata(['validate'], { METADATA_DIR: SAMPLES }).status).toBe(0);
    const broken = relata(['validate'], { METADATA_DIR: BROKEN });
    expect(broken.status).toBe(1);
  });

  it('exits 1 for a broken directory, listing every problem as `file: path: reason`', () => {
    const run = relata(['validate', BROKEN]);
    expect(run.status).toBe(1);
    const problems = run.stderr
      .split('\n')
      .map((line) => /^(\S+\.yaml): (\S+): (.+)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map(([, file, path, reason]) => ({ file, path, reason }));
    expect(problems.map((p) => `${p.file}: ${p.path}`).sort()).toEqual([
      'shipment.yaml: fields.tracking.maxLenght',
      'shipment.yaml: fields.weight.type',
      'warehouse.yaml: fields.manager.target',
      'warehouse.yaml: fields.region.target',
    ]);
    const reasonOf = (path: string) => problems.find((p) => p.path === path)!.reason;
    expect(reasonOf('fields.weight.type')).toContain('string');
    expect(reasonOf('fields.tracking.maxLenght')).toContain('maxLength');
    expect(reasonOf('fields.manager.target')).toContain('warehouseManager');
    expect(reasonOf('fields.region.target')).toContain('salesRegion');
    expect(run.stdout).toBe('');
  });

  it('exits 1 for a directory that does not exist, saying so', () => {
    const missing = join(tmpdir(), 'relata-no-such-dir-4711');
    const run = relata(['validate', missing]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(missing);
    expect(run.stderr).toMatch(/not found|does not exist|no such/i);
  });
});

describe('relata token', () => {
  it('prints a JWT for --sub and --roles, signed with the key under DATA_DIR', async () => {
    const dataDir = tempDir('relata-token-');
    const before = Math.floor(Date.now() / 1000);
    const run = relata(['token', '--sub', 'alice', '--roles', 'a,b'], { DATA_DIR: dataDir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const token = lines[0]!;
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    const payload = decodeJwt(token);
    expect(payload).toMatchObject({ sub: 'alice', roles: ['a', 'b'], iss: 'relata', aud: 'relata-api' });
    expect(typeof payload.exp).toBe('number');
    expect(payload.exp!).toBeGreaterThanOrEqual(before + 12 * 3600 - 5);
    expect(payload.exp!).toBeLessThanOrEqual(before + 12 * 3600 + 60);
    expect(decodeProtectedHeader(token).alg).toBe('ES256');

    const publicKey = await importSPKI(readFileSync(join(dataDir, 'keys/jwt-public.pem'), 'utf8'), 'ES256');
    const verified = await jwtVerify(token, publicKey, { issuer: 'relata', audience: 'relata-api' });
    expect(verified.payload.sub).toBe('alice');
  });

  it('takes --expires in seconds', () => {
    const run = relata(['token', '--sub', 'bob', '--roles', 'salesRep', '--expires', '60']);
    expect(run.status).toBe(0);
    const payload = decodeJwt(run.stdout.trim());
    expect(payload.roles).toEqual(['salesRep']);
    expect(payload.exp! - payload.iat!).toBe(60);
  });

  it('puts --teams and --areas into the token', () => {
    const run = relata(['token', '--sub', 'dave', '--roles', 'salesRep', '--teams', 'north, south', '--areas', 'at']);
    expect(run.status).toBe(0);
    expect(decodeJwt(run.stdout.trim())).toMatchObject({ sub: 'dave', roles: ['salesRep'], teams: ['north', 'south'], areas: ['at'] });
  });

  it('gives an empty role list without --roles', () => {
    const run = relata(['token', '--sub', 'carol']);
    expect(run.status).toBe(0);
    expect(decodeJwt(run.stdout.trim())).toMatchObject({ sub: 'carol', roles: [] });
  });

  it('mints tokens the embedded server on that data dir accepts', async () => {
    const dataDir = tempDir('relata-token-server-');
    const run = relata(['token', '--sub', 'dave', '--roles', 'admin'], { DATA_DIR: dataDir });
    expect(run.status).toBe(0);
    const t = await startTestServer('pglite', { reuse: { dataDir } });
    try {
      const r = await t.gql('{ companies { totalCount } }', undefined, run.stdout.trim());
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual({ companies: { totalCount: 0 } });
    } finally {
      await t.stop();
    }
  });

  it('exits 2 without --sub, printing nothing on stdout', () => {
    const run = relata(['token', '--roles', 'a']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--sub');
  });

  it('exits 2 for an unknown option (a usage error)', () => {
    const run = relata(['token', '--sub', 'alice', '--bogus']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--bogus');
  });
});

describe('relata apikey', () => {
  it('prints a new key once, lists it, and revokes it; the embedded server accepts it until then', async () => {
    const dataDir = tempDir('relata-apikey-');
    const env = { DATA_DIR: dataDir, METADATA_DIR: SAMPLES };
    const created = relata(['apikey', 'create', '--role', 'partner', '--name', 'erp'], env);
    expect(created.status).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^rk_[\w-]{43}$/);
    expect(created.stderr).toMatch(/shown only now/);
    const listed = relata(['apikey', 'list'], env);
    expect(listed.status).toBe(0);
    expect(listed.stdout).not.toContain(key);
    const [id, name, roles, , state, used] = listed.stdout.trim().split('\t');
    expect({ name, roles, state, used }).toEqual({ name: 'erp', roles: 'partner', state: 'active', used: 'never used' });

    const t = await startTestServer('pglite', { reuse: { dataDir } });
    try {
      const r = await t.gql('{ companies { totalCount } }', undefined, key);
      expect(r.errors).toBeUndefined();
    } finally {
      await t.stop();
    }
    expect(relata(['apikey', 'revoke', id!], env).status).toBe(0);
    expect(relata(['apikey', 'list'], env).stdout).toMatch(/\trevoked /);
    expect(relata(['apikey', 'revoke', id!], env).status).toBe(1);
  });

  it('exits 2 without --role', () => {
    const run = relata(['apikey', 'create']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--role');
  });
});

describe('relata retention run', () => {
  it('anonymises the records past their type\'s retention and says how many', async () => {
    const dataDir = tempDir('relata-retention-');
    const env = { DATA_DIR: dataDir, METADATA_DIR: SAMPLES };
    expect(relata(['seed', '--companies', '2'], env).status).toBe(0);
    let db = await Database.openEmbedded(dataDir);
    const n = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM patient`))[0]!.n;
    await db.query(`UPDATE patient SET updated_at = now() - interval '3651 days'`);
    await db.close();
    const run = relata(['retention', 'run'], env);
    // (TypeORM's schema builder may print pg's deprecation warning on a filled database.)
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`patient: ${n} record(s) anonymised (unchanged for 3650 days)`);
    db = await Database.openEmbedded(dataDir);
    try {
      expect(await db.query(`SELECT count(*)::int AS n FROM patient WHERE last_name = 'Erased' AND allergies IS NULL`)).toEqual([{ n }]);
      expect(await db.query(`SELECT count(*)::int AS n FROM relata_audit WHERE action = 'erase' AND actor = 'retention'`)).toEqual([{ n }]);
    } finally {
      await db.close();
    }
    expect(relata(['retention', 'run'], env).stdout.trim()).toBe('patient: 0 record(s) anonymised (unchanged for 3650 days)');
  });
});

describe('relata', () => {
  it('exits 2 for an unknown command and shows the usage', () => {
    const run = relata(['frobnicate']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('validate');
    expect(run.stderr).toContain('token');
  });
});

describe('relata seed', () => {
  it('generates N companies and their related records into the embedded database', async () => {
    const dataDir = tempDir('relata-cli-seed-');
    const run = relata(['seed', '--companies', '12'], { DATA_DIR: dataDir, METADATA_DIR: SAMPLES });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Inserted .*\b12 company\b.*\b36 person\b/);
    const db = await Database.openEmbedded(dataDir);
    try {
      expect(await db.query(`SELECT count(*)::int AS n FROM company`)).toEqual([{ n: 12 }]);
      expect(await db.query(`SELECT count(*)::int AS n FROM person WHERE company_id IS NULL`)).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  });

  it('exits 2 for a --companies that is not a positive whole number', () => {
    const run = relata(['seed', '--companies', 'many']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--companies');
  });
});

describe('relata import', () => {
  it('imports a large CSV file into the embedded database, showing progress', async () => {
    const dataDir = tempDir('relata-cli-import-');
    const file = join(tempDir('relata-cli-file-'), 'firmen.csv');
    const rows = Array.from({ length: 1500 }, (_, i) => `Firma ${i};${String(10000 + i)};München`);
    writeFileSync(file, `\uFEFFName;PLZ;Ort\r\n${rows.join('\r\n')}\r\n`);
    const run = relata(['import', file, '--type', 'company', '--mode', 'ALL_OR_NOTHING'], { DATA_DIR: dataDir, METADATA_DIR: SAMPLES });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('1500 rows: 1500 inserted, 0 updated, 0 skipped, 0 errors (written)\n');
    // Not a terminal: a line when the file is read, one per tenth of it at most, and the last.
    expect(run.stderr.split('\n').filter((l) => l.includes(' rows read'))).toEqual([
      '1500 rows read, 0 checked, 0 written (0 %)',
      '1500 rows read, 1000 checked, 0 written (66 %)',
      '1500 rows read, 1500 checked, 1500 written (100 %)',
    ]);
    const db = await Database.openEmbedded(dataDir);
    try {
      expect(await db.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE city = 'München')::int AS m FROM company`)).toEqual([{ n: 1500, m: 1500 }]);
    } finally {
      await db.close();
    }
  });

  it('reports bad rows and exits 1; a dry run by default writes nothing', async () => {
    const dataDir = tempDir('relata-cli-import-');
    const file = join(tempDir('relata-cli-file-'), 'firmen.csv');
    writeFileSync(file, 'name,licences\nGood,3\n,4\nBad licences,many\n');
    const run = relata(['import', file, '--type', 'company'], { DATA_DIR: dataDir, METADATA_DIR: SAMPLES });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      '3 rows: 1 inserted, 0 updated, 2 skipped, 2 errors (dry run, nothing written)\n  line 3, name: is required\n  line 4, licences: is not a whole number\n',
    );
    const db = await Database.openEmbedded(dataDir);
    try {
      expect(await db.query(`SELECT count(*)::int AS n FROM company`)).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  });

  it('exits 2 without --type', () => {
    const run = relata(['import', 'x.csv']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--type');
  });
});

describe('relata plan and relata migrate', () => {
  const v1 = 'name: company\nplural: companies\nfields:\n  name: { type: string, required: true }\n  licences: { type: integer }\n';
  const v2 = 'name: company\nplural: companies\nfields:\n  name: { type: string, required: true, maxLength: 300 }\n';
  const refused = 'name: company\nplural: companies\nfields:\n  name: { type: boolean }\n';

  it('plans, migrates, refuses a lossy change, and drops only a listed retired field after a backup', async () => {
    const dataDir = tempDir('relata-migrate-data-');
    const defs = tempDir('relata-migrate-defs-');
    const env = { DATA_DIR: dataDir, METADATA_DIR: defs };
    writeFileSync(join(defs, 'company.yaml'), v1);
    const first = relata(['migrate'], env);
    expect(first).toMatchObject({ status: 0, stdout: expect.stringContaining('Applied version 1.') });
    let db = await Database.openEmbedded(dataDir);
    await db.query(`INSERT INTO company (name, licences) VALUES ('Acme', 7)`);
    await db.close();

    writeFileSync(join(defs, 'company.yaml'), v2);
    const plan = relata(['plan'], env);
    expect(plan.status).toBe(0);
    expect(plan.stdout).toMatch(/safe +changeField +company\.name: widened in place: string \(varchar\(255\)\) to string \(varchar\(300\)\)/);
    expect(plan.stdout).toMatch(/retired +retireField +company\.licences: column "licences" and its values kept/);
    const json = JSON.parse(relata(['plan', '--json'], env).stdout);
    expect(json).toMatchObject({ from: { version: 1 }, applicable: true, retired: { fields: ['company.licences'] } });
    expect(relata(['migrate'], env)).toMatchObject({ status: 0, stdout: expect.stringContaining('Applied version 2.') });

    writeFileSync(join(defs, 'company.yaml'), refused);
    const refusedPlan = relata(['plan', '--json'], env);
    expect(refusedPlan.status).toBe(1);
    expect(JSON.parse(refusedPlan.stdout).steps).toEqual([
      expect.objectContaining({ target: 'company.name', status: 'refused', reason: expect.stringMatching(/string \(varchar\(300\)\) to boolean/) }),
    ]);
    const refusedMigrate = relata(['migrate'], env);
    expect(refusedMigrate.status).toBe(1);
    expect(refusedMigrate.stderr).toMatch(/Refusing to migrate, nothing was changed/);

    writeFileSync(join(defs, 'company.yaml'), v2);
    expect(relata(['migrate', '--drop-retired', 'company.nothing'], env)).toMatchObject({ status: 1, stderr: expect.stringMatching(/"company.nothing" is not retired .* retired: company\.licences/) });
    const drop = relata(['migrate', '--drop-retired', 'company.licences'], env);
    expect(drop.status).toBe(0);
    const backup = /saved to (.+\.json)/.exec(drop.stdout)?.[1];
    expect(backup?.startsWith(join(dataDir, 'backups'))).toBe(true);
    expect(JSON.parse(readFileSync(backup!, 'utf8')).tables.company).toEqual([{ id: expect.any(String), licences: 7 }]);
    db = await Database.openEmbedded(dataDir);
    expect(await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'company' AND column_name = 'licences'`)).toEqual([]);
    expect(await db.query(`SELECT name FROM company`)).toEqual([{ name: 'Acme' }]);
    await db.close();
    expect(relata(['plan'], env).stdout).toMatch(/nothing to change/);
    // Eleven runs, each opening PGlite in a new process (2-10 s under load).
  }, 300_000);
});
