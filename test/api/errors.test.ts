import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/** Contract section 4: errors explain the request, never the internals (outside development mode). */

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** Statements the engine writes to its console for internal errors are expected here; keep the output quiet. */
function silenceConsoleError() {
  let spy: jest.SpyInstance;
  beforeEach(() => {
    spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => spy.mockRestore());
}

function onlyError(response: GraphQLResponse) {
  expect(response.errors).toHaveLength(1);
  return response.errors![0]!;
}

/** Nothing in the body that only the engine should know. */
function expectNoInternals(response: GraphQLResponse) {
  const body = JSON.stringify({ data: response.data, errors: response.errors });
  expect(body).not.toMatch(/stacktrace/i);
  expect(body).not.toMatch(/\bat .+\.(ts|js):\d+/); // stack frames
  expect(body).not.toMatch(/SELECT|INSERT|UPDATE "|DELETE FROM|duplicate key|violates|constraint/i);
  expect(body).not.toMatch(/_fkey|_key\b|UQ_|FK_|IDX_|_id\b/);
  for (const e of response.errors ?? []) expect(e.extensions?.stacktrace).toBeUndefined();
}

describe.each(DATABASE_KINDS)('errors outside development mode on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t?.close());
  silenceConsoleError();

  it('explains a syntax error without a stack trace', async () => {
    const r = await t.gql('{ companies { nodes { name }');
    const error = onlyError(r);
    expect(r.status).toBe(400);
    expect(error.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(error.message).toMatch(/^Syntax Error: Expected Name, found <EOF>\./);
    expectNoInternals(r);
  });

  it('explains an unknown field without a stack trace', async () => {
    const r = await t.gql('{ companies { nodes { nonexistentField } } }');
    const error = onlyError(r);
    expect(r.status).toBe(400);
    expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toContain('Cannot query field "nonexistentField" on type "Company"');
    expectNoInternals(r);
  });

  it('explains a missing argument without a stack trace', async () => {
    const r = await t.gql('{ company { name } }');
    const error = onlyError(r);
    expect(r.status).toBe(400);
    expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toContain('"id"');
    expectNoInternals(r);
  });

  it('explains a variable of the wrong type as BAD_USER_INPUT without a stack trace', async () => {
    const r = await t.gql('query ($n: Int) { companies(first: $n) { totalCount } }', { n: 'many' });
    const error = onlyError(r);
    expect(r.status).toBe(400);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('$n');
    expectNoInternals(r);
  });

  it('gives validation failures as BAD_USER_INPUT with fieldErrors and no stack trace', async () => {
    const r = await t.gql('mutation { createCompany(input: { name: "", country: "xx" }) { id } }');
    const error = onlyError(r);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.fieldErrors).toEqual([
      { field: 'name', message: expect.any(String) },
      { field: 'country', message: expect.any(String) },
    ]);
    expectNoInternals(r);
  });

  it('gives NOT_FOUND without a stack trace', async () => {
    const r = await t.gql(`mutation { deleteCompany(id: "${MISSING_ID}") }`);
    expect(onlyError(r).extensions?.code).toBe('NOT_FOUND');
    expectNoInternals(r);
  });

  it('gives a taken unique value as CONFLICT without the constraint name or SQL', async () => {
    await t.ok('mutation { createEmployee(input: { lastName: "One", email: "dup@example.com" }) { id } }');
    const r = await t.gql('mutation { createEmployee(input: { lastName: "Two", email: "dup@example.com" }) { id } }');
    const error = onlyError(r);
    expect(error.extensions?.code).toBe('CONFLICT');
    expect(error.extensions?.fieldErrors).toEqual([{ field: 'email', message: expect.any(String) }]);
    expectNoInternals(r);
  });

  it('gives a reference to a missing record as BAD_USER_INPUT without the foreign key name', async () => {
    const r = await t.gql(`mutation { createPerson(input: { lastName: "Ghost", company: "${MISSING_ID}" }) { id } }`);
    const error = onlyError(r);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.fieldErrors).toEqual([{ field: 'company', message: expect.any(String) }]);
    expectNoInternals(r);
  });

  it('gives a delete blocked by a restricting reference as CONFLICT without the foreign key name', async () => {
    const c = await t.ok('mutation { createCompany(input: { name: "Kasse" }) { id } }');
    await t.ok(`mutation { createPatient(input: { lastName: "Held", insurer: "${c.createCompany.id}" }) { id } }`);
    const r = await t.gql(`mutation { deleteCompany(id: "${c.createCompany.id}") }`);
    expect(onlyError(r).extensions?.code).toBe('CONFLICT');
    expectNoInternals(r);
  });

  // Runs last in this block: it breaks the company table of this server on purpose.
  describe('an internal error', () => {
    beforeAll(async () => {
      await t.ok('mutation { createCompany(input: { name: "Before", city: "Berlin" }) { id } }');
      await t.server.db.query('ALTER TABLE company DROP COLUMN city');
    });

    it('of a query reaches the client as "Internal server error" with code INTERNAL_SERVER_ERROR only', async () => {
      const r = await t.gql('{ companies { nodes { name city } } }');
      const error = onlyError(r);
      expect(error.message).toBe('Internal server error');
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      const body = JSON.stringify(r);
      for (const word of ['SELECT', 'city', 'column', 'company"', 'stacktrace', 'relation', 'does not exist']) {
        expect(body).not.toContain(word);
      }
      expectNoInternals(r);
    });

    it('of a mutation reaches the client the same way', async () => {
      const r = await t.gql('mutation { createCompany(input: { name: "After", city: "Bonn" }) { id name } }');
      const error = onlyError(r);
      expect(error.message).toBe('Internal server error');
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      const body = JSON.stringify(r);
      for (const word of ['INSERT', 'city', 'column', 'stacktrace']) expect(body).not.toContain(word);
      expectNoInternals(r);
    });

    it('leaves the rest of the API working', async () => {
      const data = await t.ok('{ companies(where: { name: { eq: "Before" } }) { totalCount } people { totalCount } }');
      expect(data).toEqual({ companies: { totalCount: 1 }, people: { totalCount: 0 } });
    });
  });
});

describe.each(DATABASE_KINDS)('errors in development mode on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind, { env: { NODE_ENV: 'development' } });
  });
  afterAll(() => t?.close());
  silenceConsoleError();

  it('shows the internal message and a stack trace', async () => {
    await t.server.db.query('ALTER TABLE company DROP COLUMN city');
    const r = await t.gql('{ companies { nodes { name city } } }');
    const error = onlyError(r);
    expect(error.message).not.toBe('Internal server error');
    expect(error.message).toContain('city');
    expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(Array.isArray(error.extensions?.stacktrace)).toBe(true);
    expect((error.extensions?.stacktrace as string[]).length).toBeGreaterThan(1);
  });
});
