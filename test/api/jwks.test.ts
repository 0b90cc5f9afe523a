import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Tokens verified against a JWKS endpoint (issue 5): keys are picked by kid, an unknown kid
 * refetches the set (rotation), a key dropped from the set no longer works, and a kid no
 * set holds is refused. The JWKS is served by a local HTTP server the test controls.
 */
describe('JWT verification with a rotating JWKS', () => {
  let jwks: Server;
  let keys: JWK[] = [];
  let fetches = 0;
  let t: TestServer;
  const pairs: Record<string, { privateKey: CryptoKey; jwk: JWK }> = {};
  const now = () => Math.floor(Date.now() / 1000);

  async function makeKey(kid: string) {
    const pair = await generateKeyPair('ES256', { extractable: true });
    pairs[kid] = { privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'ES256', use: 'sig' } };
  }
  const sign = (kid: string, key = pairs[kid]!.privateKey) =>
    new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject('partner-user')
      .setIssuer('https://idp.example.com')
      .setAudience('relata-api')
      .setIssuedAt()
      .setExpirationTime(now() + 600)
      .sign(key);
  const call = async (token: string) => t.gql('{ companies { totalCount } }', undefined, token);

  beforeAll(async () => {
    await makeKey('k1');
    await makeKey('k2');
    keys = [pairs.k1!.jwk];
    jwks = createServer((_request, response) => {
      fetches++;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    t = await startTestServer('pglite', { env: { JWT_JWKS_URL: url, JWT_ISSUER: 'https://idp.example.com', JWT_JWKS_COOLDOWN: '0' } });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => jwks?.close(() => resolve()));
  });

  it('accepts a token signed by a key of the set', async () => {
    const r = await call(await sign('k1'));
    expect(r.errors).toBeUndefined();
    expect(r.status).toBe(200);
  });

  it('refuses a token whose kid is in no set, signed by an unknown key', async () => {
    const other = await generateKeyPair('ES256');
    const r = await call(await sign('k9', other.privateKey));
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token that names a known kid but was signed by another key', async () => {
    const r = await call(await sign('k1', pairs.k2!.privateKey));
    expect(r.status).toBe(401);
  });

  it('follows a rotation: the new key works after the set changes, the dropped key stops working', async () => {
    const oldToken = await sign('k1');
    keys = [pairs.k2!.jwk];
    const before = fetches;
    const r = await call(await sign('k2'));
    expect(r.errors).toBeUndefined();
    expect(fetches).toBeGreaterThan(before);
    // A token already verified stays valid until its exp (the verified-token cache); a new one with the dropped key does not.
    const fresh = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('someone-else')
      .setIssuer('https://idp.example.com')
      .setAudience('relata-api')
      .setIssuedAt()
      .setExpirationTime(now() + 300)
      .sign(pairs.k1!.privateKey);
    expect(fresh).not.toBe(oldToken);
    expect((await call(fresh)).status).toBe(401);
  });
});
