import { join } from 'node:path';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 3: a query whose root fields are all compiled reads is answered from the JSON
 * PostgreSQL built, without graphql-js walking it. The answer must be exactly the one
 * graphql-js gives: each query runs as is (compiled) and with a root `__typename`, which no
 * compiled read serves, so graphql-js executes the whole operation.
 */

const COMPANY_FIELDS = `id version createdAt updatedAt name street postalCode city country industries interestAreas
  companyClass revenueLastYear licences phone notes __typename`;

const QUERIES: Record<string, { query: string; variables?: (ids: Record<string, string>) => Record<string, unknown> }> = {
  'a record with every scalar, a reference and a nested page with edges, cursors and pageInfo': {
    query: `query($id: ID!) { company(id: $id) {
      ${COMPANY_FIELDS}
      salesRep { id lastName email department }
      people(first: 2, orderBy: [{ lastName: DESC }]) {
        totalCount
        edges { cursor node { lastName company { name } } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
      insuredPatients { nodes { lastName birthDate lastVisit bloodGroup } }
    } }`,
    variables: (ids) => ({ id: ids.Alpha }),
  },
  'a filtered, ordered first page of a list with totalCount': {
    query: `{ companies(first: 2, where: { country: { eq: "DE" } }, orderBy: [{ revenueLastYear: DESC }]) {
      totalCount nodes { name revenueLastYear } pageInfo { hasNextPage endCursor } } }`,
  },
  'a backward page': {
    query: `{ companies(last: 2, orderBy: [{ name: ASC }]) { nodes { name } pageInfo { hasPreviousPage hasNextPage startCursor } } }`,
  },
  'aliases, fragments, @include and @skip, two root fields': {
    query: `query($with: Boolean!) {
      a: companies(first: 1, orderBy: [{ name: ASC }]) { nodes { ...names title: name } }
      b: companies(first: 3, orderBy: [{ name: DESC }]) { nodes { name ... on Company { city @include(if: $with) country @skip(if: $with) } } }
    }
    fragment names on Company { name salesRep { lastName } }`,
    variables: () => ({ with: true }),
  },
  'dates, booleans, lists and money defaults': {
    query: `{ members(orderBy: [{ membershipNumber: ASC }]) { nodes { membershipNumber joinedOn fee active interests createdAt } } }`,
  },
  'stored text with quotes, backslashes, control characters and JSON separators': {
    query: `{ companies(orderBy: [{ name: ASC }]) { nodes { name notes } } }`,
  },
  'a missing record and an id that is no UUID': {
    query: `{ missing: company(id: "00000000-0000-4000-8000-000000000000") { name } bad: company(id: "nope") { name } }`,
  },
};

