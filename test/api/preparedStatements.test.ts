import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 3: compiled statements run as named prepared statements, planned once per
 * connection, except those whose best plan depends on the values (array filters on a GIN
 * index: their generic plan ran 25x slower after five executions), which keep custom plans.
 */

const COMPANY = `query($id: ID!) { company(id: $id) { name industries people(first: 2, orderBy: [{ lastName: ASC }]) { nodes { lastName } } } }`;
const BY_COUNTRY = `query($country: String!) { companies(where: { country: { eq: $country } }, orderBy: [{ name: ASC }]) { nodes { name } } }`;
const BY_INDUSTRIES = `query($all: [String!]!) { companies(where: { industries: { hasAll: $all } }, orderBy: [{ name: ASC }]) { nodes { name } } }`;

/** More than the five custom plans after which PostgreSQL may switch a prepared statement to a generic plan. */
const EXECUTIONS = 12;

interface PreparedStatement {
  statement: string;
  executions: number;
}

describe.each(DATABASE_KINDS)('prepared statements on %s', (kind) => {
  let t: TestServer;
  const ids: Record<string, string> = {};

  /** Runs one request and returns its data and the SQL it sent. */
  async function traced(query: string, variables: Record<string, unknown>) {
    const statements: string[] = [];
    const unsubscribe = t.server.db.onQuery((sql) => statements.push(sql));
    try {
      return { data: await t.ok(query, variables), statements };
    } finally {
      unsubscribe();
    }
  }

  /**
   * The statements prepared on the connection that served the last requests (requests here
   * run one after another, and the pool hands out the most recently released connection).
   */
  async function preparedStatements(): Promise<PreparedStatement[]> {
    return t.server.db.transaction((tx) =>
      tx.query<PreparedStatement>(
        'SELECT statement, (generic_plans + custom_plans)::int AS executions FROM pg_prepared_statements',
      ),
    );
  }

  beforeAll(async () => {
    t = await startTestServer(kind);
    const companies = [
      { name: 'Alpha', country: 'DE', industries: ['software', 'consulting'] },
      { name: 'Beta', country: 'DE', industries: ['software'] },
      { name: 'Gamma', country: 'FR', industries: ['retail'] },
      { name: 'Delta', country: 'FR', industries: ['consulting', 'retail'] },
    ];
    for (const input of companies) {
      const { createCompany } = await t.ok(`mutation($input: CompanyCreateInput!) { createCompany(input: $input) { id } }`, { input });
      ids[input.name] = createCompany.id;
      for (const lastName of ['Zeta', 'Ypsilon', 'Xi']) {
        await t.ok(`mutation($c: ID!, $n: String!) { createPerson(input: { lastName: $n, company: $c }) { id } }`, {
          c: createCompany.id,
          n: `${lastName} ${input.name}`,
        });
      }
    }
  });

  afterAll(() => t?.close());

  it('prepares a read by id once and answers every later execution correctly', async () => {
    let sql: string | undefined;
    for (let i = 0; i < EXECUTIONS; i++) {
      const name = ['Alpha', 'Beta', 'Gamma', 'Delta'][i % 4]!;
      const { data, statements } = await traced(COMPANY, { id: ids[name] });
      expect(data.company.name).toBe(name);
      expect(data.company.people.nodes).toEqual([{ lastName: `Xi ${name}` }, { lastName: `Ypsilon ${name}` }]);
      expect(statements).toHaveLength(1);
      sql ??= statements[0];
      expect(statements[0]).toBe(sql);
    }
    const prepared = (await preparedStatements()).find((p) => p.statement === sql);
    expect(prepared?.executions).toBeGreaterThanOrEqual(EXECUTIONS);
  });

  it('prepares a list filtered by a scalar and answers every later execution correctly', async () => {
    let sql: string | undefined;
    for (let i = 0; i < EXECUTIONS; i++) {
      const country = i % 2 === 0 ? 'DE' : 'FR';
      const { data, statements } = await traced(BY_COUNTRY, { country });
      expect(data.companies.nodes.map((n: { name: string }) => n.name)).toEqual(country === 'DE' ? ['Alpha', 'Beta'] : ['Delta', 'Gamma']);
      sql ??= statements[0];
    }
    const prepared = (await preparedStatements()).find((p) => p.statement === sql);
    expect(prepared?.executions).toBeGreaterThanOrEqual(EXECUTIONS);
  });

  it('keeps a list filtered by an array column unprepared, so each execution is planned for its values, and answers stay right', async () => {
    const expected: [string[], string[]][] = [
      [['software'], ['Alpha', 'Beta']],
      [['retail'], ['Delta', 'Gamma']],
      [['consulting', 'software'], ['Alpha']],
      [['mining'], []],
    ];
    const texts = new Set<string>();
    for (let i = 0; i < EXECUTIONS; i++) {
      const [all, names] = expected[i % expected.length]!;
      const { data, statements } = await traced(BY_INDUSTRIES, { all });
      expect(data.companies.nodes.map((n: { name: string }) => n.name)).toEqual(names);
      statements.forEach((s) => texts.add(s));
    }
    expect(texts.size).toBe(1);
    const prepared = await preparedStatements();
    expect(prepared.length).toBeGreaterThan(0);
    expect(prepared.some((p) => texts.has(p.statement))).toBe(false);
  });
});
