import { resolve } from 'node:path';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/** create / update / delete over HTTP: selections, versions, conflicts, validation, defaults, exact scalars. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const ALL_TYPES = resolve(__dirname, 'fixtures/all-types');
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function onlyError(response: GraphQLResponse) {
  expect(response.errors).toHaveLength(1);
  return response.errors![0]!;
}

function fieldsNamed(response: GraphQLResponse): string[] {
  const fieldErrors = (onlyError(response).extensions?.fieldErrors ?? []) as { field: string; message: string }[];
  for (const e of fieldErrors) expect(typeof e.message === 'string' && e.message.length > 0).toBe(true);
  return fieldErrors.map((e) => e.field).sort();
}

describe.each(DATABASE_KINDS)('mutations on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t?.close());

  const COMPANY = 'id version createdAt updatedAt name street postalCode city country licences revenueLastYear';

  async function createCompany(input: Record<string, unknown>) {
    const data = await t.ok(`mutation ($input: CompanyCreateInput!) { createCompany(input: $input) { ${COMPANY} } }`, { input });
    return data.createCompany;
  }

  async function readCompany(id: string) {
    const data = await t.ok(`query ($id: ID!) { company(id: $id) { ${COMPANY} } }`, { id });
    return data.company;
  }

  async function countOf(plural: string, where = '{}'): Promise<number> {
    const data = await t.ok(`{ ${plural}(where: ${where}) { totalCount } }`);
    return data[plural].totalCount;
  }

  describe('create', () => {
    it('returns the selected fields with a UUID id, version 1 and timestamps of now', async () => {
      const before = Date.now();
      const c = await createCompany({ name: 'Alpha GmbH', city: 'Berlin', licences: 12 });
      const after = Date.now();
      expect(c.id).toMatch(UUID);
      expect(c.version).toBe(1);
      expect(c).toMatchObject({ name: 'Alpha GmbH', city: 'Berlin', licences: 12, street: null, country: null });
      for (const stamp of [c.createdAt, c.updatedAt]) {
        expect(stamp).toMatch(ISO_UTC);
        expect(Date.parse(stamp)).toBeGreaterThanOrEqual(before - 5000);
        expect(Date.parse(stamp)).toBeLessThanOrEqual(after + 5000);
      }
      expect(Date.parse(c.updatedAt)).toBeGreaterThanOrEqual(Date.parse(c.createdAt));
    });

    it('stores what it returned: reading the record gives the same values', async () => {
      const c = await createCompany({ name: 'Beta AG', street: 'Hauptstraße 1', postalCode: '10115', country: 'DE' });
      expect(await readCompany(c.id)).toEqual(c);
    });

    it('gives every record its own id', async () => {
      const a = await createCompany({ name: 'Twin' });
      const b = await createCompany({ name: 'Twin' });
      expect(a.id).not.toBe(b.id);
    });
  });

  describe('update', () => {
    it('changes only the given fields, bumps the version by one and moves updatedAt', async () => {
      const c = await createCompany({ name: 'Gamma KG', street: 'Ring 5', city: 'Köln', licences: 3 });
      await sleep(20);
      const data = await t.ok(`mutation ($id: ID!) { updateCompany(id: $id, input: { city: "Bonn" }) { ${COMPANY} } }`, { id: c.id });
      const u = data.updateCompany;
      expect(u).toEqual({ ...c, city: 'Bonn', version: 2, updatedAt: u.updatedAt });
      expect(Date.parse(u.updatedAt)).toBeGreaterThan(Date.parse(c.updatedAt));
      expect(u.createdAt).toBe(c.createdAt);
      expect(await readCompany(c.id)).toEqual(u);
    });

    it('adds one to the version on every update', async () => {
      const c = await createCompany({ name: 'Counter' });
      for (const licences of [1, 2, 3]) {
        await t.ok(`mutation ($id: ID!, $l: Int) { updateCompany(id: $id, input: { licences: $l }) { id } }`, { id: c.id, l: licences });
      }
      expect(await readCompany(c.id)).toMatchObject({ version: 4, licences: 3 });
    });

    it('clears an optional field given null', async () => {
      const c = await createCompany({ name: 'Delta', city: 'Essen', licences: 7, revenueLastYear: '5.00' });
      const data = await t.ok(
        `mutation ($id: ID!) { updateCompany(id: $id, input: { city: null, licences: null, revenueLastYear: null }) { city licences revenueLastYear name version } }`,
        { id: c.id },
      );
      expect(data.updateCompany).toEqual({ city: null, licences: null, revenueLastYear: null, name: 'Delta', version: 2 });
      expect(await readCompany(c.id)).toMatchObject({ city: null, licences: null, revenueLastYear: null, name: 'Delta' });
    });

    it('refuses to clear a required field with BAD_USER_INPUT naming it', async () => {
      const c = await createCompany({ name: 'Epsilon' });
      const r = await t.gql(`mutation ($id: ID!) { updateCompany(id: $id, input: { name: null }) { id } }`, { id: c.id });
      expect(onlyError(r).extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldsNamed(r)).toEqual(['name']);
      expect(await readCompany(c.id)).toMatchObject({ name: 'Epsilon', version: 1 });
    });

    it('succeeds with expectedVersion equal to the current version', async () => {
      const c = await createCompany({ name: 'Zeta', city: 'Ulm' });
      const data = await t.ok(
        `mutation ($id: ID!) { updateCompany(id: $id, input: { city: "Augsburg" }, expectedVersion: 1) { city version } }`,
        { id: c.id },
      );
      expect(data.updateCompany).toEqual({ city: 'Augsburg', version: 2 });
      const again = await t.ok(
        `mutation ($id: ID!) { updateCompany(id: $id, input: { city: "Passau" }, expectedVersion: 2) { city version } }`,
        { id: c.id },
      );
      expect(again.updateCompany).toEqual({ city: 'Passau', version: 3 });
    });

    it('fails with CONFLICT for a stale expectedVersion and leaves the record unchanged', async () => {
      const c = await createCompany({ name: 'Eta', city: 'Trier' });
      await t.ok(`mutation ($id: ID!) { updateCompany(id: $id, input: { city: "Mainz" }) { id } }`, { id: c.id });
      const stored = await readCompany(c.id);
      const r = await t.gql(
        `mutation ($id: ID!) { updateCompany(id: $id, input: { city: "Worms", name: "Eta 2" }, expectedVersion: 1) { id } }`,
        { id: c.id },
      );
      expect(onlyError(r).extensions?.code).toBe('CONFLICT');
      expect(r.data ?? null).toBeNull();
      expect(await readCompany(c.id)).toEqual(stored);
      expect(stored).toMatchObject({ city: 'Mainz', name: 'Eta', version: 2 });
    });

    it('fails with CONFLICT for an expectedVersion ahead of the current one', async () => {
      const c = await createCompany({ name: 'Theta' });
      const r = await t.gql(`mutation ($id: ID!) { updateCompany(id: $id, input: { city: "Hof" }, expectedVersion: 2) { id } }`, { id: c.id });
      expect(onlyError(r).extensions?.code).toBe('CONFLICT');
      expect(await readCompany(c.id)).toEqual(c);
    });

    it('fails with NOT_FOUND for an id that does not exist', async () => {
      const r = await t.gql(`mutation ($id: ID!) { updateCompany(id: $id, input: { city: "Nowhere" }) { id } }`, { id: MISSING_ID });
      expect(onlyError(r).extensions?.code).toBe('NOT_FOUND');
    });

    it('fails with NOT_FOUND (not CONFLICT) for a missing id even with expectedVersion', async () => {
      const r = await t.gql(`mutation ($id: ID!) { updateCompany(id: $id, input: { city: "Nowhere" }, expectedVersion: 1) { id } }`, { id: MISSING_ID });
      expect(onlyError(r).extensions?.code).toBe('NOT_FOUND');
    });

    it('fails with NOT_FOUND for a malformed id', async () => {
      for (const id of ['not-a-uuid', '42', "1' OR '1'='1"]) {
        const r = await t.gql(`mutation ($id: ID!) { updateCompany(id: $id, input: { city: "X" }) { id } }`, { id });
        expect(onlyError(r).extensions?.code).toBe('NOT_FOUND');
      }
    });
  });

  describe('delete', () => {
    it('returns the id and the record is gone', async () => {
      const c = await createCompany({ name: 'Doomed Ltd' });
      const before = await countOf('companies', '{ name: { eq: "Doomed Ltd" } }');
      expect(before).toBe(1);
      const data = await t.ok(`mutation ($id: ID!) { deleteCompany(id: $id) }`, { id: c.id });
      expect(data.deleteCompany).toBe(c.id);
      expect(await readCompany(c.id)).toBeNull();
      expect(await countOf('companies', '{ name: { eq: "Doomed Ltd" } }')).toBe(0);
    });

    it('fails with NOT_FOUND the second time', async () => {
      const c = await createCompany({ name: 'Twice' });
      await t.ok(`mutation ($id: ID!) { deleteCompany(id: $id) }`, { id: c.id });
      const r = await t.gql(`mutation ($id: ID!) { deleteCompany(id: $id) }`, { id: c.id });
      expect(onlyError(r).extensions?.code).toBe('NOT_FOUND');
    });

    it('fails with NOT_FOUND for a missing or malformed id and deletes nothing', async () => {
      const total = await countOf('companies');
      for (const id of [MISSING_ID, 'not-a-uuid']) {
        const r = await t.gql(`mutation ($id: ID!) { deleteCompany(id: $id) }`, { id });
        expect(onlyError(r).extensions?.code).toBe('NOT_FOUND');
      }
      expect(await countOf('companies')).toBe(total);
    });

    it('deletes people with their company (onDelete: cascade)', async () => {
      const c = await createCompany({ name: 'Cascade Inc' });
      await t.ok(`mutation ($c: ID!) { createPerson(input: { lastName: "Inside", company: $c }) { id } }`, { c: c.id });
      expect(await countOf('people', '{ lastName: { eq: "Inside" } }')).toBe(1);
      await t.ok(`mutation ($id: ID!) { deleteCompany(id: $id) }`, { id: c.id });
      expect(await countOf('people', '{ lastName: { eq: "Inside" } }')).toBe(0);
    });

    it('refuses with CONFLICT to delete an insurer its patients still refer to (onDelete: restrict)', async () => {
      const c = await createCompany({ name: 'Insurer AG' });
      await t.ok(`mutation ($c: ID!) { createPatient(input: { lastName: "Kranz", insurer: $c }) { id } }`, { c: c.id });
      const r = await t.gql(`mutation ($id: ID!) { deleteCompany(id: $id) }`, { id: c.id });
      expect(onlyError(r).extensions?.code).toBe('CONFLICT');
      expect(await readCompany(c.id)).toEqual(c);
    });
  });

  describe('unique values', () => {
    it('gives CONFLICT naming the field when a unique value is taken on create, and writes nothing', async () => {
      await t.ok(`mutation { createPerson(input: { lastName: "First", email: "taken@example.com" }) { id } }`);
      const r = await t.gql(`mutation { createPerson(input: { lastName: "Second", email: "taken@example.com" }) { id } }`);
      const error = onlyError(r);
      expect(error.extensions?.code).toBe('CONFLICT');
      expect(fieldsNamed(r)).toEqual(['email']);
      expect(await countOf('people', '{ email: { eq: "taken@example.com" } }')).toBe(1);
      expect(await countOf('people', '{ lastName: { eq: "Second" } }')).toBe(0);
    });

    it('gives CONFLICT naming the field when an update takes a unique value', async () => {
      await t.ok(`mutation { createPerson(input: { lastName: "Owner", email: "owner@example.com" }) { id } }`);
      const other = await t.ok(`mutation { createPerson(input: { lastName: "Other", email: "other@example.com" }) { id } }`);
      const r = await t.gql(`mutation ($id: ID!) { updatePerson(id: $id, input: { email: "owner@example.com" }) { id } }`, {
        id: other.createPerson.id,
      });
      expect(onlyError(r).extensions?.code).toBe('CONFLICT');
      expect(fieldsNamed(r)).toEqual(['email']);
      const back = await t.ok(`query ($id: ID!) { person(id: $id) { email version } }`, { id: other.createPerson.id });
      expect(back.person).toEqual({ email: 'other@example.com', version: 1 });
    });

    it('lets several records leave a unique field empty', async () => {
      await t.ok(`mutation { createPerson(input: { lastName: "NoMail" }) { id } }`);
      await t.ok(`mutation { createPerson(input: { lastName: "NoMail" }) { id } }`);
      expect(await countOf('people', '{ lastName: { eq: "NoMail" } }')).toBe(2);
    });
  });

  describe('validation', () => {
    it('names every bad field of a person at once and writes nothing', async () => {
      const before = await countOf('people');
      const r = await t.gql(
        `mutation ($input: PersonCreateInput!) { createPerson(input: $input) { id } }`,
        { input: { title: 'x'.repeat(51), email: 'not-an-e-mail', salutation: 'Sir', firstName: 'Valid' } },
      );
      expect(onlyError(r).extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldsNamed(r)).toEqual(['email', 'lastName', 'salutation', 'title']);
      expect(await countOf('people')).toBe(before);
    });

    it('names every bad field of a company at once and writes nothing', async () => {
      const before = await countOf('companies');
      const r = await t.gql(`mutation ($input: CompanyCreateInput!) { createCompany(input: $input) { id } }`, {
        input: {
          name: 'N'.repeat(201),
          country: 'de',
          licences: -1,
          revenueLastYear: '-0.01',
          website: 'not a url',
          postalCode: '1'.repeat(21),
          city: 'Fine',
        },
      });
      expect(onlyError(r).extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldsNamed(r)).toEqual(['country', 'licences', 'name', 'postalCode', 'revenueLastYear', 'website']);
      expect(await countOf('companies')).toBe(before);
    });

    it('treats the pattern as a whole-value match: two upper-case letters only', async () => {
      for (const country of ['DEU', 'D', 'd1', 'De']) {
        const r = await t.gql(`mutation ($c: String) { createCompany(input: { name: "Pattern", country: $c }) { id } }`, { c: country });
        expect(onlyError(r).extensions?.code).toBe('BAD_USER_INPUT');
        expect(fieldsNamed(r)).toEqual(['country']);
      }
      const ok = await t.ok(`mutation { createCompany(input: { name: "Pattern", country: "AT" }) { country } }`);
      expect(ok.createCompany.country).toBe('AT');
    });

    it('accepts values exactly at the limits (maxLength, min)', async () => {
      const data = await t.ok(
        `mutation ($input: CompanyCreateInput!) { createCompany(input: $input) { name licences revenueLastYear } }`,
        { input: { name: 'L'.repeat(200), licences: 0, revenueLastYear: '0' } },
      );
      expect(data.createCompany).toEqual({ name: 'L'.repeat(200), licences: 0, revenueLastYear: '0.00' });
    });

    it('validates updates the same way and leaves the record unchanged', async () => {
      const c = await createCompany({ name: 'Strict', country: 'FR', licences: 1 });
      const r = await t.gql(`mutation ($id: ID!) { updateCompany(id: $id, input: { country: "fr", licences: -1 }) { id } }`, { id: c.id });
      expect(onlyError(r).extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldsNamed(r)).toEqual(['country', 'licences']);
      expect(await readCompany(c.id)).toEqual(c);
    });

    it('gives BAD_USER_INPUT naming a reference to a record that does not exist', async () => {
      const before = await countOf('people');
      const r = await t.gql(`mutation ($c: ID) { createPerson(input: { lastName: "Lost", company: $c }) { id } }`, { c: MISSING_ID });
      expect(onlyError(r).extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldsNamed(r)).toEqual(['company']);
      expect(await countOf('people')).toBe(before);
    });

    it('accepts a value from the options of a choice field', async () => {
      const data = await t.ok(`mutation { createPerson(input: { lastName: "Chosen", salutation: "Dr" }) { salutation } }`);
      expect(data.createPerson.salutation).toBe('Dr');
    });
  });

  describe('defaults from the definitions', () => {
    it('fills member.fee with 0 and member.active with true when not given', async () => {
      const data = await t.ok(`mutation { createMember(input: { lastName: "Default", membershipNumber: "M-0001" }) { fee active } }`);
      expect(data.createMember).toEqual({ fee: '0.00', active: true });
    });

    it('keeps given values over the defaults, false included', async () => {
      const data = await t.ok(
        `mutation { createMember(input: { lastName: "Given", membershipNumber: "M-0002", fee: "120.50", active: false }) { fee active } }`,
      );
      expect(data.createMember).toEqual({ fee: '120.50', active: false });
    });
  });
});

describe.each(DATABASE_KINDS)('scalar round trips on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind, { metadataDir: ALL_TYPES });
  });
  afterAll(() => t?.close());

  const FIELDS = 'id title body count ratio price enabled day moment contact phone homepage colour tags payload';

  async function create(input: Record<string, unknown>) {
    const data = await t.ok(`mutation ($input: SpecimenCreateInput!) { createSpecimen(input: $input) { ${FIELDS} } }`, { input });
    const read = await t.ok(`query ($id: ID!) { specimen(id: $id) { ${FIELDS} } }`, { id: data.createSpecimen.id });
    expect(read.specimen).toEqual(data.createSpecimen);
    return data.createSpecimen;
  }

  it('returns every field type exactly as it was written', async () => {
    const payload = { a: 1, nested: { list: [1, 'two', null, true, 2.5] }, empty: {}, text: 'ä "quoted"' };
    const s = await create({
      title: 'Grüße aus Köln',
      body: 'line one\nline two\n' + 'z'.repeat(10000),
      count: 2147483647,
      ratio: '123456789012345678901234567890.123456789',
      price: '12345678901234.5678',
      enabled: false,
      day: '2024-02-29',
      moment: '2024-03-10T15:30:00.000Z',
      contact: 'anna.schmidt@example.com',
      phone: '+49 30 1234567',
      homepage: 'https://example.com/path/page?q=1',
      colour: 'green',
      tags: ['gamma', 'alpha'],
      payload,
    });
    expect(s).toEqual({
      id: s.id,
      title: 'Grüße aus Köln',
      body: 'line one\nline two\n' + 'z'.repeat(10000),
      count: 2147483647,
      ratio: '123456789012345678901234567890.123456789',
      price: '12345678901234.5678',
      enabled: false,
      day: '2024-02-29',
      moment: '2024-03-10T15:30:00.000Z',
      contact: 'anna.schmidt@example.com',
      phone: '+49 30 1234567',
      homepage: 'https://example.com/path/page?q=1',
      colour: 'green',
      tags: ['gamma', 'alpha'],
      payload,
    });
  });

  it('keeps money exact: "0.10" stays "0.10" and the largest amounts keep all four decimals', async () => {
    expect((await create({ title: 'dime', price: '0.10' })).price).toBe('0.10');
    expect((await create({ title: 'tiny', price: '0.0001' })).price).toBe('0.0001');
    expect((await create({ title: 'negative', price: '-999999999999999.9999' })).price).toBe('-999999999999999.9999');
    expect((await create({ title: 'whole', price: '7' })).price).toBe('7.00');
    const big = await create({ title: 'big', price: '12345678901234.5678' });
    const [row] = await t.server.db.query<{ price: string }>('SELECT price::text AS price FROM specimen WHERE id = $1', [big.id]);
    expect(row!.price).toBe('12345678901234.5678');
  });

  it('keeps money given as a literal number exact (0.1 is not a float)', async () => {
    const data = await t.ok(`mutation { createSpecimen(input: { title: "literal", price: 0.1, ratio: 0.3 }) { price ratio } }`);
    expect(data.createSpecimen).toEqual({ price: '0.10', ratio: '0.3' });
  });

  it('refuses money with more than four decimals or more than 15 whole digits', async () => {
    for (const price of ['1.23456', '1234567890123456']) {
      const r = await t.gql(`mutation ($p: Money) { createSpecimen(input: { title: "bad money", price: $p }) { id } }`, { p: price });
      expect(onlyError(r).extensions?.code).toBe('BAD_USER_INPUT');
    }
    const rows = await t.server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM specimen WHERE title = 'bad money'`);
    expect(rows[0]!.n).toBe(0);
  });

  it('keeps decimals exact beyond float precision', async () => {
    for (const ratio of ['0.1', '-0.000000000000000000001', '9007199254740993', '3.14159265358979323846264338327950288']) {
      expect((await create({ title: 'decimal', ratio })).ratio).toBe(ratio);
    }
  });

  it('stores a datetime with an offset as the same instant, returned in UTC', async () => {
    expect((await create({ title: 'offset', moment: '2024-03-10T15:30:00+02:00' })).moment).toBe('2024-03-10T13:30:00.000Z');
    expect((await create({ title: 'west', moment: '2024-12-31T23:59:59.123-05:00' })).moment).toBe('2025-01-01T04:59:59.123Z');
  });

  it('keeps dates as calendar days, leap day included, regardless of time zones', async () => {
    for (const day of ['2024-02-29', '1900-01-01', '2099-12-31']) {
      expect((await create({ title: 'day', day })).day).toBe(day);
    }
  });

  it('refuses an impossible date with BAD_USER_INPUT', async () => {
    const r = await t.gql(`mutation ($d: Date) { createSpecimen(input: { title: "no day", day: $d }) { id } }`, { d: '2023-02-29' });
    expect(onlyError(r).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps json of every shape: object, array, string, number, boolean', async () => {
    for (const payload of [{ deep: { er: [{ x: [1, [2, [3]]] }] } }, [1, 'a', { b: null }], 'just text', 42, true]) {
      expect((await create({ title: 'json', payload })).payload).toEqual(payload);
    }
  });

  it('refuses a bad e-mail, url, phone, choice and multiChoice value, naming each field', async () => {
    const r = await t.gql(`mutation ($input: SpecimenCreateInput!) { createSpecimen(input: $input) { id } }`, {
      input: { title: 'bad formats', contact: 'anna@', homepage: 'javascript:alert(1)', phone: 'call me', colour: 'purple', tags: ['alpha', 'omega'] },
    });
    expect(onlyError(r).extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsNamed(r)).toEqual(['colour', 'contact', 'homepage', 'phone', 'tags']);
  });

  it('clears every optional field type with null', async () => {
    const s = await create({
      title: 'full',
      body: 'b',
      count: 1,
      ratio: '1.5',
      price: '2.00',
      enabled: true,
      day: '2024-01-01',
      moment: '2024-01-01T00:00:00.000Z',
      contact: 'a@example.com',
      phone: '+1 555 0100',
      homepage: 'https://example.org/x',
      colour: 'red',
      tags: ['beta'],
      payload: { k: 'v' },
    });
    const nulls = { body: null, count: null, ratio: null, price: null, enabled: null, day: null, moment: null, contact: null, phone: null, homepage: null, colour: null, tags: null, payload: null };
    const data = await t.ok(`mutation ($id: ID!, $input: SpecimenUpdateInput!) { updateSpecimen(id: $id, input: $input) { ${FIELDS} } }`, {
      id: s.id,
      input: nulls,
    });
    expect(data.updateSpecimen).toEqual({ id: s.id, title: 'full', ...nulls });
  });
});
