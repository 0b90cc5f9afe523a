import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * The permission matrix of the sample roles (issue 5) over HTTP: each role sees exactly the
 * records and fields roles.yaml gives it, by every path the API offers (single, list,
 * totalCount, nested references and inverses, filters through relations), and writes only
 * what its scopes allow.
 *
 * Companies:  owner  team   area
 *   Alpha     alice  north  de
 *   Beta      bob    south  at
 *   Gamma     carol  north  at
 */

type Gql = (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;

describe.each(DATABASE_KINDS)('access control on %s', (kind) => {
  let t: TestServer;
  const ids: Record<string, string> = {};
  let rep: string;
  const as = {} as { [who: string]: Gql } & Record<'admin' | 'manager' | 'alice' | 'dave' | 'erin' | 'assistant' | 'nobody', Gql>;

  const ok = async (gql: Gql, query: string, variables?: Record<string, unknown>) => {
    const r = await gql(query, variables);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const names = (nodes: { name: string }[]) => nodes.map((n) => n.name).sort();

  beforeAll(async () => {
    t = await startTestServer(kind, { env: { INTROSPECTION: 'on' } });
    const viewer = (sub: string, roles: string[], groups: { teams?: string[]; areas?: string[] } = {}): Gql => {
      const token = t.token(sub, roles, groups);
      return async (query, variables) => t.gql(query, variables, await token);
    };
    as.admin = viewer('root', ['admin']);
    as.manager = viewer('sam', ['salesManager']);
    as.alice = viewer('alice', ['accountManager']);
    as.dave = viewer('dave', ['salesRep'], { teams: ['north'], areas: ['at'] });
    as.erin = viewer('erin', ['salesRep'], { teams: ['north'] });
    as.assistant = viewer('ann', ['assistant']);
    as.nobody = viewer('nobody', ['unknownRole']);

    rep = (await ok(as.admin, 'mutation { createEmployee(input: { lastName: "Rep", email: "rep@example.com" }) { id } }')).createEmployee.id;
    const owners = { Alpha: ['alice', 'north', 'de'], Beta: ['bob', 'south', 'at'], Gamma: ['carol', 'north', 'at'] };
    for (const [name, [owner, team, area]] of Object.entries(owners)) {
      const c = await ok(as.admin, 'mutation($n: String!, $r: ID!) { createCompany(input: { name: $n, salesRep: $r, revenueLastYear: "1000" }) { id } }', { n: name, r: rep });
      ids[name] = c.createCompany.id;
      await ok(as.admin, 'mutation($id: ID!, $o: String, $t: String, $a: String) { reassignCompany(id: $id, owner: $o, team: $t, area: $a) { id } }', {
        id: ids[name], o: owner, t: team, a: area,
      });
      await ok(as.admin, 'mutation($c: ID!, $l: String!) { createPerson(input: { lastName: $l, company: $c, notes: "private" }) { id } }', { c: ids[name], l: `${name} Contact` });
    }
  });
  afterAll(() => t?.close());

  const COMPANIES = '{ companies(orderBy: [{ name: ASC }]) { totalCount nodes { name } } }';

  it.each([
    ['admin', ['Alpha', 'Beta', 'Gamma']],
    ['manager', ['Alpha', 'Beta', 'Gamma']],
    ['alice', ['Alpha']],
    ['dave', ['Beta', 'Gamma']],
    ['erin', []],
    ['assistant', ['Alpha', 'Beta', 'Gamma']],
  ])('lists and counts only the companies %s may read', async (who, expected) => {
    const data = await ok(as[who]!, COMPANIES);
    expect(names(data.companies.nodes)).toEqual(expected);
    expect(data.companies.totalCount).toBe(expected.length);
  });

  it('answers null for a single company outside the read scope, the record inside it', async () => {
    const query = 'query($id: ID!) { company(id: $id) { name owner team area } }';
    expect((await ok(as.alice, query, { id: ids.Beta })).company).toBeNull();
    expect((await ok(as.alice, query, { id: ids.Alpha })).company).toEqual({ name: 'Alpha', owner: 'alice', team: 'north', area: 'de' });
    expect((await ok(as.dave, query, { id: ids.Alpha })).company).toBeNull();
  });

  it('reads a reference to an invisible company as null and leaves it out of nested connections', async () => {
    const people = await ok(as.alice, '{ people(orderBy: [{ lastName: ASC }]) { totalCount nodes { lastName company { name } } } }');
    expect(people.people.totalCount).toBe(3);
    expect(people.people.nodes).toEqual([
      { lastName: 'Alpha Contact', company: { name: 'Alpha' } },
      { lastName: 'Beta Contact', company: null },
      { lastName: 'Gamma Contact', company: null },
    ]);
    const employee = await ok(as.alice, 'query($id: ID!) { employee(id: $id) { accounts { totalCount nodes { name } } } }', { id: rep });
    expect(employee.employee.accounts).toEqual({ totalCount: 1, nodes: [{ name: 'Alpha' }] });
    const viaList = await ok(as.dave, '{ employees { nodes { accounts(orderBy: [{ name: DESC }]) { totalCount edges { node { name } } } } } }');
    expect(viaList.employees.nodes[0].accounts).toEqual({ totalCount: 2, edges: [{ node: { name: 'Gamma' } }, { node: { name: 'Beta' } }] });
  });

  it('does not let a filter through a relation reveal an invisible company', async () => {
    const byCompany = '{ people(where: { company: { name: { eq: "Beta" } } }) { totalCount } }';
    expect((await ok(as.alice, byCompany)).people.totalCount).toBe(0);
    expect((await ok(as.manager, byCompany)).people.totalCount).toBe(1);
    const byAccount = '{ employees(where: { accounts: { some: { name: { eq: "Beta" } } } }) { totalCount } }';
    expect((await ok(as.alice, byAccount)).employees.totalCount).toBe(0);
    expect((await ok(as.admin, byAccount)).employees.totalCount).toBe(1);
    const none = '{ employees(where: { accounts: { none: { name: { eq: "Beta" } } } }) { totalCount } }';
    expect((await ok(as.alice, none)).employees.totalCount).toBe(1);
    const every = '{ employees(where: { accounts: { every: { name: { eq: "Alpha" } } } }) { totalCount } }';
    expect((await ok(as.alice, every)).employees.totalCount).toBe(1);
    expect((await ok(as.admin, every)).employees.totalCount).toBe(0);
    const owner = '{ companies(where: { owner: { eq: "bob" } }) { totalCount } }';
    expect((await ok(as.alice, owner)).companies.totalCount).toBe(0);
  });

  it('hides fields outside readRoles and sensitive fields from roles without sensitive access, in every position', async () => {
    const hidden: [string, string][] = [
      ['assistant', '{ companies { nodes { revenueLastYear } } }'],
      ['assistant', '{ companies(where: { revenueLastYear: { gt: 0 } }) { totalCount } }'],
      ['assistant', '{ companies(orderBy: [{ revenueLastYear: DESC }]) { totalCount } }'],
      ['assistant', '{ people { nodes { notes } } }'],
      ['assistant', '{ people(where: { notes: { like: "%private%" } }) { totalCount } }'],
      ['assistant', '{ patients { nodes { allergies } } }'],
      ['dave', '{ companies { nodes { revenueLastYear } } }'],
    ];
    for (const [who, query] of hidden) {
      const r = await as[who]!(query);
      expect({ who, query, code: r.errors?.[0]?.extensions?.code }).toEqual({ who, query, code: 'GRAPHQL_VALIDATION_FAILED' });
    }
    expect((await ok(as.manager, '{ people(where: { notes: { like: "%private%" } }) { totalCount nodes { notes } } }')).people.totalCount).toBe(3);
  });

  it('gives each role a schema that shows only what it may use (introspection reveals nothing hidden)', async () => {
    const fieldsOf = async (who: string, type: string) => {
      const data = await ok(as[who]!, 'query($n: String!) { __type(name: $n) { fields { name } inputFields { name } } }', { n: type });
      const list = data.__type?.fields ?? data.__type?.inputFields;
      return list ? list.map((f: { name: string }) => f.name) : null;
    };
    expect(await fieldsOf('admin', 'Person')).toContain('notes');
    expect(await fieldsOf('assistant', 'Person')).not.toContain('notes');
    expect(await fieldsOf('assistant', 'Company')).not.toContain('revenueLastYear');
    expect(await fieldsOf('assistant', 'CompanyWhere')).not.toContain('revenueLastYear');
    expect(await fieldsOf('assistant', 'Patient')).not.toContain('allergies');
    expect(await fieldsOf('alice', 'CompanyUpdateInput')).not.toContain('companyClass');
    expect(await fieldsOf('manager', 'CompanyUpdateInput')).toContain('companyClass');
    expect(await fieldsOf('alice', 'Member')).toBeNull();
    expect(await fieldsOf('nobody', 'Company')).toBeNull();
    const mutations = async (who: string) =>
      ((await ok(as[who]!, '{ __schema { mutationType { fields { name } } } }')).__schema.mutationType?.fields ?? []).map((f: { name: string }) => f.name);
    expect(await mutations('alice')).toEqual(expect.arrayContaining(['createCompany', 'updateCompany', 'createPerson']));
    expect(await mutations('alice')).not.toEqual(expect.arrayContaining(['deleteCompany']));
    expect(await mutations('alice')).not.toContain('reassignCompany');
    expect(await mutations('assistant')).not.toContain('createCompany');
    expect(await mutations('manager')).toContain('reassignCompany');
    expect(await mutations('nobody')).toEqual([]);
    const metadata = await ok(as.assistant, '{ metadata { types { name fields { name } layout { fields } } } }');
    const patient = metadata.metadata.types.find((x: { name: string }) => x.name === 'patient');
    expect(patient.fields.map((f: { name: string }) => f.name)).not.toContain('allergies');
    expect(patient.layout.flatMap((s: { fields: string[] }) => s.fields)).not.toContain('allergies');
    expect(metadata.metadata.types.map((x: { name: string }) => x.name).sort()).toEqual(['company', 'employee', 'journalEntry', 'member', 'patient', 'person']);
  });

  it('lets an account manager update only the companies they own: NOT_FOUND for the others, nothing changed', async () => {
    const update = 'mutation($id: ID!, $c: String) { updateCompany(id: $id, input: { city: $c }) { name city version } }';
    const own = await as.alice(update, { id: ids.Alpha, c: 'Berlin' });
    expect(own.errors).toBeUndefined();
    expect(own.data.updateCompany).toMatchObject({ name: 'Alpha', city: 'Berlin' });
    const other = await as.alice(update, { id: ids.Beta, c: 'Hacked' });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(other.errors?.[0]?.message).toBe(`Company ${ids.Beta} does not exist`);
    const beta = await ok(as.admin, 'query($id: ID!) { company(id: $id) { city version } }', { id: ids.Beta });
    expect(beta.company.city).toBeNull();
  });

  it('changes addresses only with the rights of their record: NOT_FOUND for a company the account manager does not own', async () => {
    const add = 'mutation($id: ID!) { addCompanyAddress(id: $id, input: { kind: "billing", city: "Köln" }) { id city } }';
    const own = await as.alice(add, { id: ids.Alpha });
    expect(own.errors).toBeUndefined();
    expect((await as.alice(add, { id: ids.Beta })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const theirs = await ok(as.admin, add, { id: ids.Beta });
    const del = 'mutation($id: ID!) { deleteAddress(id: $id) }';
    expect((await as.alice(del, { id: theirs.addCompanyAddress.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await as.alice(del, { id: own.data.addCompanyAddress.id })).data?.deleteAddress).toBe(own.data.addCompanyAddress.id);
    const beta = await ok(as.admin, 'query($id: ID!) { company(id: $id) { addresses { city } } }', { id: ids.Beta });
    expect(beta.company.addresses).toEqual([{ city: 'Köln' }]);
  });

  it('answers FORBIDDEN to an update of a visible record outside the update scope, NOT_FOUND to an invisible one', async () => {
    const update = 'mutation($id: ID!) { updateCompany(id: $id, input: { city: "Graz" }) { name city } }';
    expect((await as.dave(update, { id: ids.Gamma })).data?.updateCompany).toEqual({ name: 'Gamma', city: 'Graz' });
    expect((await as.dave(update, { id: ids.Beta })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as.dave(update, { id: ids.Alpha })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const beta = await ok(as.admin, 'query($id: ID!) { company(id: $id) { city } }', { id: ids.Beta });
    expect(beta.company.city).toBeNull();
  });

  it('makes the creator the owner and checks the create scope against their teams and areas', async () => {
    const create = 'mutation($n: String!) { createCompany(input: { name: $n }) { name owner team area } }';
    expect((await ok(as.alice, create, { n: 'Alice New' })).createCompany).toEqual({ name: 'Alice New', owner: 'alice', team: null, area: null });
    expect((await ok(as.dave, create, { n: 'Dave New' })).createCompany).toEqual({ name: 'Dave New', owner: 'dave', team: 'north', area: 'at' });
    const refused = await as.erin(create, { n: 'Erin New' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await ok(as.admin, '{ companies(where: { name: { eq: "Erin New" } }) { totalCount } }')).companies.totalCount).toBe(0);
    const input = await as.alice('mutation { createCompany(input: { name: "X", owner: "bob" }) { id } }');
    expect(input.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('reassigns ownership only with the reassign permission, and the new owner sees the record', async () => {
    const reassign = 'mutation($id: ID!, $o: String) { reassignCompany(id: $id, owner: $o) { name owner } }';
    expect((await as.alice(reassign, { id: ids.Alpha, o: 'alice' })).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await ok(as.manager, reassign, { id: ids.Beta, o: 'alice' })).reassignCompany).toEqual({ name: 'Beta', owner: 'alice' });
    expect((await ok(as.alice, 'query($id: ID!) { company(id: $id) { name } }', { id: ids.Beta })).company).toEqual({ name: 'Beta' });
    expect((await as.manager(reassign, { id: ids.Beta, o: null })).errors?.[0]?.extensions?.fieldErrors).toEqual([
      { field: 'owner', message: 'cannot be cleared' },
    ]);
    await ok(as.manager, reassign, { id: ids.Beta, o: 'bob' });
    expect((await ok(as.alice, 'query($id: ID!) { company(id: $id) { name } }', { id: ids.Beta })).company).toBeNull();
  });

  it('deletes only within the delete scope', async () => {
    const c = await ok(as.manager, 'mutation { createCompany(input: { name: "Doomed" }) { id } }');
    expect((await as.alice('mutation($id: ID!) { deleteCompany(id: $id) }', { id: c.createCompany.id })).errors?.[0]?.extensions?.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect((await ok(as.manager, 'mutation($id: ID!) { deleteCompany(id: $id) }', { id: c.createCompany.id })).deleteCompany).toBe(c.createCompany.id);
  });

  it('refuses a reference to a company the caller cannot see as if it did not exist', async () => {
    const create = 'mutation($c: ID!) { createPerson(input: { lastName: "Linked", company: $c }) { company { name } } }';
    const hidden = await as.alice(create, { c: ids.Beta });
    expect(hidden.errors?.[0]?.extensions?.fieldErrors).toEqual([{ field: 'company', message: 'refers to a record that does not exist' }]);
    const missing = await as.alice(create, { c: '00000000-0000-4000-8000-000000000000' });
    expect(missing.errors?.[0]?.extensions?.fieldErrors).toEqual(hidden.errors?.[0]?.extensions?.fieldErrors);
    expect((await ok(as.alice, create, { c: ids.Alpha })).createPerson.company).toEqual({ name: 'Alpha' });
    expect((await ok(as.admin, '{ people(where: { lastName: { eq: "Linked" } }) { totalCount } }')).people.totalCount).toBe(1);
  });

  it('serves a token without a known role a schema without any type', async () => {
    const r = await as.nobody(COMPANIES);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await ok(as.nobody, '{ metadata { types { name } } }')).metadata.types).toEqual([]);
  });
});
