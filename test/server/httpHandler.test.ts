import { startTestServer, type TestServer } from '../support/testServer';

// The HTTP edge is the same for both databases; PGlite keeps this file quick.
describe('HTTP edge', () => {
  let t: TestServer;
  let base: string;
  beforeAll(async () => {
    t = await startTestServer('pglite');
    base = t.server.url.replace(/\/graphql$/, '');
  });
  afterAll(() => t?.close());

  const post = async (body: string, contentType = 'application/json') =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${await t.token()}` },
      body,
    });

  it('answers 404 for paths other than /graphql and the probes', async () => {
    expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
  });

  it('answers 400 to a body that is not valid JSON', async () => {
    const response = await post('{ "query": ');
    expect(response.status).toBe(400);
  });

  it('answers 413 to a body over 1 MB without reading it whole', async () => {
    const response = await post(JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(1_100_000) }));
    expect(response.status).toBe(413);
  });

  it('reads a body sent without a length (chunked), and answers 413 past 1 MB', async () => {
    const chunked = async (body: string) => {
      const { request } = await import('node:http');
      const url = new URL(`${base}/graphql`);
      const token = await t.token();
      return new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', authorization: `Bearer ${token}` } }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        // Two writes: the body arrives in more than one chunk.
        req.write(body.slice(0, 10));
        req.end(body.slice(10));
      });
    };
    const small = await chunked(JSON.stringify({ query: `{ companies { totalCount } }` }));
    expect(small).toEqual({ status: 200, text: '{"data":{"companies":{"totalCount":0}}}\n' });
    const large = await chunked(JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(1_100_000) })).catch(() => ({ status: 413, text: '' }));
    expect(large.status).toBe(413);
  });

  it('serves a query sent with GET and the query in the URL', async () => {
    const response = await fetch(`${base}/graphql?query=${encodeURIComponent('{ companies { totalCount } }')}`, {
      headers: { authorization: `Bearer ${await t.token()}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { companies: { totalCount: 0 } } });
  });

  it('refuses a GET without a preflight header (CSRF prevention)', async () => {
    const response = await fetch(`${base}/graphql?query=${encodeURIComponent('{ companies { totalCount } }')}`, {
      headers: { authorization: `Bearer ${await t.token()}` },
    });
    expect(response.status).toBe(400);
  });

  it('refuses a mutation sent with GET', async () => {
    const query = encodeURIComponent('mutation { createCompany(input: { name: "Via GET" }) { id } }');
    const response = await fetch(`${base}/graphql?query=${query}`, {
      headers: { authorization: `Bearer ${await t.token()}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
  });
});
