import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases';
import { definitionFiles, LONG_AGO } from '../support/definitionFiles';
import { startTestServer } from '../support/testServer';

const v1 = { 'company.yaml': 'name: company\nplural: companies\nfields:\n  name: { type: string, required: true }\n' };
const v2 = { 'company.yaml': `${v1['company.yaml']}  city: { type: string }\n` };

describe.each(DATABASE_KINDS)('restarting with other definition files on %s', (kind) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'relata-test-restart-'));
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = kind === 'postgres' ? await createTestDatabase('postgres') : undefined;
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const start = async (files: Record<string, string>, modified?: Date) => {
    const defs = definitionFiles(files, modified);
    try {
      return await startTestServer(kind, { metadataDir: defs.dir, reuse: { dataDir, ...(database ? { database } : {}) } });
    } finally {
      defs.remove();
    }
  };

  it('applies newer files at start, and refuses files older than the applied version without rolling back', async () => {
    const first = await start(v1);
    await first.ok(`mutation { createCompany(input: { name: "Acme" }) { id } }`);
    await first.stop();
    const second = await start(v2);
    await second.ok(`mutation { createCompany(input: { name: "Beta", city: "Bonn" }) { id } }`);
    await second.stop();
    await expect(start(v1, LONG_AGO)).rejects.toThrow(/are version 1, but the database is at version 2 .* Refusing to serve a schema that does not match/);
    const third = await start(v2);
    expect(await third.ok(`{ companies(orderBy: [{ name: ASC }]) { nodes { name city } } }`)).toEqual({
      companies: { nodes: [{ name: 'Acme', city: null }, { name: 'Beta', city: 'Bonn' }] },
    });
    await third.stop();
  });

  it('migrates to files edited back to an earlier version after it was applied (a restore, not stale files)', async () => {
    const restored = await start(v1);
    expect((await restored.gql(`{ companies { nodes { city } } }`)).errors?.[0]?.message).toMatch(/Cannot query field "city"/);
    await restored.stop();
    const again = await start(v2);
    expect(await again.ok(`{ companies(where: { name: { eq: "Beta" } }) { nodes { city } } }`)).toEqual({ companies: { nodes: [{ city: 'Bonn' }] } });
    await again.stop();
  });
});