describe.each(DATABASE_KINDS)('compiled answers on %s', (kind) => {
  let t: TestServer;
  const answeredBy: string[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer(kind, { observeExecution: (by) => answeredBy.push(by) });
    const { createEmployee } = await t.ok(
      `mutation { createEmployee(input: { lastName: "Seller", email: "s@example.com" }) { id } }`,
    );
    for (const input of [
      { lastName: 'Mia', membershipNumber: 'M-1', joinedOn: '2020-02-29', fee: '12.5', active: false, interests: ['crm', 'events'] },
      { lastName: 'Noa', membershipNumber: 'M-2' },
    ]) {
      await t.ok(`mutation($input: MemberCreateInput!) { createMember(input: $input) { id } }`, { input });
    }
    const companies = [
      { name: 'Alpha', country: 'DE', city: 'Berlin', revenueLastYear: '100000', licences: 7, industries: ['software'], salesRep: createEmployee.id },
      { name: 'Beta', country: 'DE', revenueLastYear: '19.995', notes: 'tab\tand "quotes"\nnew line' },
      { name: 'Gamma', country: 'FR', revenueLastYear: '0.5' },
      // PostgreSQL's own separators inside a value: the text must come out unchanged.
      { name: 'Delta', country: 'DE', revenueLastYear: '12.3400', notes: String.raw`a", "b" : {"c" : 1}, {"d" : [1, 2]} \" : \\", é ü ` },
    ];
    for (const input of companies) {
      const { createCompany } = await t.ok(`mutation($input: CompanyCreateInput!) { createCompany(input: $input) { id } }`, { input });
      ids[input.name] = createCompany.id;
    }
    for (const lastName of ['Ada', 'Bea', 'Cem']) {
      await t.ok(`mutation($c: ID!, $n: String!) { createPerson(input: { lastName: $n, company: $c }) { id } }`, { c: ids.Alpha, n: lastName });
    }
    for (const [lastName, lastVisit] of [
      ['Pat', '2026-11-23T18:56:24.179786+01:00'],
      ['Quin', '2026-11-23T10:15:00Z'],
      ['Ray', '2026-11-23T10:15:00.12Z'],
    ]) {
      await t.ok(
        `mutation($c: ID!, $n: String!, $v: DateTime) { createPatient(input: { lastName: $n, insurer: $c, birthDate: "1990-01-31", lastVisit: $v, bloodGroup: "AB+" }) { id } }`,
        { c: ids.Alpha, n: lastName, v: lastVisit },
      );
    }
  });

  afterAll(() => t?.close());

  /** Runs `query` and reports how it was answered. */
  async function run(query: string, variables?: Record<string, unknown>) {
    answeredBy.length = 0;
    const response = await t.gql(query, variables);
    return { response, answeredBy: [...answeredBy] };
  }

  /** The response body as the server wrote it. */
  async function bodyOf(query: string, variables?: Record<string, unknown>): Promise<string> {
    const response = await fetch(t.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token()}` },
      body: JSON.stringify({ query, variables }),
    });
    return response.text();
  }

  it.each(Object.entries(QUERIES))('answers %s exactly as graphql-js does', async (_name, { query, variables }) => {
    const vars = variables?.(ids);
    const compiled = await run(query, vars);
    const executed = await run(query.replace('{', '{ __typename '), vars);
    expect(compiled.answeredBy).toEqual(['compiled']);
    expect(executed.answeredBy).toEqual(['graphql-js']);
    expect(compiled.response.errors).toBeUndefined();
    const { __typename, ...data } = executed.response.data;
    expect(__typename).toBe('Query');
    expect(JSON.stringify(compiled.response.data)).toBe(JSON.stringify(data));
  });

  it.each(Object.entries(QUERIES))('writes the same response bytes as graphql-js for %s', async (_name, { query, variables }) => {
    const vars = variables?.(ids);
    const compiled = await bodyOf(query, vars);
    const executed = await bodyOf(query.replace('{', '{ __typename '), vars);
    expect(executed.startsWith('{"data":{"__typename":"Query",')).toBe(true);
    expect(compiled).toBe(executed.replace('{"data":{"__typename":"Query",', '{"data":{'));
  });

  it('writes stored text with JSON separators, quotes and backslashes unchanged', async () => {
    const { response } = await run(`query($id: ID!) { company(id: $id) { notes } }`, { id: ids.Delta });
    expect(response.data.company.notes).toBe(String.raw`a", "b" : {"c" : 1}, {"d" : [1, 2]} \" : \\", é ü `);
  });

  it('formats Money and DateTime in SQL as the scalars serialise them', async () => {
    const { response } = await run(`{ companies(orderBy: [{ name: ASC }]) { nodes { name revenueLastYear } } }`);
    expect(response.data.companies.nodes).toEqual([
      { name: 'Alpha', revenueLastYear: '100000.00' },
      { name: 'Beta', revenueLastYear: '19.995' },
      { name: 'Delta', revenueLastYear: '12.34' },
      { name: 'Gamma', revenueLastYear: '0.50' },
    ]);
    const patients = await run(`{ patients(orderBy: [{ lastName: ASC }]) { nodes { lastVisit } } }`);
    expect(patients.answeredBy).toEqual(['compiled']);
    expect(patients.response.data.patients.nodes.map((n: { lastVisit: string }) => n.lastVisit)).toEqual([
      '2026-11-23T17:56:24.179786Z',
      '2026-11-23T10:15:00.000Z',
      '2026-11-23T10:15:00.120Z',
    ]);
  });

  it('leaves to graphql-js what SQL does not shape exactly, other mutations and every error', async () => {
    const url = await run(`{ companies(first: 1) { nodes { website } } }`);
    expect(url.answeredBy).toEqual(['graphql-js']);
    // One create is compiled (compiledWrites.test.ts); a delete answers no record.
    const mutation = await run(`mutation { createCompany(input: { name: "Epsilon" }) { id name } }`);
    expect(mutation.answeredBy).toEqual(['compiled']);
    expect(mutation.response.data.createCompany.name).toBe('Epsilon');
    const deleted = await run(`mutation($id: ID!) { deleteCompany(id: $id) }`, { id: mutation.response.data.createCompany.id });
    expect(deleted.answeredBy).toEqual(['graphql-js']);
    expect(deleted.response.data).toEqual({ deleteCompany: mutation.response.data.createCompany.id });

    const negative = await run(`{ companies(first: -1) { nodes { name } } }`);
    expect(negative.answeredBy).toEqual(['graphql-js']);
    expect(negative.response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(negative.response.errors?.[0]?.path).toEqual(['companies']);

    const forged = await run(`{ companies(after: "bm90IGEgY3Vyc29y") { nodes { name } } }`);
    expect(forged.answeredBy).toEqual(['graphql-js']);
    expect(forged.response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an unauthenticated query before anything is compiled', async () => {
    answeredBy.length = 0;
    const response = await t.gql(`{ companies { nodes { name } } }`, undefined, null);
    expect(answeredBy).toEqual([]);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe.each(DATABASE_KINDS)('compiled answers with stored JSON values on %s', (kind) => {
  let t: TestServer;
  const answeredBy: string[] = [];

  beforeAll(async () => {
    t = await startTestServer(kind, { metadataDir: join(__dirname, 'fixtures', 'all-types'), observeExecution: (by) => answeredBy.push(by) });
    // jsonb writes 1e21 out in full and keeps its own spacing: graphql-js's answer is JSON.stringify's.
    const payload = { big: 1e21, small: 1.5e-7, text: 'a" : b', nested: [{ z: 1, a: [true, null] }] };
    await t.ok(`mutation($p: JSON) { createSpecimen(input: { title: "one", payload: $p }) { id } }`, { p: payload });
  });

  afterAll(() => t?.close());

  it('answers them compiled, with the bytes graphql-js writes', async () => {
    const token = await t.token();
    const bodyOf = async (query: string) =>
      (await fetch(t.server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) })).text();
    answeredBy.length = 0;
    const compiled = await bodyOf(`{ specimens { nodes { title payload } } }`);
    expect(answeredBy).toEqual(['compiled']);
    const executed = await bodyOf(`{ __typename specimens { nodes { title payload } } }`);
    expect(compiled).toBe(executed.replace('{"data":{"__typename":"Query",', '{"data":{'));
    expect(compiled).toContain('"big":1e+21');
  });
});
