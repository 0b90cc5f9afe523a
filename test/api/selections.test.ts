import { BRIEF_CONDITION } from '../support/briefCondition';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * Selections (issue 7, contract section 7): the brief's example on data whose answer is known,
 * with its edge cases; union, intersection and exclusion of saved selections; reference
 * cycles; validation that names the bad path; sharing; snapshots.
 */

const THIS_YEAR = new Date().getUTCFullYear();
const LAST_YEAR = THIS_YEAR - 1;

const RUN = `query($id: ID!, $first: Int, $after: String) {
  runSelection(id: $id, first: $first, after: $after) {
    totalCount
    nodes { id ... on Person { lastName } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const CREATE = `mutation($input: SelectionInput!) { createSelection(input: $input) { id name type condition owner version } }`;

function fieldErrors(result: GraphQLResponse): string[] {
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return (result.errors![0]!.extensions!.fieldErrors as { field: string }[]).map((e) => e.field);
}

describe.each(DATABASE_KINDS)('selections on %s', (kind) => {
  let t: TestServer;
  const person: Record<string, string> = {};
  let orderNumber = 0;

  async function company(name: string, input: Record<string, unknown>, orders: [string, string, string, number][]) {
    const c = await t.ok(`mutation($input: CompanyCreateInput!) { createCompany(input: $input) { id } }`, { input: { name, ...input } });
    for (const [division, date, amount, licences] of orders) {
      await t.ok(`mutation($input: OrderCreateInput!) { createOrder(input: $input) { id } }`, {
        input: { number: `O-${orderNumber++}`, customer: c.createCompany.id, division, date, amount, licences },
      });
    }
    return c.createCompany.id as string;
  }

  async function addPerson(lastName: string, fn: string, companyId: string) {
    const p = await t.ok(`mutation($input: PersonCreateInput!) { createPerson(input: $input) { id } }`, {
      input: { lastName, function: fn, company: companyId },
    });
    person[lastName] = p.createPerson.id;
  }

  async function save(name: string, condition: unknown, type = 'person', sharedWithRoles: string[] = []) {
    const data = await t.ok(CREATE, { input: { name, type, condition, sharedWithRoles } });
    return data.createSelection.id as string;
  }

  async function members(id: string): Promise<string[]> {
    const data = await t.ok(RUN, { id, first: 500 });
    expect(data.runSelection.totalCount).toBe(data.runSelection.nodes.length);
    return data.runSelection.nodes.map((n: { lastName: string }) => n.lastName).sort();
  }

  beforeAll(async () => {
    t = await startTestServer(kind);
    const app = 'applicationSoftware';
    const last = (md: string) => `${LAST_YEAR}-${md}`;
    const de = (postalCode: string) => ({ country: 'DE', postalCode });
    await addPerson('Exact', 'purchasing', await company('Exactly 100000', de('10115'), [[app, last('03-01'), '100000.00', 6]]));
    await addPerson('JustBelow', 'purchasing', await company('Just below', de('20095'), [[app, last('03-01'), '99999.99', 10]]));
    await addPerson('TwoOrders', 'purchasing', await company('Two orders, 65999', de('65999'), [[app, last('01-01'), '60000', 3], [app, last('12-31'), '40000', 3]]));
    await addPerson('In66000', 'purchasing', await company('Postal code 66000', de('66000'), [[app, last('05-05'), '200000', 10]]));
    await addPerson('FiveLicences', 'purchasing', await company('Exactly five licences', de('80331'), [[app, last('05-05'), '150000', 5]]));
    await addPerson('OtherDivision', 'purchasing', await company('Revenue in another division', de('50667'), [[app, last('02-02'), '50000', 4], ['databaseSoftware', last('02-03'), '80000', 6]]));
    const twoDivisions = await company('Two divisions', de('04109'), [[app, last('06-01'), '120000', 8], ['consulting', last('06-02'), '10000', 0]]);
    await addPerson('TwoDivisions', 'purchasing', twoDivisions);
    await addPerson('Seller', 'sales', twoDivisions);
    await addPerson('Austria', 'purchasing', await company('In Austria', { country: 'AT', postalCode: '1010' }, [[app, last('07-07'), '500000', 10]]));
    await addPerson('WrongYears', 'purchasing', await company('Wrong years', de('10117'), [[app, `${THIS_YEAR}-01-01`, '300000', 10], [app, `${LAST_YEAR - 1}-12-31`, '300000', 10]]));
    const dbSoftware = await company('Database software', { country: 'AT', industries: ['databaseSoftware', 'manufacturing'] }, []);
    await addPerson('Director', 'managingDirector', dbSoftware);
    await addPerson('BuyerAtDbSoftware', 'purchasing', dbSoftware);
    await addPerson('OtherDirector', 'managingDirector', await company('Other software', { country: 'DE', industries: ['software'] }, []));
  });

  afterAll(() => t?.close());

  describe("the brief's example", () => {
    let brief: string;

    beforeAll(async () => {
      brief = await save('Buyers with application software revenue, and database directors', BRIEF_CONDITION);
    });

    it('selects exactly the buyers and directors the brief describes, edge cases included', async () => {
      expect(await members(brief)).toEqual(['Director', 'Exact', 'TwoDivisions', 'TwoOrders']);
    });

    it('keeps the condition as saved, relative dates unresolved, owned by the token subject', async () => {
      const data = await t.ok(`query($id: ID!) { selection(id: $id) { condition owner type version } }`, { id: brief });
      expect(data.selection).toEqual({ condition: BRIEF_CONDITION, owner: 'tester', type: 'person', version: 1 });
    });

    it('runs as one SQL statement after loading the saved selection', async () => {
      const statements: string[] = [];
      const off = t.server.db.onQuery((sql) => statements.push(sql));
      try {
        await t.ok(RUN, { id: brief });
      } finally {
        off();
      }
      expect(statements).toHaveLength(2);
      expect(statements[1]).toMatch(/EXISTS|SELECT coalesce\(sum/);
    });

    it('counts the page size of a RecordConnection in the query cost limit', async () => {
      const nested = `query($id: ID!) { runSelection(id: $id, first: 500) { nodes { ... on Person { company { people(first: 500) { nodes { lastName } } } } } } }`;
      const result = await t.gql(nested, { id: brief });
      expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    });

    it('pages through the members with cursors', async () => {
      const first = await t.ok(RUN, { id: brief, first: 3 });
      expect(first.runSelection.totalCount).toBe(4);
      expect(first.runSelection.nodes).toHaveLength(3);
      expect(first.runSelection.pageInfo.hasNextPage).toBe(true);
      const rest = await t.ok(RUN, { id: brief, first: 3, after: first.runSelection.pageInfo.endCursor });
      expect(rest.runSelection.nodes).toHaveLength(1);
      expect(rest.runSelection.pageInfo.hasNextPage).toBe(false);
      const all = [...first.runSelection.nodes, ...rest.runSelection.nodes].map((n: { lastName: string }) => n.lastName).sort();
      expect(all).toEqual(['Director', 'Exact', 'TwoDivisions', 'TwoOrders']);
    });

    it('previews the same condition unsaved, in one statement', async () => {
      const statements: string[] = [];
      const off = t.server.db.onQuery((sql) => statements.push(sql));
      let data;
      try {
        data = await t.ok(
          `query($c: JSON!) { previewSelection(type: "person", condition: $c, first: 10) { totalCount edges { node { ... on Person { lastName } } } } }`,
          { c: BRIEF_CONDITION },
        );
      } finally {
        off();
      }
      expect(statements).toHaveLength(1);
      expect(data.previewSelection.totalCount).toBe(4);
      expect(data.previewSelection.edges.map((e: any) => e.node.lastName).sort()).toEqual(['Director', 'Exact', 'TwoDivisions', 'TwoOrders']);
    });

    it('freezes the members in a snapshot that later changes do not alter', async () => {
      const snap = await t.ok(`mutation($id: ID!) { snapshotSelection(id: $id) { id type selection members { totalCount } } }`, { id: brief });
      expect(snap.snapshotSelection).toMatchObject({ type: 'person', selection: brief, members: { totalCount: 4 } });
      const exactCompany = await t.ok(`query($id: ID!) { person(id: $id) { company { id } } }`, { id: person.Exact });
      await addPerson('LateBuyer', 'purchasing', exactCompany.person.company.id);
      expect(await members(brief)).toContain('LateBuyer');
      const again = await t.ok(`query($id: ID!) { snapshot(id: $id) { members(first: 10) { totalCount nodes { ... on Person { lastName } } } } }`, {
        id: snap.snapshotSelection.id,
      });
      expect(again.snapshot.members.totalCount).toBe(4);
      expect(again.snapshot.members.nodes.map((n: any) => n.lastName).sort()).toEqual(['Director', 'Exact', 'TwoDivisions', 'TwoOrders']);
      await t.ok(`mutation($id: ID!) { deletePerson(id: $id) }`, { id: person.LateBuyer });
    });
  });

  describe('combining saved selections', () => {
    let buyers: string;
    let german: string;

    beforeAll(async () => {
      buyers = await save('Buyers', { function: { eq: 'purchasing' } });
      german = await save('At German companies', { company: { country: { eq: 'DE' } } });
    });

    it('unites, intersects and excludes saved selections with OR, AND and NOT', async () => {
      const union = await members(await save('Union', { OR: [{ selection: buyers }, { selection: german }] }));
      const intersection = await members(await save('Intersection', { AND: [{ selection: buyers }, { selection: german }] }));
      const exclusion = await members(await save('Exclusion', { selection: buyers, NOT: { selection: german } }));
      expect(intersection).toEqual(['Exact', 'FiveLicences', 'In66000', 'JustBelow', 'OtherDivision', 'TwoDivisions', 'TwoOrders', 'WrongYears']);
      expect(exclusion).toEqual(['Austria', 'BuyerAtDbSoftware']);
      expect(union).toEqual([...intersection, ...exclusion, 'OtherDirector', 'Seller'].sort());
    });

    it('uses a selection of companies through a reference', async () => {
      const dbCompanies = await save('Database software companies', { industries: { hasAny: ['databaseSoftware'] } }, 'company');
      expect(await members(await save('People there', { company: { selection: dbCompanies } }))).toEqual(['BuyerAtDbSoftware', 'Director']);
    });

    it('rejects a selection of another type where persons are selected', async () => {
      const companies = await save('All companies', {}, 'company');
      expect(fieldErrors(await t.gql(CREATE, { input: { name: 'Mixed', type: 'person', condition: { selection: companies } } }))).toEqual([
        'condition.selection',
      ]);
    });

    it('rejects references that form a cycle, also to itself, and keeps the old condition', async () => {
      const a = await save('A', { function: { eq: 'purchasing' } });
      const b = await save('B', { selection: a });
      const update = `mutation($id: ID!, $c: JSON!) { updateSelection(id: $id, input: { condition: $c }) { version } }`;
      const cycle = await t.gql(update, { id: a, c: { OR: [{ selection: b }] } });
      expect(fieldErrors(cycle)).toEqual(['condition']);
      expect(cycle.errors![0]!.message).toContain(`${a} -> ${b} -> ${a}`);
      expect(fieldErrors(await t.gql(update, { id: a, c: { selection: a } }))).toEqual(['condition']);
      const data = await t.ok(`query($id: ID!) { selection(id: $id) { condition version } }`, { id: a });
      expect(data.selection).toEqual({ condition: { function: { eq: 'purchasing' } }, version: 1 });
    });

    it('refuses to delete a selection another one uses', async () => {
      const base = await save('Base', { function: { eq: 'sales' } });
      const user = await save('User of base', { selection: base });
      const refused = await t.gql(`mutation($id: ID!) { deleteSelection(id: $id) }`, { id: base });
      expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      await t.ok(`mutation($id: ID!) { deleteSelection(id: $id) }`, { id: user });
      expect((await t.ok(`mutation($id: ID!) { deleteSelection(id: $id) }`, { id: base })).deleteSelection).toBe(base);
    });
  });

  describe('validation', () => {
    it('names the path of every bad part of a condition', async () => {
      const result = await t.gql(CREATE, {
        input: {
          name: 'Bad',
          type: 'person',
          condition: {
            company: { countryy: { eq: 'DE' }, revenueLastYear: { gte: 'lots' } },
            AND: [{ aggregate: { relation: 'people', fn: 'median', field: 'amount', gte: 1 } }],
            birthDate: { gte: { relative: 'startOfLastCentury' } },
            selection: 'not-an-id',
          },
        },
      });
      expect(fieldErrors(result).sort()).toEqual(
        [
          'condition.AND[0].aggregate.fn',
          'condition.AND[0].aggregate.relation',
          'condition.birthDate.gte.relative',
          'condition.company.countryy',
          'condition.company.revenueLastYear.gte',
          'condition.selection',
        ].sort(),
      );
    });

    it('checks aggregate fields against the related type', async () => {
      const result = await t.gql(
        `query($c: JSON!) { previewSelection(type: "company", condition: $c) { totalCount } }`,
        { c: { aggregate: { relation: 'orders', fn: 'sum', field: 'division', gte: 1 }, OR: [{ aggregate: { relation: 'orders', fn: 'count' } }] } },
      );
      expect(fieldErrors(result).sort()).toEqual(['condition.OR[0].aggregate', 'condition.aggregate.field']);
    });

    it('rejects an unknown type', async () => {
      expect(fieldErrors(await t.gql(CREATE, { input: { name: 'X', type: 'spaceship', condition: {} } }))).toEqual(['type']);
    });
  });

  describe('sharing', () => {
    it('shows a selection to its owner and to holders of a shared role only; only the owner changes it', async () => {
      const shared = await save('Shared with marketing', { function: { eq: 'purchasing' } }, 'person', ['marketing']);
      // admin gives the access (selections need a role that reads everything, issue 5); the
      // other role is only the name the selection is shared with.
      const marketing = await t.token('mia', ['admin', 'marketing']);
      const sales = await t.token('sam', ['admin', 'sales']);
      const read = `query($id: ID!) { selection(id: $id) { name } runSelection(id: $id) { totalCount } }`;
      expect((await t.gql(read, { id: shared }, marketing)).data?.selection).toEqual({ name: 'Shared with marketing' });
      const hidden = await t.gql(read, { id: shared }, sales);
      expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const update = await t.gql(`mutation($id: ID!) { updateSelection(id: $id, input: { name: "Mine" }) { id } }`, { id: shared }, marketing);
      expect(update.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const listed = await t.gql(`{ selections(type: "person") { name } }`, {}, sales);
      expect(listed.data?.selections).toEqual([]);
    });
  });
});
