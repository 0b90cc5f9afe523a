import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 2 (N+1): a read compiles its whole selection into one SQL statement, so the number
 * of statements a request sends does not grow with the number of records it returns.
 */

const LIST_QUERY = `{
  companies(first: 50, orderBy: [{ name: ASC }]) {
    totalCount
    nodes {
      name
      salesRep { lastName }
      people(first: 5, orderBy: [{ lastName: ASC }]) {
        totalCount
        nodes { lastName company { name salesRep { lastName } } }
      }
    }
  }
}`;

const MAX_STATEMENTS_PER_READ = 2;

describe.each(DATABASE_KINDS)('statement count on %s', (kind) => {
  let t: TestServer;
  let repId: string;
  let companyCount = 0;
  const firstCompany: { id?: string } = {};

  /** Runs one request and returns its data and the SQL statements sent while it ran. */
  async function counted(query: string, variables?: Record<string, unknown>) {
    const statements: string[] = [];
    const unsubscribe = t.server.db.onQuery((sql) => statements.push(sql));
    try {
      const data = await t.ok(query, variables);
      return { data, statements };
    } finally {
      unsubscribe();
    }
  }

  /** Adds companies (each with 3 persons and the sales rep) until there are `total`. */
  async function seedCompanies(total: number) {
    for (; companyCount < total; companyCount++) {
      const name = `Company ${String(companyCount).padStart(3, '0')}`;
      const persons = [0, 1, 2]
        .map((p) => `p${p}: createPerson(input: { lastName: "L${p}-${companyCount}", company: $c }) { id }`)
        .join(' ');
      const c = await t.ok(`mutation($rep: ID!) { createCompany(input: { name: "${name}", salesRep: $rep }) { id } }`, { rep: repId });
      firstCompany.id ??= c.createCompany.id;
      await t.ok(`mutation($c: ID!) { ${persons} }`, { c: c.createCompany.id });
    }
  }

  beforeAll(async () => {
    t = await startTestServer(kind);
    const rep = await t.ok(`mutation { createEmployee(input: { lastName: "Seller", email: "seller@example.com" }) { id } }`);
    repId = rep.createEmployee.id;
  });

  afterAll(() => t?.close());

  it('sends the same small number of statements for 10 and for 50 companies with nested persons', async () => {
    await seedCompanies(10);
    const ten = await counted(LIST_QUERY);
    expect(ten.data.companies.totalCount).toBe(10);
    expect(ten.data.companies.nodes).toHaveLength(10);
    for (const node of ten.data.companies.nodes) {
      expect(node.salesRep).toEqual({ lastName: 'Seller' });
      expect(node.people.totalCount).toBe(3);
      expect(node.people.nodes).toHaveLength(3);
      for (const person of node.people.nodes) expect(person.company).toEqual({ name: node.name, salesRep: { lastName: 'Seller' } });
    }

    await seedCompanies(50);
    const fifty = await counted(LIST_QUERY);
    expect(fifty.data.companies.totalCount).toBe(50);
    expect(fifty.data.companies.nodes).toHaveLength(50);
    expect(fifty.data.companies.nodes.every((n: any) => n.people.nodes.length === 3)).toBe(true);

    expect(ten.statements.length).toBeGreaterThanOrEqual(1);
    expect(ten.statements.length).toBeLessThanOrEqual(MAX_STATEMENTS_PER_READ);
    expect(fifty.statements).toHaveLength(ten.statements.length);
  });

  it('sends the same number of statements whatever page size is asked for', async () => {
    await seedCompanies(50);
    const one = await counted(LIST_QUERY.replace('first: 50', 'first: 1'));
    const all = await counted(LIST_QUERY);
    expect(one.data.companies.nodes).toHaveLength(1);
    expect(all.data.companies.nodes).toHaveLength(50);
    expect(all.statements).toHaveLength(one.statements.length);
    expect(one.statements.length).toBeLessThanOrEqual(MAX_STATEMENTS_PER_READ);
  });

  it('reads a single company with nested persons, references and inverses in a small constant number of statements', async () => {
    await seedCompanies(50);
    const query = `query($id: ID!) {
      company(id: $id) {
        name
        salesRep { lastName accounts(first: 50) { totalCount nodes { name people { nodes { lastName } } } } }
        people(first: 5) { totalCount nodes { lastName company { name salesRep { lastName } } } }
      }
    }`;
    const { data, statements } = await counted(query, { id: firstCompany.id });
    expect(data.company.name).toBe('Company 000');
    expect(data.company.people.totalCount).toBe(3);
    expect(data.company.salesRep.accounts.totalCount).toBe(50);
    expect(data.company.salesRep.accounts.nodes).toHaveLength(50);
    expect(data.company.salesRep.accounts.nodes.every((a: any) => a.people.nodes.length === 3)).toBe(true);
    expect(statements.length).toBeGreaterThanOrEqual(1);
    expect(statements.length).toBeLessThanOrEqual(MAX_STATEMENTS_PER_READ);
  });

  it('answers several root fields with one statement each at most', async () => {
    const { data, statements } = await counted(`query($id: ID!) {
      a: companies(first: 50) { nodes { people { nodes { lastName } } } }
      b: people(first: 50) { nodes { company { name } } }
      c: company(id: $id) { name }
    }`, { id: firstCompany.id });
    expect(data.a.nodes).toHaveLength(50);
    expect(data.b.nodes).toHaveLength(50);
    expect(data.c.name).toBe('Company 000');
    expect(statements.length).toBeLessThanOrEqual(3);
  });

  it('creates a record and returns nested data in a small constant number of statements', async () => {
    const bare = await counted(`mutation($c: ID!) { createPerson(input: { lastName: "Bare", company: $c }) { id } }`, {
      c: firstCompany.id,
    });
    const nested = await counted(
      `mutation($c: ID!) {
        createPerson(input: { lastName: "Nested", company: $c }) {
          id lastName
          company {
            name salesRep { lastName accounts(first: 50) { totalCount nodes { name people { nodes { lastName } } } } }
            people(first: 10) { totalCount nodes { lastName company { name } } }
          }
        }
      }`,
      { c: firstCompany.id },
    );
    expect(nested.data.createPerson.company.name).toBe('Company 000');
    expect(nested.data.createPerson.company.people.totalCount).toBe(5);
    expect(nested.data.createPerson.company.salesRep.accounts.nodes).toHaveLength(50);
    // Write and selection are one statement; a selection that reads other rows of the
    // written table (here the company's people) needs the write committed first: two.
    expect(bare.statements).toHaveLength(1);
    expect(nested.statements).toHaveLength(2);
  });

  it('creates a record with many links in as many statements as with one link', async () => {
    const mentors = [];
    for (let i = 0; i < 10; i++) {
      const e = await t.ok(`mutation($e: String!) { createEmployee(input: { lastName: "Mentor", email: $e }) { id } }`, {
        e: `mentor${i}@example.com`,
      });
      mentors.push(e.createEmployee.id);
    }
    const query = `mutation($m: [ID!], $e: String!) {
      createEmployee(input: { lastName: "Mentee", email: $e, mentors: $m }) { id mentors { totalCount nodes { lastName mentees { totalCount } } } }
    }`;
    const one = await counted(query, { m: mentors.slice(0, 1), e: 'mentee1@example.com' });
    const ten = await counted(query, { m: mentors, e: 'mentee10@example.com' });
    expect(one.data.createEmployee.mentors.totalCount).toBe(1);
    expect(ten.data.createEmployee.mentors.totalCount).toBe(10);
    expect(ten.statements).toHaveLength(one.statements.length);
    expect(ten.statements.length).toBeLessThanOrEqual(4);
  });

  it('updates a record and returns nested data in a small constant number of statements', async () => {
    const bare = await counted(`mutation($id: ID!) { updateCompany(id: $id, input: { city: "Bonn" }) { id } }`, { id: firstCompany.id });
    const nested = await counted(
      `mutation($id: ID!) { updateCompany(id: $id, input: { city: "Köln" }) { city people { nodes { lastName company { city } } } salesRep { accounts { totalCount } } } }`,
      { id: firstCompany.id },
    );
    expect(nested.data.updateCompany.city).toBe('Köln');
    expect(nested.data.updateCompany.people.nodes.every((p: any) => p.company.city === 'Köln')).toBe(true);
    expect(bare.statements).toHaveLength(1);
    expect(nested.statements).toHaveLength(2);
  });

  it('returns the written values and references of a one-statement write as a later read sees them', async () => {
    const { data, statements } = await counted(
      `mutation($c: ID!) { createPerson(input: { lastName: "Once", company: $c }) { id version lastName createdAt company { name salesRep { lastName } } } }`,
      { c: firstCompany.id },
    );
    expect(statements).toHaveLength(1);
    const read = await t.ok(`query($id: ID!) { person(id: $id) { id version lastName createdAt company { name salesRep { lastName } } } }`, {
      id: data.createPerson.id,
    });
    expect(data.createPerson).toEqual(read.person);
    expect(data.createPerson).toMatchObject({ version: 1, lastName: 'Once', company: { name: 'Company 000', salesRep: { lastName: 'Seller' } } });
  });
});
