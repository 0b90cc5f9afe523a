import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { definitionFiles, eventually, LONG_AGO, type DefinitionFiles } from '../support/definitionFiles';
import { startTestServer, type TestServer } from '../support/testServer';

const v1 = { 'company.yaml': 'name: company\nplural: companies\nfields:\n  name: { type: string, required: true }\n' };
const v2 = { 'company.yaml': `${v1['company.yaml']}  city: { type: string }\n` };

// Several servers share one PostgreSQL; PGlite is one process by design (directory lock).
describe('several instances on one PostgreSQL', () => {
  let filesA: DefinitionFiles;
  let filesB: DefinitionFiles;
  let a: TestServer;
  let b: TestServer;
  const dataDirB = mkdtempSync(join(tmpdir(), 'relata-test-b-'));
  beforeAll(async () => {
    filesA = definitionFiles(v1);
    filesB = definitionFiles(v1);
    a = await startTestServer('postgres', { metadataDir: filesA.dir });
    const database = { kind: 'postgres' as const, url: a.config.databaseUrl!, open: () => Promise.reject(new Error('unused')), drop: async () => undefined };
    b = await startTestServer('postgres', { metadataDir: filesB.dir, reuse: { dataDir: dataDirB, database } });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.close();
    filesA?.remove();
    filesB?.remove();
    rmSync(dataDirB, { recursive: true, force: true });
  });

  const version = async (t: TestServer) => ((await (await fetch(new URL('/healthz', t.server.url))).json()) as { definitionsVersion: number }).definitionsVersion;

  it('starts a second instance on the version the first applied, without a new version', async () => {
    expect(await version(a)).toBe(1);
    expect(await version(b)).toBe(1);
  });

  it('has one instance apply a change and the others serve it within seconds, without restart', async () => {
    await a.ok(`mutation { createCompany(input: { name: "Shared" }) { id } }`);
    filesA.write(v2);
    const started = Date.now();
    await eventually(async () => ((await version(b)) === 2 ? true : undefined), 'instance B on version 2', 5000);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await version(a)).toBe(2);
    const [{ id }] = (await b.ok(`{ companies { nodes { id } } }`)).companies.nodes;
    await b.ok(`mutation { updateCompany(id: "${id}", input: { city: "Bonn" }) { id } }`);
    expect(await a.ok(`{ companies { nodes { name city } } }`)).toEqual({ companies: { nodes: [{ name: 'Shared', city: 'Bonn' }] } });
  });

  it('records one version when the same change reaches several instances at once', async () => {
    const v3 = { 'company.yaml': `${v2['company.yaml']}  country: { type: string }\n` };
    filesA.write(v3);
    filesB.write(v3);
    for (const t of [a, b]) await eventually(async () => ((await version(t)) === 3 ? true : undefined), 'version 3');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect([await version(a), await version(b)]).toEqual([3, 3]);
    const history = await a.server.db.query<{ version: number }>(`SELECT version FROM relata_definition_version ORDER BY version`);
    expect(history.map((r) => r.version)).toEqual([1, 2, 3]);
    filesA.write(v2);
    filesB.write(v2);
    for (const t of [a, b]) await eventually(async () => ((await version(t)) === 4 ? true : undefined), 'version 4');
  });

  it('refuses to start with files older than the applied version, saying why, and rolls nothing back', async () => {
    const stale = definitionFiles(v1, LONG_AGO);
    const database = { kind: 'postgres' as const, url: a.config.databaseUrl!, open: () => Promise.reject(new Error('unused')), drop: async () => undefined };
    try {
      const error = await startTestServer('postgres', { metadataDir: stale.dir, reuse: { dataDir: dataDirB, database } }).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/definitions in .* are version 1, but the database is at version 4 \(applied .* by .*\)\. Refusing to serve/);
      expect(await version(a)).toBe(4);
      expect(await a.ok(`{ companies { nodes { city } } }`)).toEqual({ companies: { nodes: [{ city: 'Bonn' }] } });
    } finally {
      stale.remove();
    }
  });

  it('fails no request on another instance while one renames a type that its queries join', async () => {
    const person = 'name: person\nplural: people\nfields:\n  lastName: { type: string }\n';
    const withRep = (target: string) => `${v2['company.yaml']}  rep: { type: reference, target: ${target} }\n`;
    filesA.write({ 'company.yaml': withRep('person'), 'person.yaml': person });
    await eventually(async () => ((await version(b)) === 5 ? true : undefined), 'instance B on version 5');
    const { createPerson } = await a.ok(`mutation { createPerson(input: { lastName: "Rep" }) { id } }`);
    await a.ok(`mutation { createCompany(input: { name: "Joined", rep: "${createPerson.id}" }) { id } }`);
    const failures: unknown[] = [];
    let requests = 0;
    let running = true;
    const clients = [1, 2].map(async () => {
      while (running) {
        const result = await b.gql(`{ companies(where: { name: { eq: "Joined" } }) { nodes { name rep { lastName } } } }`);
        requests += 1;
        if (result.errors || result.data?.companies.nodes[0]?.rep?.lastName !== 'Rep') failures.push(result);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    filesA.write({ 'company.yaml': withRep('contact'), 'contact.yaml': `name: contact\nrenamedFrom: person\nfields:\n  lastName: { type: string }\n` });
    await eventually(async () => ((await version(b)) === 6 ? true : undefined), 'instance B on version 6');
    await new Promise((resolve) => setTimeout(resolve, 200));
    running = false;
    await Promise.all(clients);
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(5);
  });
});

