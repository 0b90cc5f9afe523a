import { createApiKey, listApiKeys, revokeApiKey } from '../../src/server/apiKeys';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/testServer';

/** API keys for partner integrations (issue 5): the key's roles apply, only a hash is kept, revoking is immediate, writes are attributed. */
describe.each(DATABASE_KINDS)('API keys on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t?.close());

  it('lets a key call the API with its roles, and attributes its writes to it', async () => {
    const { id, key } = await createApiKey(t.server.db, 'crm-sync', ['partner']);
    expect(key).toMatch(/^rk_[\w-]{43}$/);
    const created = await t.gql('mutation { createPerson(input: { lastName: "From partner" }) { id } }', undefined, key);
    expect(created.errors).toBeUndefined();
    const personId = created.data.createPerson.id;
    const forbidden = await t.gql('mutation { createCompany(input: { name: "Nope" }) { id } }', undefined, key);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const { auditEntries } = await t.ok('query($id: ID!) { auditEntries(recordId: $id) { nodes { actor apiKey action } } }', { id: personId });
    expect(auditEntries.nodes).toEqual([{ actor: `api-key:${id}`, apiKey: id, action: 'create' }]);
    const used = (await listApiKeys(t.server.db)).find((k) => k.id === id)!;
    expect(Date.now() - used.lastUsedAt!.getTime()).toBeLessThan(60_000);
  });

  it('stores only a hash of the key', async () => {
    const { id, key } = await createApiKey(t.server.db, 'hash-check', ['partner']);
    const rows = await t.server.db.query<{ hash: string }>('SELECT hash FROM relata_api_key WHERE id = $1', [id]);
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify(await t.server.db.query('SELECT * FROM relata_api_key'));
    expect(dump).not.toContain(key);
    expect(dump).not.toContain(key.slice(3));
  });

  it('refuses a revoked key at once and an unknown one', async () => {
    const { id, key } = await createApiKey(t.server.db, 'to-revoke', ['partner']);
    expect((await t.gql('{ companies { totalCount } }', undefined, key)).errors).toBeUndefined();
    expect(await revokeApiKey(t.server.db, id)).toBe(true);
    const refused = await t.gql('{ companies { totalCount } }', undefined, key);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await revokeApiKey(t.server.db, id)).toBe(false);
    const unknown = await t.gql('{ companies { totalCount } }', undefined, `rk_${'A'.repeat(43)}`);
    expect(unknown.status).toBe(401);
    const listed = (await listApiKeys(t.server.db)).find((k) => k.id === id)!;
    expect(listed).toMatchObject({ name: 'to-revoke', roles: ['partner'] });
    expect(listed.revokedAt).toBeInstanceOf(Date);
  });
});
