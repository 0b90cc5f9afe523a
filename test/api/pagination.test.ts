import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * Connections (contract section 3): keyset pagination forward and backward over every
 * ordering, page sizes, argument errors (section 4), nested per-parent pages, aliases,
 * fragments and __typename.
 */

interface Row {
  id: string;
  name: string;
  licences: number | null;
  revenueLastYear: string | null;
}

interface Page {
  totalCount: number;
  nodes: Row[];
  edges: { cursor: string; node: Row }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const COMPANY_COUNT = 23;
const PATIENT_COUNT = 510;

const PAGE_QUERY = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: [CompanyOrderBy!]) {
  companies(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount
    nodes { id name licences revenueLastYear }
    edges { cursor node { id name licences revenueLastYear } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const pad = (i: number) => `C${String(i).padStart(2, '0')}`;
const licencesOf = (i: number) => (i % 5 === 0 ? null : i % 4);
const revenueOf = (i: number) => (i % 3 === 0 ? null : i % 2 === 0 ? '100.10' : '1000.05');

function expectBadInput(result: GraphQLResponse, field: string) {
  expect(result.errors).toBeDefined();
  const error = result.errors![0]!;
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  expect((error.extensions?.fieldErrors ?? []).map((e: { field: string }) => e.field)).toContain(field);
}

/** Compares with nulls as greatest or smallest, then by id ascending (the tie-break). */
function comparator(key: 'licences' | 'revenueLastYear', descending: boolean, nullsFirst: boolean) {
  return (a: Row, b: Row) => {
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) {
      if (x === null && y !== null) return nullsFirst ? -1 : 1;
      if (y === null && x !== null) return nullsFirst ? 1 : -1;
    } else {
      const diff = Number(x) - Number(y);
      if (diff !== 0) return descending ? -diff : diff;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

describe.each(DATABASE_KINDS)('pagination on %s', (kind) => {
  let t: TestServer;
  let rows: Row[] = [];
  const companyId: Record<string, string> = {};

  async function page(variables: Record<string, unknown>): Promise<Page> {
    const data = await t.ok(PAGE_QUERY, variables);
    return data.companies as Page;
  }

  /** Every row in one request (no paging). */
  async function all(orderBy?: unknown): Promise<Row[]> {
    return (await page({ first: 100, orderBy })).nodes;
  }

  /** Checks the invariants of one page and returns it. */
  function checkPage(p: Page) {
    expect(p.totalCount).toBe(COMPANY_COUNT);
    expect(p.edges.map((e) => e.node)).toEqual(p.nodes);
    expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? null);
    expect(p.pageInfo.endCursor).toBe(p.edges[p.edges.length - 1]?.cursor ?? null);
    return p;
  }

  async function walkForward(orderBy: unknown, size = 5) {
    const visited: Row[] = [];
    const flags: [boolean, boolean][] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const p = checkPage(await page({ first: size, after, orderBy }));
      visited.push(...p.nodes);
      flags.push([p.pageInfo.hasPreviousPage, p.pageInfo.hasNextPage]);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    return { visited, flags };
  }

  async function walkBackward(orderBy: unknown, size = 5) {
    let visited: Row[] = [];
    const flags: [boolean, boolean][] = [];
    let before: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const p = checkPage(await page({ last: size, before, orderBy }));
      visited = [...p.nodes, ...visited];
      flags.push([p.pageInfo.hasPreviousPage, p.pageInfo.hasNextPage]);
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    return { visited, flags };
  }

  const ids = (list: readonly Row[]) => list.map((r) => r.id);

  beforeAll(async () => {
    t = await startTestServer(kind);
    const rep = await t.ok(`mutation { createEmployee(input: { lastName: "Rep", email: "rep@example.com" }) { id } }`);
    // Created in a scrambled order so that neither id nor creation order follows the names.
    const order = Array.from({ length: COMPANY_COUNT }, (_, i) => ((i * 7) % COMPANY_COUNT) + 1);
    for (const i of order) {
      const data = await t.ok(
        `mutation($input: CompanyCreateInput!) { createCompany(input: $input) { id name licences revenueLastYear } }`,
        {
          input: {
            name: pad(i),
            licences: licencesOf(i),
            revenueLastYear: revenueOf(i),
            salesRep: i === 1 ? rep.createEmployee.id : null,
          },
        },
      );
      rows.push(data.createCompany);
      companyId[pad(i)] = data.createCompany.id;
    }
    rows = rows.sort((a, b) => a.name.localeCompare(b.name));

    const persons: [string, string[]][] = [
      ['C01', ['Zander', 'Adams', 'Miller']],
      ['C02', ['Solo']],
      ['C04', ['Eve', 'Dan', 'Cat', 'Bob', 'Ann']],
    ];
    for (const [name, lastNames] of persons) {
      for (const lastName of lastNames) {
        await t.ok(`mutation($c: ID!, $n: String!) { createPerson(input: { lastName: $n, company: $c }) { id } }`, {
          c: companyId[name],
          n: lastName,
        });
      }
    }

    // Patients in batches of aliased mutations, for the default page size and the cap.
    for (let start = 0; start < PATIENT_COUNT; start += 30) {
      const fields = [];
      for (let i = start; i < Math.min(start + 30, PATIENT_COUNT); i++) {
        fields.push(`p${i}: createPatient(input: { lastName: "P${String(i).padStart(3, '0')}" }) { id }`);
      }
      await t.ok(`mutation { ${fields.join(' ')} }`);
    }
  });

  afterAll(() => t?.close());

  describe('walking forward with first and after', () => {
    it('visits every company exactly once in name order', async () => {
      const { visited, flags } = await walkForward([{ name: 'ASC' }]);
      expect(visited.map((r) => r.name)).toEqual(Array.from({ length: COMPANY_COUNT }, (_, i) => pad(i + 1)));
      expect(flags).toEqual([
        [false, true],
        [true, true],
        [true, true],
        [true, true],
        [true, false],
      ]);
    });

    it('visits every company once in name DESC order', async () => {
      const { visited } = await walkForward([{ name: 'DESC' }]);
      expect(visited.map((r) => r.name)).toEqual(Array.from({ length: COMPANY_COUNT }, (_, i) => pad(COMPANY_COUNT - i)));
    });

    it('orders a DESC field with duplicates and nulls by the field, then by id, and pages through it', async () => {
      const full = await all([{ licences: 'DESC' }]);
      const nullsFirst = full[0]!.licences === null;
      expect(ids(full)).toEqual(ids([...rows].sort(comparator('licences', true, nullsFirst))));
      const { visited } = await walkForward([{ licences: 'DESC' }]);
      expect(ids(visited)).toEqual(ids(full));
    });

    it('pages with page sizes that split groups of equal values', async () => {
      const full = await all([{ licences: 'ASC' }]);
      const nullsFirst = full[0]!.licences === null;
      expect(ids(full)).toEqual(ids([...rows].sort(comparator('licences', false, nullsFirst))));
      for (const size of [1, 2, 3, 7]) {
        const { visited } = await walkForward([{ licences: 'ASC' }], size);
        expect(ids(visited)).toEqual(ids(full));
      }
    });

    it('pages over a money field with duplicates and nulls', async () => {
      const full = await all([{ revenueLastYear: 'ASC' }]);
      const nullsFirst = full[0]!.revenueLastYear === null;
      expect(ids(full)).toEqual(ids([...rows].sort(comparator('revenueLastYear', false, nullsFirst))));
      const { visited } = await walkForward([{ revenueLastYear: 'ASC' }], 4);
      expect(ids(visited)).toEqual(ids(full));
    });

    it('pages over two sort keys with mixed directions', async () => {
      const orderBy = [{ licences: 'ASC' }, { name: 'DESC' }];
      const full = await all(orderBy);
      const nullsFirst = full[0]!.licences === null;
      const byLicences = comparator('licences', false, nullsFirst);
      const expected = [...rows].sort((a, b) => {
        const l = byLicences({ ...a, id: '' }, { ...b, id: '' });
        return l !== 0 ? l : b.name.localeCompare(a.name);
      });
      expect(full.map((r) => r.name)).toEqual(expected.map((r) => r.name));
      const { visited } = await walkForward(orderBy, 4);
      expect(ids(visited)).toEqual(ids(full));
    });

    it('visits every company once in the default order', async () => {
      const full = await all();
      expect(new Set(ids(full)).size).toBe(COMPANY_COUNT);
      const { visited } = await walkForward(undefined);
      expect(ids(visited)).toEqual(ids(full));
    });

    it('orders by id when asked, and walking agrees', async () => {
      const full = await all([{ id: 'ASC' }]);
      expect(ids(full)).toEqual([...ids(rows)].sort());
      const { visited } = await walkForward([{ id: 'DESC' }], 6);
      expect(ids(visited)).toEqual([...ids(rows)].sort().reverse());
    });

    it('returns an empty last page after the end cursor', async () => {
      const full = await page({ first: COMPANY_COUNT, orderBy: [{ name: 'ASC' }] });
      expect(full.pageInfo.hasNextPage).toBe(false);
      const after = await page({ first: 5, after: full.pageInfo.endCursor, orderBy: [{ name: 'ASC' }] });
      expect(after.nodes).toEqual([]);
      expect(after.edges).toEqual([]);
      expect(after.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
      expect(after.totalCount).toBe(COMPANY_COUNT);
    });

    it('first: 0 returns no nodes but the totalCount', async () => {
      const p = await page({ first: 0, orderBy: [{ name: 'ASC' }] });
      expect(p.nodes).toEqual([]);
      expect(p.totalCount).toBe(COMPANY_COUNT);
    });

    it('continues after a cursor even when the record at the cursor was deleted meanwhile', async () => {
      const created = await t.ok(`mutation { createCompany(input: { name: "C05a" }) { id } }`);
      const first = await page({ first: 6, orderBy: [{ name: 'ASC' }] });
      expect(first.nodes.map((r) => r.name)).toEqual(['C01', 'C02', 'C03', 'C04', 'C05', 'C05a']);
      await t.ok(`mutation($id: ID!) { deleteCompany(id: $id) }`, { id: created.createCompany.id });
      const next = await page({ first: 2, after: first.pageInfo.endCursor, orderBy: [{ name: 'ASC' }] });
      expect(next.nodes.map((r) => r.name)).toEqual(['C06', 'C07']);
    });
  });

  describe('walking backward with last and before', () => {
    it('visits every company exactly once in name order', async () => {
      const { visited, flags } = await walkBackward([{ name: 'ASC' }]);
      expect(visited.map((r) => r.name)).toEqual(Array.from({ length: COMPANY_COUNT }, (_, i) => pad(i + 1)));
      expect(flags).toEqual([
        [true, false],
        [true, true],
        [true, true],
        [true, true],
        [false, true],
      ]);
    });

    it('returns the last page in ascending order', async () => {
      const p = await page({ last: 5, orderBy: [{ name: 'ASC' }] });
      expect(p.nodes.map((r) => r.name)).toEqual(['C19', 'C20', 'C21', 'C22', 'C23']);
    });

    it('visits every company once in the same order as forward, over a DESC field with duplicates and nulls', async () => {
      const full = await all([{ licences: 'DESC' }]);
      const { visited } = await walkBackward([{ licences: 'DESC' }]);
      expect(ids(visited)).toEqual(ids(full));
    });

    it('visits every company once over two sort keys and over the default order', async () => {
      const orderBy = [{ revenueLastYear: 'DESC' }, { licences: 'ASC' }];
      expect(ids((await walkBackward(orderBy, 3)).visited)).toEqual(ids(await all(orderBy)));
      expect(ids((await walkBackward(undefined, 4)).visited)).toEqual(ids(await all()));
    });

    it('pages backward from a cursor obtained walking forward', async () => {
      const forward = await page({ first: 10, orderBy: [{ name: 'ASC' }] });
      const back = await page({ last: 3, before: forward.pageInfo.endCursor, orderBy: [{ name: 'ASC' }] });
      expect(back.nodes.map((r) => r.name)).toEqual(['C07', 'C08', 'C09']);
      expect(back.pageInfo.hasPreviousPage).toBe(true);
      expect(back.pageInfo.hasNextPage).toBe(true);
    });

    it('pages between after and before', async () => {
      const forward = checkPage(await page({ first: 10, orderBy: [{ name: 'ASC' }] }));
      const start = forward.edges[2]!.cursor;
      const end = forward.edges[8]!.cursor;
      const between = await page({ first: 10, after: start, before: end, orderBy: [{ name: 'ASC' }] });
      expect(between.nodes.map((r) => r.name)).toEqual(['C04', 'C05', 'C06', 'C07', 'C08']);
    });
  });

  describe('page sizes', () => {
    it('first defaults to 50', async () => {
      const data = await t.ok(`{ patients { totalCount nodes { id } pageInfo { hasNextPage } } }`);
      expect(data.patients.totalCount).toBe(PATIENT_COUNT);
      expect(data.patients.nodes).toHaveLength(50);
      expect(data.patients.pageInfo.hasNextPage).toBe(true);
    });

    it('first is capped at 500', async () => {
      const data = await t.ok(`{ patients(first: 1000, orderBy: [{ lastName: ASC }]) { totalCount nodes { lastName } pageInfo { hasNextPage endCursor } } }`);
      expect(data.patients.totalCount).toBe(PATIENT_COUNT);
      expect(data.patients.nodes.map((n: { lastName: string }) => n.lastName)).toEqual(
        Array.from({ length: 500 }, (_, i) => `P${String(i).padStart(3, '0')}`),
      );
      expect(data.patients.pageInfo.hasNextPage).toBe(true);
      const rest = await t.ok(
        `query($after: String) { patients(first: 1000, after: $after, orderBy: [{ lastName: ASC }]) { nodes { lastName } pageInfo { hasNextPage } } }`,
        { after: data.patients.pageInfo.endCursor },
      );
      expect(rest.patients.nodes.map((n: { lastName: string }) => n.lastName)).toEqual(
        Array.from({ length: PATIENT_COUNT - 500 }, (_, i) => `P${String(500 + i).padStart(3, '0')}`),
      );
      expect(rest.patients.pageInfo.hasNextPage).toBe(false);
    });

    it('last is capped at 500', async () => {
      const data = await t.ok(`{ patients(last: 1000, orderBy: [{ lastName: ASC }]) { nodes { lastName } pageInfo { hasPreviousPage } } }`);
      expect(data.patients.nodes).toHaveLength(500);
      expect(data.patients.nodes[0].lastName).toBe('P010');
      expect(data.patients.nodes[499].lastName).toBe(`P${PATIENT_COUNT - 1}`);
      expect(data.patients.pageInfo.hasPreviousPage).toBe(true);
    });
  });

  describe('argument errors', () => {
    it('rejects a negative first as BAD_USER_INPUT naming first', async () => {
      expectBadInput(await t.gql(`{ companies(first: -1) { nodes { name } } }`), 'first');
    });

    it('rejects a negative last as BAD_USER_INPUT naming last', async () => {
      expectBadInput(await t.gql(`{ companies(last: -5) { nodes { name } } }`), 'last');
    });

    it('rejects a garbage after cursor as BAD_USER_INPUT naming after', async () => {
      expectBadInput(await t.gql(`{ companies(first: 2, after: "garbage") { nodes { name } } }`), 'after');
    });

    it('rejects a garbage before cursor as BAD_USER_INPUT naming before', async () => {
      expectBadInput(await t.gql(`{ companies(last: 2, before: "%%% not base64 %%%") { nodes { name } } }`), 'before');
    });

    it('rejects a cursor of another ordering as BAD_USER_INPUT naming after', async () => {
      const named = await page({ first: 2, orderBy: [{ name: 'ASC' }] });
      expectBadInput(
        await t.gql(`query($a: String) { companies(first: 2, after: $a) { nodes { name } } }`, { a: named.pageInfo.endCursor }),
        'after',
      );
    });

    it('rejects a well-formed cursor holding values of the wrong type as BAD_USER_INPUT naming after', async () => {
      const forged = Buffer.from(JSON.stringify(['not-a-uuid'])).toString('base64');
      expectBadInput(await t.gql(`query($a: String) { companies(first: 2, after: $a) { nodes { name } } }`, { a: forged }), 'after');
      const forgedNumber = Buffer.from(JSON.stringify(['many', '00000000-0000-0000-0000-000000000000'])).toString('base64');
      expectBadInput(
        await t.gql(`query($a: String) { companies(first: 2, after: $a, orderBy: [{ licences: ASC }]) { nodes { name } } }`, { a: forgedNumber }),
        'after',
      );
    });

    it('rejects first and last together', async () => {
      const result = await t.gql(`{ companies(first: 2, last: 2) { nodes { name } } }`);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.data?.companies).toBeFalsy();
    });

    it('rejects an orderBy element with two fields as BAD_USER_INPUT', async () => {
      const result = await t.gql(`{ companies(orderBy: [{ name: ASC, licences: DESC }]) { nodes { name } } }`);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(result.errors?.[0]?.extensions?.fieldErrors)).toContain('orderBy');
    });

    it('rejects an empty orderBy element as BAD_USER_INPUT', async () => {
      const result = await t.gql(`{ companies(orderBy: [{}]) { nodes { name } } }`);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('rejects a negative first on a nested connection', async () => {
      expectBadInput(await t.gql(`{ companies(first: 1) { nodes { people(first: -1) { nodes { lastName } } } } }`), 'first');
    });

    it('rejects a bad argument even when only totalCount is selected', async () => {
      expectBadInput(await t.gql(`{ companies(first: -1) { totalCount } }`), 'first');
    });
  });

  describe('nested connections', () => {
    const NESTED = `{
      companies(first: 4, orderBy: [{ name: ASC }]) {
        nodes {
          name
          people(first: 2, orderBy: [{ lastName: ASC }]) { totalCount nodes { lastName } pageInfo { hasNextPage hasPreviousPage } }
        }
      }
    }`;

    it('gives each company its own first two persons and its own totalCount', async () => {
      const data = await t.ok(NESTED);
      expect(data.companies.nodes).toEqual([
        { name: 'C01', people: { totalCount: 3, nodes: [{ lastName: 'Adams' }, { lastName: 'Miller' }], pageInfo: { hasNextPage: true, hasPreviousPage: false } } },
        { name: 'C02', people: { totalCount: 1, nodes: [{ lastName: 'Solo' }], pageInfo: { hasNextPage: false, hasPreviousPage: false } } },
        { name: 'C03', people: { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: false } } },
        { name: 'C04', people: { totalCount: 5, nodes: [{ lastName: 'Ann' }, { lastName: 'Bob' }], pageInfo: { hasNextPage: true, hasPreviousPage: false } } },
      ]);
    });

    it('gives each company its own last two persons', async () => {
      const data = await t.ok(`{
        companies(first: 4, orderBy: [{ name: ASC }]) { nodes { name people(last: 2, orderBy: [{ lastName: ASC }]) { nodes { lastName } } } }
      }`);
      expect(data.companies.nodes.map((c: any) => [c.name, c.people.nodes.map((p: any) => p.lastName)])).toEqual([
        ['C01', ['Miller', 'Zander']],
        ['C02', ['Solo']],
        ['C03', []],
        ['C04', ['Dan', 'Eve']],
      ]);
    });

    it('pages inside one parent with the nested cursor', async () => {
      const q = `query($id: ID!, $after: String) {
        company(id: $id) { people(first: 2, after: $after, orderBy: [{ lastName: ASC }]) { nodes { lastName } pageInfo { hasNextPage endCursor } } }
      }`;
      const names: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 10; guard++) {
        const data: any = await t.ok(q, { id: companyId.C04, after });
        names.push(...data.company.people.nodes.map((p: any) => p.lastName));
        if (!data.company.people.pageInfo.hasNextPage) break;
        after = data.company.people.pageInfo.endCursor;
      }
      expect(names).toEqual(['Ann', 'Bob', 'Cat', 'Dan', 'Eve']);
    });

    it('resolves connections nested under a reference nested under a connection', async () => {
      const data = await t.ok(`{
        people(where: { lastName: { in: ["Solo", "Eve"] } }, orderBy: [{ lastName: ASC }]) {
          nodes { lastName company { name people(first: 1, orderBy: [{ lastName: DESC }]) { totalCount nodes { lastName } } } }
        }
      }`);
      expect(data.people.nodes).toEqual([
        { lastName: 'Eve', company: { name: 'C04', people: { totalCount: 5, nodes: [{ lastName: 'Eve' }] } } },
        { lastName: 'Solo', company: { name: 'C02', people: { totalCount: 1, nodes: [{ lastName: 'Solo' }] } } },
      ]);
    });

    it('returns nested edges with cursors per parent', async () => {
      const data = await t.ok(`{
        companies(first: 1, orderBy: [{ name: ASC }]) {
          nodes { people(first: 5, orderBy: [{ lastName: ASC }]) { edges { cursor node { lastName } } pageInfo { startCursor endCursor } } }
        }
      }`);
      const people = data.companies.nodes[0].people;
      expect(people.edges.map((e: any) => e.node.lastName)).toEqual(['Adams', 'Miller', 'Zander']);
      expect(people.pageInfo.startCursor).toBe(people.edges[0].cursor);
      expect(people.pageInfo.endCursor).toBe(people.edges[2].cursor);
    });
  });

  describe('aliases, fragments and __typename', () => {
    it('returns aliased root fields with their own arguments', async () => {
      const data = await t.ok(`{
        a: companies(first: 1, orderBy: [{ name: ASC }]) { totalCount nodes { n: name } }
        b: companies(last: 1, orderBy: [{ name: ASC }]) { total: totalCount nodes { name } }
      }`);
      expect(data).toEqual({ a: { totalCount: COMPANY_COUNT, nodes: [{ n: 'C01' }] }, b: { total: COMPANY_COUNT, nodes: [{ name: 'C23' }] } });
    });

    it('returns the same nested field twice under different aliases and arguments', async () => {
      const data = await t.ok(`query($id: ID!) {
        company(id: $id) {
          first: people(first: 1, orderBy: [{ lastName: ASC }]) { nodes { lastName } }
          last: people(first: 1, orderBy: [{ lastName: DESC }]) { nodes { lastName } }
          all: people { totalCount }
          x: name
          y: name
        }
      }`, { id: companyId.C04 });
      expect(data.company).toEqual({
        first: { nodes: [{ lastName: 'Ann' }] },
        last: { nodes: [{ lastName: 'Eve' }] },
        all: { totalCount: 5 },
        x: 'C04',
        y: 'C04',
      });
    });

    it('applies named fragments, inline fragments and fragments on the Record interface', async () => {
      const data = await t.ok(`
        query {
          companies(first: 2, orderBy: [{ name: ASC }]) { ...Conn nodes { ...CompanyFields ... on Company { licences } ... on Record { id version } } }
        }
        fragment Conn on CompanyConnection { totalCount pageInfo { ...Info } }
        fragment Info on PageInfo { hasNextPage }
        fragment CompanyFields on Company { name salesRep { ... on Employee { lastName } ... on Record { version } } }
      `);
      const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
      expect(data).toEqual({
        companies: {
          totalCount: COMPANY_COUNT,
          pageInfo: { hasNextPage: true },
          nodes: [
            { name: 'C01', salesRep: { lastName: 'Rep', version: 1 }, licences: licencesOf(1), id: byName.C01!.id, version: 1 },
            { name: 'C02', salesRep: null, licences: licencesOf(2), id: byName.C02!.id, version: 1 },
          ],
        },
      });
      expect(Object.keys(data.companies.nodes[0])).toEqual(['name', 'salesRep', 'licences', 'id', 'version']);
    });

    it('honours @include and @skip', async () => {
      const q = `query($withCount: Boolean!, $skipName: Boolean!) {
        companies(first: 1, orderBy: [{ name: ASC }]) { totalCount @include(if: $withCount) nodes { name @skip(if: $skipName) licences } }
      }`;
      expect(await t.ok(q, { withCount: false, skipName: true })).toEqual({ companies: { nodes: [{ licences: licencesOf(1) }] } });
      expect(await t.ok(q, { withCount: true, skipName: false })).toEqual({
        companies: { totalCount: COMPANY_COUNT, nodes: [{ name: 'C01', licences: licencesOf(1) }] },
      });
    });

    it('answers __typename at every level', async () => {
      const data = await t.ok(`{
        __typename
        companies(first: 1, orderBy: [{ name: ASC }]) {
          __typename
          pageInfo { __typename }
          edges { __typename node { __typename } }
          nodes {
            __typename
            salesRep { __typename accounts(first: 1) { __typename nodes { __typename } } }
            people(first: 1) { __typename nodes { __typename company { __typename } } edges { __typename } pageInfo { __typename } }
          }
        }
      }`);
      expect(data).toEqual({
        __typename: 'Query',
        companies: {
          __typename: 'CompanyConnection',
          pageInfo: { __typename: 'PageInfo' },
          edges: [{ __typename: 'CompanyEdge', node: { __typename: 'Company' } }],
          nodes: [
            {
              __typename: 'Company',
              salesRep: { __typename: 'Employee', accounts: { __typename: 'CompanyConnection', nodes: [{ __typename: 'Company' }] } },
              people: {
                __typename: 'PersonConnection',
                nodes: [{ __typename: 'Person', company: { __typename: 'Company' } }],
                edges: [{ __typename: 'PersonEdge' }],
                pageInfo: { __typename: 'PageInfo' },
              },
            },
          ],
        },
      });
    });

    it('answers __typename on single-record queries and mutation results', async () => {
      const single = await t.ok(`query($id: ID!) { company(id: $id) { __typename name } }`, { id: companyId.C02 });
      expect(single).toEqual({ company: { __typename: 'Company', name: 'C02' } });
      const created = await t.ok(`mutation { __typename createPatient(input: { lastName: "Typename" }) { __typename lastName } }`);
      expect(created).toEqual({ __typename: 'Mutation', createPatient: { __typename: 'Patient', lastName: 'Typename' } });
      await t.ok(`mutation($id: ID!) { deletePatient(id: $id) }`, {
        id: (await t.ok(`{ patients(where: { lastName: { eq: "Typename" } }) { nodes { id } } }`)).patients.nodes[0].id,
      });
    });
  });
});
