import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, importPKCS8, SignJWT, type JWTPayload, type CryptoKey } from 'jose';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/** Bearer tokens (contract sections 1 and 4): only well-formed, signed, current tokens for this API get in. */

const QUERY = '{ companies { totalCount } }';
const now = () => Math.floor(Date.now() / 1000);

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe.each(DATABASE_KINDS)('authentication on %s', (kind) => {
  let t: TestServer;
  let serverKey: CryptoKey;
  let publicPem: string;

  beforeAll(async () => {
    t = await startTestServer(kind);
    const keys = join(t.config.dataDir, 'keys');
    serverKey = (await importPKCS8(readFileSync(join(keys, 'jwt-private.pem'), 'utf8'), 'ES256')) as CryptoKey;
    publicPem = readFileSync(join(keys, 'jwt-public.pem'), 'utf8');
  });
  afterAll(() => t?.close());

  /** A token with the right issuer, audience, subject and a future exp, changed by `edit`. */
  function claims(edit: Partial<JWTPayload> = {}): JWTPayload {
    return { sub: 'mallory', roles: ['admin'], iss: t.config.jwt.issuer, aud: t.config.jwt.audience, iat: now(), exp: now() + 600, ...edit };
  }

  async function signed(payload: JWTPayload, key: CryptoKey | Uint8Array = serverKey, alg = 'ES256'): Promise<string> {
    const clean = Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined));
    return new SignJWT(clean).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
  }

  async function post(headers: Record<string, string>): Promise<GraphQLResponse> {
    const response = await fetch(t.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: QUERY }),
    });
    return { ...((await response.json()) as GraphQLResponse), status: response.status };
  }

  function expectUnauthenticated(r: GraphQLResponse) {
    expect(r.status).toBe(401);
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]!.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.data ?? null).toBeNull();
    expect(JSON.stringify(r)).not.toMatch(/stacktrace|JWS|JWT[A-Z]|ERR_J/);
  }

  it('answers 401 UNAUTHENTICATED without a token', async () => {
    expectUnauthenticated(await t.gql(QUERY, undefined, null));
  });

  it('answers 401 UNAUTHENTICATED to a mutation without a token, and writes nothing', async () => {
    expectUnauthenticated(await t.gql('mutation { createCompany(input: { name: "Anonymous" }) { id } }', undefined, null));
    const data = await t.ok('{ companies(where: { name: { eq: "Anonymous" } }) { totalCount } }');
    expect(data.companies.totalCount).toBe(0);
  });

  it('refuses an Authorization header of another scheme', async () => {
    expectUnauthenticated(await post({ authorization: 'Basic YWxpY2U6c2VjcmV0' }));
    expectUnauthenticated(await post({ authorization: `Token ${await t.token()}` }));
  });

  it('refuses malformed tokens', async () => {
    for (const token of ['not-a-jwt', 'a.b.c', 'eyJhbGciOiJFUzI1NiJ9.e30', `${await t.token()}x`, 'Bearer']) {
      expectUnauthenticated(await t.gql(QUERY, undefined, token));
    }
  });

  it('refuses a token signed by another key', async () => {
    const other = await generateKeyPair('ES256');
    expectUnauthenticated(await t.gql(QUERY, undefined, await signed(claims(), other.privateKey)));
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await signed(claims({ roles: ['reader'] }))).split('.');
    const forged = `${header}.${base64url(claims({ roles: ['admin', 'superuser'] }))}.${signature}`;
    expectUnauthenticated(await t.gql(QUERY, undefined, forged));
  });

  it('refuses a token that expired beyond the 30 s clock tolerance', async () => {
    expectUnauthenticated(await t.gql(QUERY, undefined, await signed(claims({ iat: now() - 3600, exp: now() - 120 }))));
  });

  it('accepts a token that expired within the clock tolerance', async () => {
    const r = await t.gql(QUERY, undefined, await signed(claims({ iat: now() - 3600, exp: now() - 5 })));
    expect(r.errors).toBeUndefined();
    expect(r.status).toBe(200);
  });

  it('refuses a token without exp', async () => {
    expectUnauthenticated(await t.gql(QUERY, undefined, await signed(claims({ exp: undefined }))));
  });

  it('refuses a token that is not valid yet (nbf beyond the tolerance)', async () => {
    expectUnauthenticated(await t.gql(QUERY, undefined, await signed(claims({ nbf: now() + 600 }))));
  });

  it('refuses a token without a subject', async () => {
    expectUnauthenticated(await t.gql(QUERY, undefined, await signed(claims({ sub: undefined }))));
  });

  it('refuses a token of another issuer', async () => {
    expectUnauthenticated(await t.gql(QUERY, undefined, await signed(claims({ iss: 'https://evil.example.com' }))));
    expectUnauthenticated(await t.gql(QUERY, undefined, await signed(claims({ iss: undefined }))));
  });

  it('refuses a token for another audience', async () => {
    expectUnauthenticated(await t.gql(QUERY, undefined, await signed(claims({ aud: 'another-api' }))));
    expectUnauthenticated(await t.gql(QUERY, undefined, await signed(claims({ aud: undefined }))));
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`;
    expectUnauthenticated(await t.gql(QUERY, undefined, unsigned));
    expectUnauthenticated(await t.gql(QUERY, undefined, unsigned.slice(0, -1)));
  });

  it('refuses an HS256 token signed with the public key as secret (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(publicPem);
    expectUnauthenticated(await t.gql(QUERY, undefined, await signed(claims(), secret, 'HS256')));
    const trimmed = new TextEncoder().encode(publicPem.trim());
    expectUnauthenticated(await t.gql(QUERY, undefined, await signed(claims(), trimmed, 'HS256')));
  });

  it('accepts a token from mintToken, with its roles', async () => {
    const token = await t.token('alice', ['salesRep', 'admin']);
    const r = await t.gql(QUERY, undefined, token);
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ companies: { totalCount: expect.any(Number) } });
    const created = await t.gql('mutation { createCompany(input: { name: "By Alice" }) { name version } }', undefined, token);
    expect(created.errors).toBeUndefined();
    expect(created.data).toEqual({ createCompany: { name: 'By Alice', version: 1 } });
  });

  it('accepts a token signed with the data dir key by hand (the key `relata token` uses)', async () => {
    const r = await t.gql(QUERY, undefined, await signed(claims({ sub: 'bob', roles: ['assistant'] })));
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
  });

  it('accepts the bearer scheme in any case', async () => {
    const r = await post({ authorization: `bearer ${await t.token()}` });
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
  });

  it('answers /healthz with 200 and the schema version, without a token', async () => {
    const response = await fetch(new URL('/healthz', t.server.url));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { schemaVersion: string };
    expect(body.schemaVersion).toBe(t.server.registry().version);
    expect(body.schemaVersion).toMatch(/^[0-9a-f]{16}$/);
    const metadata = await t.ok('{ metadata { version } }');
    expect(metadata.metadata.version).toBe(body.schemaVersion);
  });

  it('answers /readyz with 200 without a token while the database answers', async () => {
    const response = await fetch(new URL('/readyz', t.server.url));
    expect(response.status).toBe(200);
  });
});
