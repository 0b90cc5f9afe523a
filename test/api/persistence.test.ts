import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../src/entities/database';
import { DataDirLockedError } from '../../src/errors';
import { createTestDatabase, DATABASE_KINDS, type DatabaseKind, type TestDatabase } from '../support/databases';
import { SAMPLE_DEFINITIONS, startTestServer, type TestServer } from '../support/testServer';

/**
 * Contract sections 1 and 5: data survives restarts, definitions can grow over a database
 * that holds data, and the engine never drops a column that holds data.
 */

interface Store {
  readonly kind: DatabaseKind;
  readonly dataDir: string;
  readonly database?: TestDatabase;
}

const COMPANY_YAML_NOTES = '  notes:           { type: text, label: { en: Notes, de: Notizen } }\n';

describe.each(DATABASE_KINDS)('persistence on %s', (kind) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  const running: TestServer[] = [];

  afterEach(async () => {
    for (const t of running.splice(0)) await t.stop();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function newStore(): Promise<Store> {
    const dataDir = mkdtempSync(join(tmpdir(), 'relata-persist-'));
    const database = kind === 'postgres' ? await createTestDatabase('postgres') : undefined;
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    if (database) cleanups.push(() => database.drop());
    return { kind, dataDir, ...(database ? { database } : {}) };
  }

  function definitionsCopy(): string {
    const dir = mkdtempSync(join(tmpdir(), 'relata-defs-'));
    cpSync(SAMPLE_DEFINITIONS, dir, { recursive: true });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  async function start(store: Store, metadataDir?: string): Promise<TestServer> {
    const t = await startTestServer(kind, {
      reuse: { dataDir: store.dataDir, ...(store.database ? { database: store.database } : {}) },
      ...(metadataDir ? { metadataDir } : {}),
    });
    running.push(t);
    return t;
  }

  async function stop(t: TestServer): Promise<void> {
    running.splice(running.indexOf(t), 1);
    await t.stop();
  }

  /** A connection of our own, bypassing the server (which may not be running). */
  async function direct<T>(store: Store, work: (db: Database) => Promise<T>): Promise<T> {
    const db = kind === 'pglite' ? await Database.openEmbedded(store.dataDir) : await Database.connect(store.database!.url!, 1);
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  }

  function editFile(dir: string, file: string, edit: (text: string) => string): void {
    const path = join(dir, file);
    const before = readFileSync(path, 'utf8');
    const after = edit(before);
    expect(after).not.toBe(before);
    writeFileSync(path, after);
  }

  it('keeps records, versions, timestamps, references and links across a restart', async () => {
    const store = await newStore();
    const t1 = await start(store);
    const c = (await t1.ok('mutation { createCompany(input: { name: "Durable GmbH", city: "Berlin", revenueLastYear: "1234.5678" }) { id } }')).createCompany;
    const updated = (await t1.ok(`mutation { updateCompany(id: "${c.id}", input: { licences: 5 }) { id version createdAt updatedAt name city licences revenueLastYear } }`)).updateCompany;
    const p = (await t1.ok(`mutation { createPerson(input: { lastName: "Stay", email: "stay@example.com", company: "${c.id}" }) { id } }`)).createPerson;
    const mentor = (await t1.ok('mutation { createEmployee(input: { lastName: "Mentor", email: "mentor@example.com" }) { id } }')).createEmployee;
    const mentee = (await t1.ok(`mutation { createEmployee(input: { lastName: "Mentee", email: "mentee@example.com", mentors: ["${mentor.id}"] }) { id } }`)).createEmployee;
    const oldToken = await t1.token('alice', ['admin']);
    await stop(t1);

    const t2 = await start(store);
    const data = await t2.ok(`{
      company(id: "${c.id}") { id version createdAt updatedAt name city licences revenueLastYear }
      person(id: "${p.id}") { lastName email company { name } }
      employee(id: "${mentee.id}") { mentors { nodes { lastName } } }
      companies { totalCount }
    }`);
    expect(data).toEqual({
      company: updated,
      person: { lastName: 'Stay', email: 'stay@example.com', company: { name: 'Durable GmbH' } },
      employee: { mentors: { nodes: [{ lastName: 'Mentor' }] } },
      companies: { totalCount: 1 },
    });
    expect(updated.version).toBe(2);

    // The signing key lives under the data dir: a token minted before the restart still works.
    const withOldToken = await t2.gql('{ companies { totalCount } }', undefined, oldToken);
    expect(withOldToken.errors).toBeUndefined();
    expect(withOldToken.data).toEqual({ companies: { totalCount: 1 } });

    // Unique constraints survive too.
    const dup = await t2.gql('mutation { createPerson(input: { lastName: "Dup", email: "stay@example.com" }) { id } }');
    expect(dup.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('starts again and again on the same storage without changing it', async () => {
    const store = await newStore();
    const t1 = await start(store);
    await t1.ok('mutation { createMember(input: { lastName: "Loop", membershipNumber: "L-1" }) { id } }');
    await stop(t1);
    for (let round = 0; round < 2; round++) {
      const t = await start(store);
      expect((await t.ok('{ members { totalCount nodes { lastName fee active } } }')).members).toEqual({
        totalCount: 1,
        nodes: [{ lastName: 'Loop', fee: '0.00', active: true }],
      });
      await stop(t);
    }
  });

  it('adds a new field and a new type over a database that holds data', async () => {
    const store = await newStore();
    const dir = definitionsCopy();
    const t1 = await start(store, dir);
    const c = (await t1.ok('mutation { createCompany(input: { name: "Grown AG", city: "Hamburg" }) { id version updatedAt } }')).createCompany;
    await t1.ok(`mutation { createPerson(input: { lastName: "Kept", company: "${c.id}" }) { id } }`);
    await stop(t1);

    editFile(dir, 'company.yaml', (text) =>
      text.replace(COMPANY_YAML_NOTES, `${COMPANY_YAML_NOTES}  vatId:           { type: string, maxLength: 20, label: { en: VAT id, de: USt-IdNr. } }\n`),
    );
    writeFileSync(
      join(dir, 'project.yaml'),
      [
        'name: project',
        'label: { en: Project, de: Projekt }',
        'fields:',
        '  title:   { type: string, required: true, maxLength: 100 }',
        '  budget:  { type: money }',
        '  company: { type: reference, target: company, onDelete: cascade, inverse: projects }',
        '',
      ].join('\n'),
    );

    const t2 = await start(store, dir);
    const before = await t2.ok(`{ company(id: "${c.id}") { name city vatId version updatedAt people { nodes { lastName } } } }`);
    expect(before.company).toEqual({ name: 'Grown AG', city: 'Hamburg', vatId: null, version: 1, updatedAt: c.updatedAt, people: { nodes: [{ lastName: 'Kept' }] } });

    const set = await t2.ok(`mutation { updateCompany(id: "${c.id}", input: { vatId: "DE123456789" }, expectedVersion: 1) { vatId version city } }`);
    expect(set.updateCompany).toEqual({ vatId: 'DE123456789', version: 2, city: 'Hamburg' });
    await t2.ok(`mutation { createProject(input: { title: "Migration", budget: "99.90", company: "${c.id}" }) { id } }`);
    const after = await t2.ok(`{ company(id: "${c.id}") { projects { nodes { title budget } } } projects { totalCount } }`);
    expect(after).toEqual({ company: { projects: { nodes: [{ title: 'Migration', budget: '99.90' }] } }, projects: { totalCount: 1 } });
    const meta = await t2.ok('{ metadata { types { name } } }');
    expect(meta.metadata.types.map((x: { name: string }) => x.name).sort()).toEqual(['company', 'employee', 'member', 'order', 'patient', 'person', 'project']);

    const columns = await t2.server.db.query<{ column_name: string; is_nullable: string }>(
      `SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'company' AND column_name = 'vat_id'`,
    );
    expect(columns).toEqual([{ column_name: 'vat_id', is_nullable: 'YES' }]);
  });

  it('retires at start a field removed from the definitions: out of the API, its column and values kept', async () => {
    const store = await newStore();
    const dir = definitionsCopy();
    const t1 = await start(store, dir);
    const c = (await t1.ok('mutation { createCompany(input: { name: "Precious", city: "Berlin" }) { id } }')).createCompany;
    await stop(t1);

    const original = readFileSync(join(dir, 'company.yaml'), 'utf8');
    editFile(dir, 'company.yaml', (text) =>
      text
        .replace(/^ {2}city: .*\n/m, '')
        .replace('fields: [street, postalCode, city, country]', 'fields: [street, postalCode, country]'),
    );

    const t = await start(store, dir);
    expect((await t.gql(`{ company(id: "${c.id}") { city } }`)).errors?.[0]?.message).toMatch(/Cannot query field "city"/);
    await stop(t);
    const rows = await direct(store, (db) => db.query<{ id: string; name: string; city: string }>('SELECT id, name, city FROM company'));
    expect(rows).toEqual([{ id: c.id, name: 'Precious', city: 'Berlin' }]);

    // Restoring the definition brings the field back with its value.
    writeFileSync(join(dir, 'company.yaml'), original);
    const t2 = await start(store, dir);
    expect((await t2.ok(`{ company(id: "${c.id}") { name city } }`)).company).toEqual({ name: 'Precious', city: 'Berlin' });
  });

  it('keeps the table and its rows when a type is removed from the definitions, and serves them when it returns', async () => {
    const store = await newStore();
    const dir = definitionsCopy();
    const t1 = await start(store, dir);
    await t1.ok('mutation { createMember(input: { lastName: "Dormant", membershipNumber: "D-1", fee: "12.50" }) { id } }');
    await stop(t1);

    const memberYaml = readFileSync(join(dir, 'member.yaml'), 'utf8');
    unlinkSync(join(dir, 'member.yaml'));
    let t2: TestServer | undefined;
    try {
      t2 = await start(store, dir);
    } catch {
      // Refusing to start is acceptable too; the data must be kept either way.
    }
    if (t2) {
      const r = await t2.gql('{ members { totalCount } }');
      expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      await stop(t2);
    }
    const rows = await direct(store, (db) => db.query<{ last_name: string; fee: string }>('SELECT last_name, fee::text AS fee FROM member'));
    expect(rows).toEqual([{ last_name: 'Dormant', fee: '12.5000' }]);

    writeFileSync(join(dir, 'member.yaml'), memberYaml);
    const t3 = await start(store, dir);
    expect((await t3.ok('{ members { nodes { lastName fee } } }')).members.nodes).toEqual([{ lastName: 'Dormant', fee: '12.50' }]);
  });
});

describe('the embedded data dir', () => {
  it('refuses a second server on the same PGlite data dir while the first runs (DataDirLockedError)', async () => {
    const first = await startTestServer('pglite');
    try {
      await first.ok('mutation { createCompany(input: { name: "First" }) { id } }');
      await expect(startTestServer('pglite', { reuse: { dataDir: first.config.dataDir } })).rejects.toBeInstanceOf(DataDirLockedError);
      // The first server is unharmed.
      expect((await first.ok('{ companies { totalCount } }')).companies.totalCount).toBe(1);
      await first.stop();
      // Once it stopped, the lock is released and a new server gets the data.
      const second = await startTestServer('pglite', { reuse: { dataDir: first.config.dataDir } });
      try {
        expect((await second.ok('{ companies { nodes { name } } }')).companies.nodes).toEqual([{ name: 'First' }]);
      } finally {
        await second.stop();
      }
    } finally {
      await first.close();
    }
  });
});

describe('one PostgreSQL database', () => {
  it('serves two servers started side by side, each seeing the writes of the other', async () => {
    const database = await createTestDatabase('postgres');
    const dirs = [mkdtempSync(join(tmpdir(), 'relata-pair-')), mkdtempSync(join(tmpdir(), 'relata-pair-'))];
    const servers = await Promise.allSettled(dirs.map((dataDir) => startTestServer('postgres', { reuse: { dataDir, database } })));
    try {
      expect(servers.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled']);
      const [a, b] = servers.map((s) => (s as PromiseFulfilledResult<TestServer>).value);
      await a!.ok('mutation { createCompany(input: { name: "From A" }) { id } }');
      expect((await b!.ok('{ companies { nodes { name } } }')).companies.nodes).toEqual([{ name: 'From A' }]);
    } finally {
      for (const s of servers) if (s.status === 'fulfilled') await s.value.stop();
      await database.drop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });
});
