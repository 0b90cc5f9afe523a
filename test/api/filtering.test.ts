import { resolve } from 'node:path';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * `where` (contract section 3): every operator on the field types it fits, the logical
 * combinators, filters through references and quantifiers over to-many relations.
 * Each test asserts the exact set of matching records.
 */

const ITEM_DEFINITIONS = resolve(__dirname, 'fixtures/filtering');

const sorted = (values: readonly string[]) => [...values].sort();

describe.each(DATABASE_KINDS)('filtering on %s', (kind) => {
  let t: TestServer;
  let f: TestServer;
  const employee: Record<string, string> = {};
  const company: Record<string, { id: string; createdAt: string; version: number }> = {};

  async function create(server: TestServer, type: string, input: Record<string, unknown>) {
    const data = await server.ok(
      `mutation($input: ${type}CreateInput!) { r: create${type}(input: $input) { id createdAt version } }`,
      { input },
    );
    return data.r as { id: string; createdAt: string; version: number };
  }

  /** Names of the companies matching `where`, sorted. */
  async function companies(where: unknown): Promise<string[]> {
    const data = await t.ok(`query($where: CompanyWhere) { companies(where: $where, first: 500) { nodes { name } } }`, { where });
    return sorted(data.companies.nodes.map((n: { name: string }) => n.name));
  }

  async function people(where: unknown): Promise<string[]> {
    const data = await t.ok(`query($where: PersonWhere) { people(where: $where, first: 500) { nodes { lastName } } }`, { where });
    return sorted(data.people.nodes.map((n: { lastName: string }) => n.lastName));
  }

  async function employees(where: unknown): Promise<string[]> {
    const data = await t.ok(`query($where: EmployeeWhere) { employees(where: $where, first: 500) { nodes { lastName } } }`, { where });
    return sorted(data.employees.nodes.map((n: { lastName: string }) => n.lastName));
  }

  async function items(where: unknown): Promise<string[]> {
    const data = await f.ok(`query($where: ItemWhere) { items(where: $where, first: 500) { nodes { name } } }`, { where });
    return sorted(data.items.nodes.map((n: { name: string }) => n.name));
  }

  const ALL_COMPANIES = ['Alpha GmbH', 'Beta AG', 'Delta', 'Epsilon GmbH', 'Gamma SA', 'zeta gmbh'];

  beforeAll(async () => {
    t = await startTestServer(kind);
    f = await startTestServer(kind, { metadataDir: ITEM_DEFINITIONS });

    // Employees; mentors: Adler <- [Brandt, Cramer], Brandt <- [Cramer], Cramer <- [], Dietz <- [Brandt].
    employee.Cramer = (await create(t, 'Employee', { lastName: 'Cramer', email: 'cramer@example.com' })).id;
    employee.Brandt = (
      await create(t, 'Employee', { lastName: 'Brandt', email: 'brandt@example.com', department: 'marketing', mentors: [employee.Cramer] })
    ).id;
    employee.Adler = (
      await create(t, 'Employee', {
        lastName: 'Adler',
        email: 'adler@example.com',
        department: 'sales',
        mentors: [employee.Brandt, employee.Cramer],
      })
    ).id;
    employee.Dietz = (await create(t, 'Employee', { lastName: 'Dietz', email: 'dietz@example.com', mentors: [employee.Brandt] })).id;

    // Companies, created in this order (createdAt increases).
    const companyInputs: Record<string, unknown>[] = [
      {
        name: 'Alpha GmbH', country: 'DE', city: 'Berlin', industries: ['software', 'consulting'],
        revenueLastYear: '100000.00', licences: 10, salesRep: employee.Adler,
      },
      { name: 'Beta AG', country: 'DE', city: 'Munich', industries: ['software'], revenueLastYear: '99999.99', licences: 5, salesRep: employee.Brandt },
      { name: 'Gamma SA', country: 'FR', city: 'Paris', industries: ['retail'], revenueLastYear: '250000.50', salesRep: employee.Adler },
      { name: 'Delta', licences: 0 },
      {
        name: 'Epsilon GmbH', country: 'AT', city: 'Vienna', industries: ['consulting', 'retail', 'software'],
        revenueLastYear: '100000.01', licences: 20, salesRep: employee.Cramer,
      },
      { name: 'zeta gmbh', country: 'CH', city: 'Zurich', revenueLastYear: '0', licences: 3 },
    ];
    for (const input of companyInputs) company[input.name as string] = await create(t, 'Company', input);

    // Versions: Beta updated twice (3), Gamma once (2).
    for (const [name, times] of [['Beta AG', 2], ['Gamma SA', 1]] as const) {
      for (let i = 0; i < times; i++) {
        const data = await t.ok(`mutation($id: ID!) { updateCompany(id: $id, input: { notes: "touched" }) { version } }`, {
          id: company[name]!.id,
        });
        company[name]!.version = data.updateCompany.version;
      }
    }

    const personInputs: [string, string | null, string | null][] = [
      ['Schmidt', 'purchasing', 'Alpha GmbH'],
      ['Mueller', 'managingDirector', 'Alpha GmbH'],
      ['Weber', 'purchasing', 'Beta AG'],
      ['Fischer', 'purchasing', 'Beta AG'],
      ['Dubois', 'sales', 'Gamma SA'],
      ['Huber', null, 'Epsilon GmbH'],
      ['Keller', 'managingDirector', 'zeta gmbh'],
      ['Nobody', 'purchasing', null],
    ];
    for (const [lastName, fn, companyName] of personInputs) {
      await create(t, 'Person', { lastName, function: fn, company: companyName ? company[companyName]!.id : null });
    }

    const itemInputs: Record<string, unknown>[] = [
      {
        name: 'one', weight: '1.5', price: '10.00', active: true, dueOn: '2024-01-15', happenedAt: '2024-01-15T10:00:00.000Z',
        data: { a: 1, list: ['x'] }, colours: ['red'], size: 'S', quantity: 1,
      },
      {
        name: 'two', weight: '2.25', price: '10.0001', active: false, dueOn: '2024-02-29', happenedAt: '2024-02-29T23:59:59.999Z',
        data: { a: 2 }, colours: ['red', 'green'], size: 'M', quantity: 2,
      },
      { name: 'three', weight: '0.1', price: '9.9999' },
      {
        name: 'four', weight: '-3', price: '0', active: true, dueOn: '2023-12-31', happenedAt: '2023-12-31T23:00:00.000Z',
        data: { a: 1, b: { c: true } }, colours: ['blue'], size: 'L', quantity: 4,
      },
      {
        name: 'five', active: false, dueOn: '2024-01-16', happenedAt: '2024-01-16T00:00:00.000Z',
        data: { a: 5, list: ['x', 'y'] }, colours: ['green', 'blue'], size: 'M', quantity: 5,
      },
    ];
    for (const input of itemInputs) await create(f, 'Item', input);
  });

  afterAll(async () => {
    await t?.close();
    await f?.close();
  });

  describe('string operators', () => {
    it('returns companies whose country equals the given value', async () => {
      expect(await companies({ country: { eq: 'DE' } })).toEqual(['Alpha GmbH', 'Beta AG']);
    });

    it('treats eq: null as "has no value"', async () => {
      expect(await companies({ country: { eq: null } })).toEqual(['Delta']);
    });

    it('returns companies whose country differs from the given value, including those without a country', async () => {
      expect(await companies({ country: { neq: 'DE' } })).toEqual(['Delta', 'Epsilon GmbH', 'Gamma SA', 'zeta gmbh']);
    });

    it('returns companies whose country is one of the given values', async () => {
      expect(await companies({ country: { in: ['FR', 'AT', 'XX'] } })).toEqual(['Epsilon GmbH', 'Gamma SA']);
    });

    it('returns no company for an empty in list', async () => {
      expect(await companies({ country: { in: [] } })).toEqual([]);
    });

    it('returns companies whose country is none of the given values, including those without a country', async () => {
      expect(await companies({ country: { nin: ['DE', 'FR'] } })).toEqual(['Delta', 'Epsilon GmbH', 'zeta gmbh']);
    });

    it('compares strings with lt, lte, gt and gte', async () => {
      expect(await companies({ name: { lt: 'Beta AG' } })).toEqual(['Alpha GmbH']);
      expect(await companies({ name: { lte: 'Beta AG' } })).toEqual(['Alpha GmbH', 'Beta AG']);
      expect(await companies({ name: { gt: 'Epsilon GmbH' } })).toEqual(['Gamma SA', 'zeta gmbh']);
      expect(await companies({ name: { gte: 'Epsilon GmbH' } })).toEqual(['Epsilon GmbH', 'Gamma SA', 'zeta gmbh']);
    });

    it('matches like patterns case-sensitively with % and _', async () => {
      expect(await companies({ name: { like: '%GmbH' } })).toEqual(['Alpha GmbH', 'Epsilon GmbH']);
      expect(await companies({ city: { like: 'M%' } })).toEqual(['Beta AG']);
      expect(await companies({ city: { like: 'm%' } })).toEqual([]);
      expect(await companies({ city: { like: 'Pari_' } })).toEqual(['Gamma SA']);
    });

    it('matches ilike patterns ignoring case', async () => {
      expect(await companies({ name: { ilike: '%gmbh' } })).toEqual(['Alpha GmbH', 'Epsilon GmbH', 'zeta gmbh']);
      expect(await companies({ city: { ilike: 'm%' } })).toEqual(['Beta AG']);
    });

    it('returns companies without a value for isNull: true and those with one for isNull: false', async () => {
      expect(await companies({ city: { isNull: true } })).toEqual(['Delta']);
      expect(await companies({ city: { isNull: false } })).toEqual(['Alpha GmbH', 'Beta AG', 'Epsilon GmbH', 'Gamma SA', 'zeta gmbh']);
    });

    it('filters choice fields with eq and in', async () => {
      expect(await people({ function: { eq: 'purchasing' } })).toEqual(['Fischer', 'Nobody', 'Schmidt', 'Weber']);
      expect(await people({ function: { in: ['sales', 'managingDirector'] } })).toEqual(['Dubois', 'Keller', 'Mueller']);
      expect(await people({ function: { isNull: true } })).toEqual(['Huber']);
    });
  });

  describe('integer operators', () => {
    it('returns companies whose licences equal the given value', async () => {
      expect(await companies({ licences: { eq: 10 } })).toEqual(['Alpha GmbH']);
      expect(await companies({ licences: { eq: 0 } })).toEqual(['Delta']);
    });

    it('returns companies whose licences differ, including those without licences', async () => {
      expect(await companies({ licences: { neq: 10 } })).toEqual(['Beta AG', 'Delta', 'Epsilon GmbH', 'Gamma SA', 'zeta gmbh']);
    });

    it('compares integers with lt, lte, gt and gte, never matching null', async () => {
      expect(await companies({ licences: { lt: 5 } })).toEqual(['Delta', 'zeta gmbh']);
      expect(await companies({ licences: { lte: 5 } })).toEqual(['Beta AG', 'Delta', 'zeta gmbh']);
      expect(await companies({ licences: { gt: 5 } })).toEqual(['Alpha GmbH', 'Epsilon GmbH']);
      expect(await companies({ licences: { gte: 10 } })).toEqual(['Alpha GmbH', 'Epsilon GmbH']);
    });

    it('ANDs several operators of one filter (a range)', async () => {
      expect(await companies({ licences: { gte: 3, lt: 20 } })).toEqual(['Alpha GmbH', 'Beta AG', 'zeta gmbh']);
    });

    it('returns companies whose licences are in / not in a list', async () => {
      expect(await companies({ licences: { in: [0, 20] } })).toEqual(['Delta', 'Epsilon GmbH']);
      expect(await companies({ licences: { nin: [0, 20] } })).toEqual(['Alpha GmbH', 'Beta AG', 'Gamma SA', 'zeta gmbh']);
    });

    it('returns companies without licences for isNull', async () => {
      expect(await companies({ licences: { isNull: true } })).toEqual(['Gamma SA']);
      expect(await companies({ licences: { isNull: false } })).toEqual(['Alpha GmbH', 'Beta AG', 'Delta', 'Epsilon GmbH', 'zeta gmbh']);
    });
  });

  describe('money operators (exact decimal comparison)', () => {
    it('revenueLastYear gte "100000.00" includes exactly 100000 and excludes 99999.99', async () => {
      expect(await companies({ revenueLastYear: { gte: '100000.00' } })).toEqual(['Alpha GmbH', 'Epsilon GmbH', 'Gamma SA']);
    });

    it('revenueLastYear gt "100000" excludes exactly 100000 and includes 100000.01', async () => {
      expect(await companies({ revenueLastYear: { gt: '100000' } })).toEqual(['Epsilon GmbH', 'Gamma SA']);
    });

    it('compares money with lt and lte exactly', async () => {
      expect(await companies({ revenueLastYear: { lt: '100000.00' } })).toEqual(['Beta AG', 'zeta gmbh']);
      expect(await companies({ revenueLastYear: { lte: '99999.99' } })).toEqual(['Beta AG', 'zeta gmbh']);
      expect(await companies({ revenueLastYear: { lt: '99999.99' } })).toEqual(['zeta gmbh']);
    });

    it('compares with sub-cent precision', async () => {
      expect(await companies({ revenueLastYear: { gt: '100000.005' } })).toEqual(['Epsilon GmbH', 'Gamma SA']);
      expect(await companies({ revenueLastYear: { lt: '100000.005', gt: '99999.995' } })).toEqual(['Alpha GmbH']);
    });

    it('matches money equality regardless of the number of decimals given', async () => {
      expect(await companies({ revenueLastYear: { eq: '100000' } })).toEqual(['Alpha GmbH']);
      expect(await companies({ revenueLastYear: { eq: '100000.0000' } })).toEqual(['Alpha GmbH']);
      expect(await companies({ revenueLastYear: { in: ['0', '250000.5'] } })).toEqual(['Gamma SA', 'zeta gmbh']);
    });

    it('returns companies whose revenue differs, including those without revenue', async () => {
      expect(await companies({ revenueLastYear: { neq: '0.00' } })).toEqual(['Alpha GmbH', 'Beta AG', 'Delta', 'Epsilon GmbH', 'Gamma SA']);
      expect(await companies({ revenueLastYear: { nin: ['0', '100000'] } })).toEqual(['Beta AG', 'Delta', 'Epsilon GmbH', 'Gamma SA']);
    });

    it('returns companies without revenue for isNull: true', async () => {
      expect(await companies({ revenueLastYear: { isNull: true } })).toEqual(['Delta']);
    });

    it('compares money given as a number literal without going through a float', async () => {
      const data = await t.ok(`{ companies(where: { revenueLastYear: { gte: 100000.01 } }) { nodes { name } } }`);
      expect(sorted(data.companies.nodes.map((n: { name: string }) => n.name))).toEqual(['Epsilon GmbH', 'Gamma SA']);
    });
  });

  describe('multiChoice operators', () => {
    it('returns companies whose industries include any of the given values', async () => {
      expect(await companies({ industries: { hasAny: ['consulting', 'retail'] } })).toEqual(['Alpha GmbH', 'Epsilon GmbH', 'Gamma SA']);
      expect(await companies({ industries: { hasAny: ['mining'] } })).toEqual([]);
    });

    it('returns companies whose industries include all of the given values', async () => {
      expect(await companies({ industries: { hasAll: ['software', 'consulting'] } })).toEqual(['Alpha GmbH', 'Epsilon GmbH']);
      expect(await companies({ industries: { hasAll: ['software'] } })).toEqual(['Alpha GmbH', 'Beta AG', 'Epsilon GmbH']);
      expect(await companies({ industries: { hasAll: ['software', 'mining'] } })).toEqual([]);
    });

    it('returns companies without industries for isNull: true', async () => {
      expect(await companies({ industries: { isNull: true } })).toEqual(['Delta', 'zeta gmbh']);
    });

    it('filters a multiChoice with fixed options', async () => {
      expect(await items({ colours: { hasAny: ['green'] } })).toEqual(['five', 'two']);
      expect(await items({ colours: { hasAll: ['green', 'blue'] } })).toEqual(['five']);
      expect(await items({ colours: { isNull: true } })).toEqual(['three']);
    });
  });

  describe('decimal, boolean, date, datetime, json and choice operators', () => {
    it('compares decimals exactly', async () => {
      expect(await items({ weight: { gt: '0.1' } })).toEqual(['one', 'two']);
      expect(await items({ weight: { gte: '0.1' } })).toEqual(['one', 'three', 'two']);
      expect(await items({ weight: { eq: '0.10' } })).toEqual(['three']);
      expect(await items({ weight: { lt: '0' } })).toEqual(['four']);
      expect(await items({ weight: { lte: '1.5' } })).toEqual(['four', 'one', 'three']);
      expect(await items({ weight: { in: ['1.50', '-3.0'] } })).toEqual(['four', 'one']);
      expect(await items({ weight: { nin: ['1.5'] } })).toEqual(['five', 'four', 'three', 'two']);
      expect(await items({ weight: { neq: '2.25' } })).toEqual(['five', 'four', 'one', 'three']);
      expect(await items({ weight: { isNull: true } })).toEqual(['five']);
    });

    it('compares money to four decimals', async () => {
      expect(await items({ price: { gt: '10' } })).toEqual(['two']);
      expect(await items({ price: { gte: '10.00' } })).toEqual(['one', 'two']);
      expect(await items({ price: { lt: '10' } })).toEqual(['four', 'three']);
      expect(await items({ price: { eq: '9.9999' } })).toEqual(['three']);
    });

    it('filters booleans with eq, neq (null matches) and isNull', async () => {
      expect(await items({ active: { eq: true } })).toEqual(['four', 'one']);
      expect(await items({ active: { eq: false } })).toEqual(['five', 'two']);
      expect(await items({ active: { neq: true } })).toEqual(['five', 'three', 'two']);
      expect(await items({ active: { isNull: true } })).toEqual(['three']);
      expect(await items({ active: { isNull: false } })).toEqual(['five', 'four', 'one', 'two']);
    });

    it('compares dates', async () => {
      expect(await items({ dueOn: { eq: '2024-02-29' } })).toEqual(['two']);
      expect(await items({ dueOn: { gt: '2024-01-15' } })).toEqual(['five', 'two']);
      expect(await items({ dueOn: { gte: '2024-01-15' } })).toEqual(['five', 'one', 'two']);
      expect(await items({ dueOn: { lt: '2024-01-01' } })).toEqual(['four']);
      expect(await items({ dueOn: { lte: '2024-01-15' } })).toEqual(['four', 'one']);
      expect(await items({ dueOn: { in: ['2024-02-29', '2023-12-31'] } })).toEqual(['four', 'two']);
      expect(await items({ dueOn: { neq: '2024-02-29' } })).toEqual(['five', 'four', 'one', 'three']);
      expect(await items({ dueOn: { isNull: true } })).toEqual(['three']);
    });

    it('compares datetimes as points in time, whatever the offset given', async () => {
      expect(await items({ happenedAt: { lt: '2024-01-01T00:00:00Z' } })).toEqual(['four']);
      expect(await items({ happenedAt: { gte: '2024-01-01T00:00:00+01:00' } })).toEqual(['five', 'four', 'one', 'two']);
      expect(await items({ happenedAt: { gt: '2024-01-16T00:00:00Z' } })).toEqual(['two']);
      expect(await items({ happenedAt: { lte: '2024-01-16T01:00:00+01:00' } })).toEqual(['five', 'four', 'one']);
      expect(await items({ happenedAt: { eq: '2024-01-15T11:00:00+01:00' } })).toEqual(['one']);
      expect(await items({ happenedAt: { isNull: true } })).toEqual(['three']);
    });

    it('filters json fields by containment and isNull', async () => {
      expect(await items({ data: { contains: { a: 1 } } })).toEqual(['four', 'one']);
      expect(await items({ data: { contains: { b: { c: true } } } })).toEqual(['four']);
      expect(await items({ data: { contains: { list: ['y'] } } })).toEqual(['five']);
      expect(await items({ data: { isNull: true } })).toEqual(['three']);
    });

    it('filters choice fields with fixed options', async () => {
      expect(await items({ size: { eq: 'M' } })).toEqual(['five', 'two']);
      expect(await items({ size: { nin: ['M'] } })).toEqual(['four', 'one', 'three']);
    });
  });

  describe('AND, OR and NOT', () => {
    it('ANDs the fields of one where object', async () => {
      expect(await companies({ country: { eq: 'DE' }, licences: { lt: 10 } })).toEqual(['Beta AG']);
    });

    it('returns the records matching all conditions of AND', async () => {
      expect(await companies({ AND: [{ country: { eq: 'DE' } }, { licences: { gt: 5 } }] })).toEqual(['Alpha GmbH']);
      expect(await companies({ AND: [{ country: { eq: 'DE' } }, { country: { eq: 'FR' } }] })).toEqual([]);
    });

    it('returns the records matching at least one condition of OR', async () => {
      expect(await companies({ OR: [{ country: { eq: 'FR' } }, { licences: { gte: 20 } }] })).toEqual(['Epsilon GmbH', 'Gamma SA']);
    });

    it('NOT also matches records where the field is null', async () => {
      expect(await companies({ NOT: { country: { eq: 'DE' } } })).toEqual(['Delta', 'Epsilon GmbH', 'Gamma SA', 'zeta gmbh']);
      expect(await companies({ NOT: { licences: { gt: 5 } } })).toEqual(['Beta AG', 'Delta', 'Gamma SA', 'zeta gmbh']);
      expect(await companies({ NOT: { industries: { hasAny: ['software'] } } })).toEqual(['Delta', 'Gamma SA', 'zeta gmbh']);
    });

    it('NOT of NOT gives the original set', async () => {
      expect(await companies({ NOT: { NOT: { country: { eq: 'DE' } } } })).toEqual(['Alpha GmbH', 'Beta AG']);
    });

    it('combines nested AND, OR and NOT', async () => {
      const where = {
        OR: [
          { AND: [{ country: { eq: 'DE' } }, { NOT: { name: { like: 'Alpha%' } } }] },
          { AND: [{ industries: { hasAny: ['retail'] } }, { revenueLastYear: { gt: '200000' } }] },
        ],
      };
      expect(await companies(where)).toEqual(['Beta AG', 'Gamma SA']);
    });

    it('combines OR with sibling field conditions by AND', async () => {
      const where = { OR: [{ country: { eq: 'DE' } }, { country: { eq: 'AT' } }], licences: { gte: 10 } };
      expect(await companies(where)).toEqual(['Alpha GmbH', 'Epsilon GmbH']);
    });

    it('an empty where matches every record', async () => {
      expect(await companies({})).toEqual(ALL_COMPANIES);
    });
  });

  describe('filters through a reference', () => {
    it('returns people whose company matches the target filter', async () => {
      expect(await people({ company: { country: { eq: 'DE' } } })).toEqual(['Fischer', 'Mueller', 'Schmidt', 'Weber']);
    });

    it('follows references over two hops', async () => {
      expect(await people({ company: { salesRep: { lastName: { eq: 'Adler' } } } })).toEqual(['Dubois', 'Mueller', 'Schmidt']);
    });

    it('returns companies whose salesRep matches', async () => {
      expect(await companies({ salesRep: { lastName: { eq: 'Adler' } } })).toEqual(['Alpha GmbH', 'Gamma SA']);
      expect(await companies({ salesRep: { department: { eq: 'marketing' } } })).toEqual(['Beta AG']);
    });

    it('filters a reference by the target id', async () => {
      expect(await companies({ salesRep: { id: { eq: employee.Adler } } })).toEqual(['Alpha GmbH', 'Gamma SA']);
    });

    it('NOT over a reference also matches records without a referenced record', async () => {
      expect(await people({ NOT: { company: { country: { eq: 'DE' } } } })).toEqual(['Dubois', 'Huber', 'Keller', 'Nobody']);
    });

    it('combines a reference filter with a field filter', async () => {
      expect(await people({ company: { country: { eq: 'DE' } }, function: { eq: 'purchasing' } })).toEqual(['Fischer', 'Schmidt', 'Weber']);
    });
  });

  describe('some, none and every over inverse relations', () => {
    it('returns companies with at least one person in purchasing', async () => {
      expect(await companies({ people: { some: { function: { eq: 'purchasing' } } } })).toEqual(['Alpha GmbH', 'Beta AG']);
    });

    it('returns companies with no person in purchasing, including those without persons', async () => {
      expect(await companies({ people: { none: { function: { eq: 'purchasing' } } } })).toEqual(['Delta', 'Epsilon GmbH', 'Gamma SA', 'zeta gmbh']);
    });

    it('returns companies all of whose persons are in purchasing, including those without persons', async () => {
      expect(await companies({ people: { every: { function: { eq: 'purchasing' } } } })).toEqual(['Beta AG', 'Delta']);
    });

    it('every counts a person whose field is null as not matching', async () => {
      // Huber (Epsilon) has no function: eq "managingDirector" does not hold for him.
      expect(await companies({ people: { every: { function: { in: ['managingDirector', 'sales'] } } } })).toEqual(['Delta', 'Gamma SA', 'zeta gmbh']);
    });

    it('some with an empty filter returns companies that have any person, none those that have none', async () => {
      expect(await companies({ people: { some: {} } })).toEqual(['Alpha GmbH', 'Beta AG', 'Epsilon GmbH', 'Gamma SA', 'zeta gmbh']);
      expect(await companies({ people: { none: {} } })).toEqual(['Delta']);
    });

    it('combines some and none in one relation filter', async () => {
      const where = { people: { some: { function: { eq: 'purchasing' } }, none: { function: { eq: 'managingDirector' } } } };
      expect(await companies(where)).toEqual(['Beta AG']);
    });

    it('returns employees by their accounts (inverse of company.salesRep)', async () => {
      expect(await employees({ accounts: { some: { country: { eq: 'DE' } } } })).toEqual(['Adler', 'Brandt']);
      expect(await employees({ accounts: { none: { country: { eq: 'DE' } } } })).toEqual(['Cramer', 'Dietz']);
      expect(await employees({ accounts: { every: { country: { eq: 'DE' } } } })).toEqual(['Brandt', 'Dietz']);
    });

    it('nests relation filters: employees with an account that has a person in purchasing', async () => {
      expect(await employees({ accounts: { some: { people: { some: { function: { eq: 'purchasing' } } } } } })).toEqual(['Adler', 'Brandt']);
    });

    it('NOT over some returns the records for which none holds', async () => {
      expect(await companies({ NOT: { people: { some: { function: { eq: 'purchasing' } } } } })).toEqual([
        'Delta',
        'Epsilon GmbH',
        'Gamma SA',
        'zeta gmbh',
      ]);
    });
  });

  describe('some, none and every over a many-to-many references field', () => {
    it('returns employees with a mentor matching (some)', async () => {
      expect(await employees({ mentors: { some: { lastName: { eq: 'Cramer' } } } })).toEqual(['Adler', 'Brandt']);
    });

    it('returns employees with no mentor matching (none), including those without mentors', async () => {
      expect(await employees({ mentors: { none: { lastName: { eq: 'Cramer' } } } })).toEqual(['Cramer', 'Dietz']);
    });

    it('returns employees all of whose mentors match (every), including those without mentors', async () => {
      expect(await employees({ mentors: { every: { lastName: { eq: 'Brandt' } } } })).toEqual(['Cramer', 'Dietz']);
    });

    it('filters by the inverse of a references field (mentees)', async () => {
      expect(await employees({ mentees: { some: { lastName: { eq: 'Adler' } } } })).toEqual(['Brandt', 'Cramer']);
      expect(await employees({ mentees: { none: { lastName: { eq: 'Adler' } } } })).toEqual(['Adler', 'Dietz']);
      expect(await employees({ mentees: { every: { lastName: { in: ['Adler', 'Dietz'] } } } })).toEqual(['Adler', 'Brandt', 'Dietz']);
    });

    it('returns employees with any mentor at all', async () => {
      expect(await employees({ mentors: { some: {} } })).toEqual(['Adler', 'Brandt', 'Dietz']);
    });
  });

  describe('system fields', () => {
    it('filters on id with eq, neq, in and nin', async () => {
      const alpha = company['Alpha GmbH']!.id;
      const beta = company['Beta AG']!.id;
      expect(await companies({ id: { eq: alpha } })).toEqual(['Alpha GmbH']);
      expect(await companies({ id: { neq: alpha } })).toEqual(ALL_COMPANIES.filter((n) => n !== 'Alpha GmbH'));
      expect(await companies({ id: { in: [alpha, beta] } })).toEqual(['Alpha GmbH', 'Beta AG']);
      expect(await companies({ id: { nin: [alpha, beta] } })).toEqual(['Delta', 'Epsilon GmbH', 'Gamma SA', 'zeta gmbh']);
    });

    it('filters on version', async () => {
      expect(company['Beta AG']!.version).toBe(3);
      expect(company['Gamma SA']!.version).toBe(2);
      expect(await companies({ version: { gt: 1 } })).toEqual(['Beta AG', 'Gamma SA']);
      expect(await companies({ version: { eq: 3 } })).toEqual(['Beta AG']);
      expect(await companies({ version: { in: [1, 2] } })).toEqual(['Alpha GmbH', 'Delta', 'Epsilon GmbH', 'Gamma SA', 'zeta gmbh']);
      expect(await companies({ version: { lte: 2, gte: 2 } })).toEqual(['Gamma SA']);
    });

    it('filters on createdAt relative to the value the API returned', async () => {
      const gamma = company['Gamma SA']!.createdAt;
      expect(await companies({ createdAt: { gt: gamma } })).toEqual(['Delta', 'Epsilon GmbH', 'zeta gmbh']);
      expect(await companies({ createdAt: { lte: gamma } })).toEqual(['Alpha GmbH', 'Beta AG', 'Gamma SA']);
      expect(await companies({ createdAt: { eq: gamma } })).toEqual(['Gamma SA']);
    });

    it('filters on createdAt with bounds far in the past and future', async () => {
      expect(await companies({ createdAt: { gt: '2000-01-01T00:00:00Z', lt: '2999-01-01T00:00:00Z' } })).toEqual(ALL_COMPANIES);
      expect(await companies({ createdAt: { lt: '2000-01-01T00:00:00Z' } })).toEqual([]);
    });

    it('filters on updatedAt', async () => {
      expect(await companies({ updatedAt: { gt: company['zeta gmbh']!.createdAt } })).toEqual(['Beta AG', 'Gamma SA']);
    });
  });

  describe('totalCount', () => {
    it('equals the number of matches and ignores first', async () => {
      const data = await t.ok(`{ companies(where: { country: { neq: "DE" } }, first: 1, orderBy: [{ name: ASC }]) { totalCount nodes { name } } }`);
      expect(data.companies.totalCount).toBe(4);
      expect(data.companies.nodes.map((n: { name: string }) => n.name)).toEqual(['Delta']);
    });

    it('ignores after: the count covers every match, not only the rest', async () => {
      const first = await t.ok(`{ companies(first: 2, orderBy: [{ name: ASC }]) { pageInfo { endCursor } } }`);
      const data = await t.ok(`query($after: String) { companies(first: 2, after: $after, orderBy: [{ name: ASC }]) { totalCount nodes { name } } }`, {
        after: first.companies.pageInfo.endCursor,
      });
      expect(data.companies.totalCount).toBe(6);
      expect(data.companies.nodes.map((n: { name: string }) => n.name)).toEqual(['Delta', 'Epsilon GmbH']);
    });

    it('is zero when nothing matches', async () => {
      const data = await t.ok(`{ companies(where: { country: { eq: "US" } }) { totalCount nodes { name } } }`);
      expect(data.companies).toEqual({ totalCount: 0, nodes: [] });
    });

    it('counts the matches of a filtered nested connection per parent', async () => {
      const data = await t.ok(`{
        companies(orderBy: [{ name: ASC }]) {
          nodes { name people(where: { function: { eq: "purchasing" } }, first: 1) { totalCount } }
        }
      }`);
      const counts = Object.fromEntries(data.companies.nodes.map((n: any) => [n.name, n.people.totalCount]));
      expect(counts).toEqual({ 'Alpha GmbH': 1, 'Beta AG': 2, Delta: 0, 'Epsilon GmbH': 0, 'Gamma SA': 0, 'zeta gmbh': 0 });
    });

    it('applies a filter to a nested connection per parent', async () => {
      const data = await t.ok(`{
        companies(where: { country: { eq: "DE" } }, orderBy: [{ name: ASC }]) {
          nodes { name people(where: { function: { eq: "purchasing" } }, orderBy: [{ lastName: ASC }]) { nodes { lastName } } }
        }
      }`);
      expect(data.companies.nodes).toEqual([
        { name: 'Alpha GmbH', people: { nodes: [{ lastName: 'Schmidt' }] } },
        { name: 'Beta AG', people: { nodes: [{ lastName: 'Fischer' }, { lastName: 'Weber' }] } },
      ]);
    });
  });

  describe('invalid filters', () => {
    it('rejects an operator that does not fit the type', async () => {
      const result = await t.gql(`{ companies(where: { licences: { like: "1%" } }) { totalCount } }`);
      expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('rejects a malformed money value as bad input', async () => {
      const result = await t.gql(`query($w: CompanyWhere) { companies(where: $w) { totalCount } }`, {
        w: { revenueLastYear: { gte: 'lots' } },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.data?.companies).toBeUndefined();
    });
  });
});
