import { startTestServer, type TestServer } from '../support/testServer';

// Limits are enforced before execution, so one database kind is enough here.
describe('query limits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite');
  });
  afterAll(() => t?.close());

  it('rejects a query deeper than the depth limit with QUERY_TOO_COMPLEX', async () => {
    let selection = 'name';
    for (let i = 0; i < 8; i++) selection = `people(first: 1) { nodes { company { ${selection} } } }`;
    const result = await t.gql(`{ companies(first: 1) { nodes { ${selection} } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(result.data?.companies).toBeUndefined();
  });

  it('rejects a query with too many aliases with QUERY_TOO_COMPLEX', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: companies(first: 1) { totalCount }`).join(' ');
    const result = await t.gql(`{ ${aliases} }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('rejects a query whose cost is over the limit with QUERY_TOO_COMPLEX', async () => {
    const fields = Array.from({ length: 25 }, (_, i) => `c${i}: companies { nodes { name city country people { nodes { lastName firstName email } } } }`).join(' ');
    const result = await t.gql(`{ ${fields} }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('rejects an over-cost query every time it is sent, not only the first', async () => {
    const fields = Array.from({ length: 25 }, (_, i) => `c${i}: companies { nodes { name people { nodes { lastName } } } }`).join(' ');
    for (let i = 0; i < 3; i++) {
      expect((await t.gql(`{ ${fields} }`)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    }
  });

  it('computes the cost again for each request when a page size comes from a variable', async () => {
    const query = `query($n: Int) { a: companies(first: $n) { nodes { name people(first: $n) { nodes { lastName firstName email } } } } }`;
    expect((await t.gql(query, { n: 5 })).errors).toBeUndefined();
    expect((await t.gql(query, { n: 500 })).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect((await t.gql(query, { n: 5 })).errors).toBeUndefined();
  });

  it('counts the page size of record history in the cost', async () => {
    const history = (n: number) => `{ companies(first: 100) { nodes { history(first: ${n}) { nodes { action changes { field } } } } } }`;
    expect((await t.gql(history(500))).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect((await t.gql(history(2))).errors).toBeUndefined();
  });

  it('serves an ordinary nested query', async () => {
    const result = await t.gql(`{ companies(first: 5) { totalCount nodes { name people(first: 3) { nodes { lastName company { name } } } } } }`);
    expect(result.errors).toBeUndefined();
  });

  it('does not suggest field names outside development', async () => {
    const result = await t.gql(`{ companies { nodes { nme } } }`);
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('refuses introspection outside development unless configured', async () => {
    const result = await t.gql('{ __schema { types { name } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/introspection/i);
    expect(result.data ?? null).toBeNull();
  });

  it('refuses a POST with a content type a browser form may send (CSRF) and runs nothing', async () => {
    const response = await fetch(t.server.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${await t.token()}` },
      body: JSON.stringify({ query: 'mutation { createCompany(input: { name: "Forged" }) { id } }' }),
    });
    expect(response.status).toBe(400);
    expect((await t.ok('{ companies(where: { name: { eq: "Forged" } }) { totalCount } }')).companies.totalCount).toBe(0);
  });
});

describe('introspection when configured', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite', { env: { INTROSPECTION: 'on' } });
  });
  afterAll(() => t?.close());

  it('answers introspection with INTROSPECTION=on', async () => {
    const result = await t.gql('{ __schema { queryType { name } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('query limits on tokens', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite');
  });
  afterAll(() => t?.close());

  it('rejects a document with more tokens than the limit with QUERY_TOO_COMPLEX', async () => {
    const fields = Array.from({ length: 6000 }, () => '__typename').join(' ');
    const result = await t.gql(`{ ${fields} }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers a plain syntax error with 400 GRAPHQL_PARSE_FAILED', async () => {
    const result = await t.gql(`{ companies { nodes { name }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});
