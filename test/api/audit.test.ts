import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/** The audit trail (issue 5): every write appends an entry in the same statement; who, when, what, old and new. */

const HISTORY = `query($id: ID!, $first: Int, $after: String) {
  company(id: $id) { history(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { actor apiKey type recordId action at changes { field old new masked } }
  } }
}`;

describe.each(DATABASE_KINDS)('audit trail on %s', (kind) => {
  let t: TestServer;
  let admin: string;
  let manager: string;
  let assistant: string;
  const as = async (token: string, query: string, variables?: Record<string, unknown>): Promise<any> => {
    const r: GraphQLResponse = await t.gql(query, variables, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };

  beforeAll(async () => {
    t = await startTestServer(kind);
    admin = await t.token('root', ['admin']);
    manager = await t.token('sam', ['salesManager']);
    assistant = await t.token('ann', ['assistant']);
  });
  afterAll(() => t?.close());

  it('records a create with the creator and the values set, owner included', async () => {
    const { createCompany } = await as(manager, 'mutation { createCompany(input: { name: "Audited", city: "Bonn" }) { id } }');
    const { company } = await as(admin, HISTORY, { id: createCompany.id });
    expect(company.history.totalCount).toBe(1);
    const [entry] = company.history.nodes;
    expect(entry).toMatchObject({ actor: 'sam', apiKey: null, type: 'company', recordId: createCompany.id, action: 'create' });
    expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000);
    expect(entry.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', old: null, new: 'Audited', masked: false },
        { field: 'city', old: null, new: 'Bonn', masked: false },
        { field: 'owner', old: null, new: 'sam', masked: false },
      ]),
    );
  });

  it('records per field the old and new value of an update, only the fields that changed, newest first', async () => {
    const { createCompany } = await as(manager, 'mutation { createCompany(input: { name: "Changing", city: "Bonn", licences: 3 }) { id } }');
    await as(manager, 'mutation($id: ID!) { updateCompany(id: $id, input: { city: "Köln", licences: 3, revenueLastYear: "12.5" }) { id } }', { id: createCompany.id });
    const { company } = await as(admin, HISTORY, { id: createCompany.id });
    expect(company.history.nodes.map((n: { action: string }) => n.action)).toEqual(['update', 'create']);
    expect(company.history.nodes[0].changes).toEqual([
      { field: 'city', old: 'Bonn', new: 'Köln', masked: false },
      { field: 'revenueLastYear', old: null, new: 12.5, masked: false },
    ]);
  });

  it('records reassignments and deletions; the admin audit query finds entries of deleted records', async () => {
    const { createCompany } = await as(admin, 'mutation { createCompany(input: { name: "Short-lived" }) { id } }');
    const id = createCompany.id;
    await as(admin, 'mutation($id: ID!) { reassignCompany(id: $id, owner: "bob", area: "de") { id } }', { id });
    await as(admin, 'mutation($id: ID!) { deleteCompany(id: $id) }', { id });
    const { auditEntries } = await as(admin, 'query($id: ID!) { auditEntries(recordId: $id) { totalCount nodes { action actor changes { field old new } } } }', { id });
    expect(auditEntries.totalCount).toBe(3);
    const [deleted, reassigned] = auditEntries.nodes;
    expect(reassigned).toEqual({
      action: 'reassign',
      actor: 'root',
      changes: [
        { field: 'owner', old: 'root', new: 'bob' },
        { field: 'area', old: null, new: 'de' },
      ],
    });
    expect(deleted.action).toBe('delete');
    expect(deleted.changes).toEqual(expect.arrayContaining([{ field: 'name', old: 'Short-lived', new: null }, { field: 'owner', old: 'bob', new: null }]));
  });

  it('records what a delete does to referencing records: cascaded deletes and cleared references', async () => {
    const rep = (await as(admin, 'mutation { createEmployee(input: { lastName: "Leaving", email: "leaving@example.com" }) { id } }')).createEmployee.id;
    const { createCompany } = await as(admin, 'mutation($r: ID!) { createCompany(input: { name: "Parent", salesRep: $r }) { id } }', { r: rep });
    const { createPerson } = await as(admin, 'mutation($c: ID!) { createPerson(input: { lastName: "Child", company: $c }) { id } }', { c: createCompany.id });
    await as(admin, 'mutation($id: ID!) { deleteEmployee(id: $id) }', { id: rep });
    const cleared = await as(admin, 'query($id: ID!) { auditEntries(recordId: $id, first: 1) { nodes { action actor changes { field old new } } } }', { id: createCompany.id });
    expect(cleared.auditEntries.nodes[0]).toEqual({ action: 'update', actor: 'root', changes: [{ field: 'salesRep', old: rep, new: null }] });
    await as(admin, 'mutation($id: ID!) { deleteCompany(id: $id) }', { id: createCompany.id });
    const cascaded = await as(admin, 'query($id: ID!) { auditEntries(recordId: $id) { nodes { action actor type changes { field old } } } }', { id: createPerson.id });
    expect(cascaded.auditEntries.nodes[0]).toMatchObject({ action: 'delete', actor: 'root', type: 'person' });
    expect(cascaded.auditEntries.nodes[0].changes).toContainEqual({ field: 'lastName', old: 'Child' });
  });

  it('records the old and new ids of a references field', async () => {
    const m1 = (await as(admin, 'mutation { createEmployee(input: { lastName: "M1", email: "m1@example.com" }) { id } }')).createEmployee.id;
    const m2 = (await as(admin, 'mutation { createEmployee(input: { lastName: "M2", email: "m2@example.com" }) { id } }')).createEmployee.id;
    const { createEmployee } = await as(admin, 'mutation($m: [ID!]) { createEmployee(input: { lastName: "Mentee", email: "mentee@example.com", mentors: $m }) { id } }', { m: [m1] });
    await as(admin, 'mutation($id: ID!, $m: [ID!]) { updateEmployee(id: $id, input: { mentors: $m }) { id } }', { id: createEmployee.id, m: [m1, m2] });
    const { employee } = await as(admin, 'query($id: ID!) { employee(id: $id) { history { nodes { action changes { field old new } } } } }', { id: createEmployee.id });
    expect(employee.history.nodes[0]).toEqual({ action: 'update', changes: [{ field: 'mentors', old: [m1], new: [m1, m2].sort() }] });
  });

  it('masks sensitive values for readers without sensitive access', async () => {
    const { createPerson } = await as(manager, 'mutation { createPerson(input: { lastName: "Private", notes: "secret" }) { id } }');
    const query = 'query($id: ID!) { person(id: $id) { history { nodes { changes { field old new masked } } } } }';
    const seenByManager = (await as(manager, query, { id: createPerson.id })).person.history.nodes[0].changes;
    expect(seenByManager).toContainEqual({ field: 'notes', old: null, new: 'secret', masked: false });
    const seenByAssistant = (await as(assistant, query, { id: createPerson.id })).person.history.nodes[0].changes;
    expect(seenByAssistant).toContainEqual({ field: 'notes', old: null, new: null, masked: true });
    expect(seenByAssistant).toContainEqual({ field: 'lastName', old: null, new: 'Private', masked: false });
    expect(JSON.stringify(seenByAssistant)).not.toContain('secret');
  });

  it('writes no entry when the write fails', async () => {
    await as(admin, 'mutation { createEmployee(input: { lastName: "Unique", email: "taken@example.com" }) { id } }');
    const before = (await as(admin, '{ auditEntries(type: "employee") { totalCount } }')).auditEntries.totalCount;
    const r = await t.gql('mutation { createEmployee(input: { lastName: "Twin", email: "taken@example.com" }) { id } }', undefined, admin);
    expect(r.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const stale = await t.gql('mutation { createCompany(input: { name: "V" }) { id version } }', undefined, admin);
    const id = stale.data.createCompany.id;
    const conflict = await t.gql('mutation($id: ID!) { updateCompany(id: $id, input: { city: "X" }, expectedVersion: 7) { id } }', { id }, admin);
    expect(conflict.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await as(admin, '{ auditEntries(type: "employee") { totalCount } }')).auditEntries.totalCount).toBe(before);
    expect((await as(admin, HISTORY, { id })).company.history.totalCount).toBe(1);
  });

  it('pages history with first and after', async () => {
    const { createCompany } = await as(admin, 'mutation { createCompany(input: { name: "Paged" }) { id } }');
    for (const city of ['A', 'B', 'C']) {
      await as(admin, 'mutation($id: ID!, $c: String) { updateCompany(id: $id, input: { city: $c }) { id } }', { id: createCompany.id, c: city });
    }
    const first = (await as(admin, HISTORY, { id: createCompany.id, first: 2 })).company.history;
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.nodes.map((n: any) => n.changes[0].new)).toEqual(['C', 'B']);
    const second = (await as(admin, HISTORY, { id: createCompany.id, first: 2, after: first.pageInfo.endCursor })).company.history;
    expect(second.nodes.map((n: any) => n.action)).toEqual(['update', 'create']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const forged = await t.gql(HISTORY, { id: createCompany.id, after: 'bm9wZQ==' }, admin);
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('loads the history of many records in one statement', async () => {
    const statements: string[] = [];
    const stop = t.server.db.onQuery((sql) => statements.push(sql));
    const data = await as(admin, '{ companies(first: 20) { nodes { name history(first: 1) { totalCount nodes { action } } } } }');
    stop();
    expect(data.companies.nodes.length).toBeGreaterThan(3);
    expect(data.companies.nodes.every((n: any) => n.history.totalCount >= 1)).toBe(true);
    expect(statements).toHaveLength(2);
  });

  it('offers the audit query only to roles with audit access', async () => {
    const r = await t.gql('{ auditEntries { totalCount } }', undefined, manager);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
