import { DATABASE_KINDS } from '../support/databases';
import { fieldErrors } from '../support/fieldErrors';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * Selections and snapshots within the caller's permissions (issue 7 after issue 5), with the
 * sample roles: accountManager (sub alice) reads the companies alice owns, salesRep (area de)
 * those in area de, salesManager and admin every one.
 *
 *   company  owner  area  licences  salesRep   people
 *   Alpha    alice  de    3         Eve        Pia (purchasing)
 *   Bravo    bob    at    10        Eve        Paul
 *   Carol    carol  de    4         Eve        Petra
 */

const PREVIEW = `query($type: String!, $condition: JSON!) {
  previewSelection(type: $type, condition: $condition, first: 50) {
    totalCount
    nodes { ... on Company { name } ... on Person { lastName } ... on Employee { lastName } }
  }
}`;

const names = (r: GraphQLResponse) => {
  expect(r.errors).toBeUndefined();
  return (r.data.previewSelection ?? r.data.runSelection ?? r.data.snapshot.members).nodes.map((n: { name?: string; lastName?: string }) => n.name ?? n.lastName).sort();
};

describe.each(DATABASE_KINDS)('selections within row scopes on %s', (kind) => {
  let t: TestServer;
  let alice: string;
  let rep: string;
  let manager: string;
  let admin: string;

  const preview = (token: string, type: string, condition: unknown) => t.gql(PREVIEW, { type, condition }, token);

  beforeAll(async () => {
    t = await startTestServer(kind);
    [alice, rep, manager, admin] = await Promise.all([
      t.token('alice', ['accountManager']),
      t.token('rita', ['salesRep'], { areas: ['de'], teams: ['north'] }),
      t.token('mia', ['salesManager']),
      t.token('root', ['admin']),
    ]);
    const eve = (await t.ok(`mutation { createEmployee(input: { lastName: "Eve", email: "eve@example.com" }) { id } }`)).createEmployee.id;
    const companies: [string, string, string, number, string, string][] = [
      ['Alpha', 'alice', 'de', 3, 'Pia', 'purchasing'],
      ['Bravo', 'bob', 'at', 10, 'Paul', 'purchasing'],
      ['Carol', 'carol', 'de', 4, 'Petra', 'purchasing'],
    ];
    for (const [name, owner, area, licences, person, fn] of companies) {
      const id = (await t.ok(`mutation($i: CompanyCreateInput!) { createCompany(input: $i) { id } }`, { i: { name, country: 'DE', licences, salesRep: eve } })).createCompany.id;
      await t.ok(`mutation($id: ID!, $o: String, $a: String) { reassignCompany(id: $id, owner: $o, area: $a) { id } }`, { id, o: owner, a: area });
      await t.ok(`mutation($i: PersonCreateInput!) { createPerson(input: $i) { id } }`, { i: { lastName: person, function: fn, company: id } });
      await t.ok(`mutation($i: OrderCreateInput!) { createOrder(input: $i) { id } }`, {
        i: { number: `O-${name}`, customer: id, division: 'applicationSoftware', date: '2025-03-01', amount: '150000', licences },
      });
    }
  });
  afterAll(() => t?.close());

  it('previews and runs only records the caller may read', async () => {
    expect(names(await preview(alice, 'company', { country: { eq: 'DE' } }))).toEqual(['Alpha']);
    expect(names(await preview(rep, 'company', { country: { eq: 'DE' } }))).toEqual(['Alpha', 'Carol']);
    expect(names(await preview(manager, 'company', { country: { eq: 'DE' } }))).toEqual(['Alpha', 'Bravo', 'Carol']);
    const saved = await t.gql(`mutation($i: SelectionInput!) { createSelection(input: $i) { id } }`, { i: { name: 'DE', type: 'company', condition: { country: { eq: 'DE' } } } }, alice);
    const run = await t.gql(`query($id: ID!) { runSelection(id: $id) { totalCount nodes { ... on Company { name } } } }`, { id: saved.data.createSelection.id }, alice);
    expect(names(run)).toEqual(['Alpha']);
    expect(run.data.runSelection.totalCount).toBe(1);
  });

  it('matches through references and inverses only on rows the caller may see', async () => {
    // Every person is readable; their companies are not.
    expect(names(await preview(alice, 'person', { company: { country: { eq: 'DE' } } }))).toEqual(['Pia']);
    expect(names(await preview(rep, 'person', { company: { licences: { gte: 0 } } }))).toEqual(['Petra', 'Pia']);
    expect(names(await preview(alice, 'employee', { accounts: { some: { licences: { gte: 10 } } } }))).toEqual([]);
    expect(names(await preview(admin, 'employee', { accounts: { some: { licences: { gte: 10 } } } }))).toEqual(['Eve']);
    expect(names(await preview(alice, 'employee', { accounts: { none: { licences: { gte: 10 } } } }))).toEqual(['Eve']);
    expect(names(await preview(alice, 'employee', { accounts: { every: { licences: { lt: 4 } } } }))).toEqual(['Eve']);
    expect(names(await preview(admin, 'employee', { accounts: { every: { licences: { lt: 4 } } } }))).toEqual([]);
  });

  it('aggregates only the related rows the caller may see, so hidden rows neither match nor leak', async () => {
    const sum = (op: string, value: number) => ({ aggregate: { relation: 'accounts', fn: 'sum', field: 'licences', [op]: value } });
    expect(names(await preview(admin, 'employee', sum('eq', 17)))).toEqual(['Eve']);
    expect(names(await preview(alice, 'employee', sum('eq', 17)))).toEqual([]);
    expect(names(await preview(alice, 'employee', sum('eq', 3)))).toEqual(['Eve']);
    expect(names(await preview(rep, 'employee', sum('eq', 7)))).toEqual(['Eve']);
    expect(names(await preview(rep, 'employee', { aggregate: { relation: 'accounts', fn: 'count', eq: 2 } }))).toEqual(['Eve']);
    expect(names(await preview(rep, 'employee', { aggregate: { relation: 'accounts', fn: 'max', field: 'licences', eq: 10 } }))).toEqual([]);
    // Orders are visible to the sales manager: each company's own orders count, no others.
    const orders = { aggregate: { relation: 'orders', fn: 'sum', field: 'amount', gte: 150000 } };
    expect(names(await preview(manager, 'person', { company: orders }))).toEqual(['Paul', 'Petra', 'Pia']);
  });

  it('refuses conditions on types, relations and fields the caller may not read, naming each path', async () => {
    // accountManager reads no orders, salesRep no revenueLastYear (readRoles), neither the sensitive notes.
    const orders = { aggregate: { relation: 'orders', fn: 'sum', field: 'amount', gte: 1 } };
    expect(fieldErrors(await preview(alice, 'company', orders))).toEqual(['condition.aggregate.relation']);
    expect(fieldErrors(await preview(alice, 'company', { orders: { some: {} } }))).toEqual(['condition.orders']);
    expect(fieldErrors(await preview(alice, 'order', {}))).toEqual(['type']);
    expect(fieldErrors(await preview(rep, 'person', { company: { revenueLastYear: { gte: 1 } }, notes: { like: '%' } }))).toEqual([
      'condition.company.revenueLastYear',
      'condition.notes',
    ]);
    expect(fieldErrors(await preview(rep, 'employee', { aggregate: { relation: 'accounts', fn: 'sum', field: 'revenueLastYear', gte: 1 } }))).toEqual([
      'condition.aggregate.field',
    ]);
    expect(names(await preview(manager, 'company', { revenueLastYear: { isNull: true } }))).toEqual(['Alpha', 'Bravo', 'Carol']);
  });

  it('evaluates referenced saved selections with the caller’s scope', async () => {
    const big = await t.gql(
      `mutation($i: SelectionInput!) { createSelection(input: $i) { id } }`,
      { i: { name: 'Big', type: 'company', condition: { licences: { gte: 10 } }, sharedWithRoles: ['accountManager'] } },
      admin,
    );
    const id = big.data.createSelection.id;
    expect(names(await preview(admin, 'person', { company: { selection: id } }))).toEqual(['Paul']);
    expect(names(await preview(alice, 'person', { company: { selection: id } }))).toEqual([]);
    expect(names(await preview(alice, 'company', { NOT: { selection: id } }))).toEqual(['Alpha']);
  });

  it('snapshots only members the taker may see, and hides from each reader the members they may not see', async () => {
    const create = (token: string, input: Record<string, unknown>) => t.gql(`mutation($i: SelectionInput!) { createSelection(input: $i) { id } }`, { i: input }, token);
    const snapshot = (token: string, id: string) => t.gql(`mutation($id: ID!) { snapshotSelection(id: $id) { id members { totalCount } } }`, { id }, token);
    const members = (token: string, id: string) =>
      t.gql(`query($id: ID!) { snapshot(id: $id) { members { totalCount nodes { ... on Company { name } } } } }`, { id }, token);

    // alice's snapshot holds her one company, also for a sales manager it is shared with.
    const mine = await create(alice, { name: 'Mine', type: 'company', condition: {}, sharedWithRoles: ['salesManager'] });
    const taken = await snapshot(alice, mine.data.createSelection.id);
    expect(taken.data.snapshotSelection.members.totalCount).toBe(1);
    expect(names(await members(manager, taken.data.snapshotSelection.id))).toEqual(['Alpha']);

    // The admin's snapshot of all three, shared with account managers: alice sees her member only.
    const all = await create(admin, { name: 'All', type: 'company', condition: {}, sharedWithRoles: ['accountManager', 'salesRep'] });
    const full = await snapshot(admin, all.data.createSelection.id);
    expect(full.data.snapshotSelection.members.totalCount).toBe(3);
    expect(names(await members(alice, full.data.snapshotSelection.id))).toEqual(['Alpha']);
    expect(names(await members(rep, full.data.snapshotSelection.id))).toEqual(['Alpha', 'Carol']);
    const counted = await members(alice, full.data.snapshotSelection.id);
    expect(counted.data.snapshot.members.totalCount).toBe(1);
  });
});
