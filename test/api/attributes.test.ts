import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * The attributes trait (contract section 6, issue 6 item 3) on the sample company:
 * runtime-defined attributes, values with validity periods the database keeps from
 * overlapping, `attributes(asOf:)` right on period boundaries, history, and `where`.
 */

function errorOf(result: GraphQLResponse) {
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, fields: (error?.extensions?.fieldErrors ?? []).map((e: { field: string }) => e.field) };
}

describe.each(DATABASE_KINDS)('attributes on %s', (kind) => {
  let t: TestServer;

  const define = (input: Record<string, unknown>, token?: string) =>
    t.gql(`mutation($input: AttributeDefinitionInput!) { defineAttribute(input: $input) { name label type options appliesTo } }`, { input }, token);
  const set = (id: string, name: string, value: unknown, validFrom?: string, validTo?: string) =>
    t.gql(
      `mutation($id: ID!, $name: String!, $value: JSON, $from: Date, $to: Date) {
        setAttribute(type: "company", id: $id, name: $name, value: $value, validFrom: $from, validTo: $to) { name value validFrom validTo }
      }`,
      { id, name, value, from: validFrom, to: validTo },
    );
  const asOf = async (id: string, day?: string) =>
    (await t.ok(`query($id: ID!, $day: Date) { company(id: $id) { attributes(asOf: $day) { name value } } }`, { id, day })).company.attributes;
  const newCompany = async (name: string) => (await t.ok(`mutation($n: String!) { createCompany(input: { name: $n }) { id } }`, { n: name })).createCompany.id;

  beforeAll(async () => {
    t = await startTestServer(kind);
    for (const input of [
      { name: 'rating', label: { en: 'Rating', de: 'Bewertung' }, type: 'choice', options: ['A', 'B', 'C'] },
      { name: 'employees', label: { en: 'Employees', de: 'Mitarbeiter' }, type: 'number', appliesTo: ['company'] },
      { name: 'auditedOn', label: { en: 'Audited on' }, type: 'date' },
      { name: 'keyAccount', label: { en: 'Key account manager' }, type: 'reference', target: 'employee' },
    ]) {
      const result = await define(input);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    }
  });

  afterAll(() => t?.close());

  it('lists the definitions administrators made at run time', async () => {
    const data = await t.ok(`{ attributeDefinitions(type: "company") { name label(locale: "de") type options target } }`);
    expect(data.attributeDefinitions.map((d: { name: string }) => d.name)).toEqual(['auditedOn', 'employees', 'keyAccount', 'rating']);
    expect(data.attributeDefinitions[3]).toEqual({ name: 'rating', label: 'Bewertung', type: 'choice', options: ['A', 'B', 'C'], target: null });
  });

  it('refuses bad definitions and non-administrators', async () => {
    expect(errorOf(await define({ name: 'Bad Name', label: {}, type: 'colour', target: 'nowhere' }))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['name', 'label', 'type', 'target'],
    });
    expect(errorOf(await define({ name: 'rating', label: { en: 'Rating' }, type: 'text' })).code).toBe('CONFLICT');
    const rep = await t.token('rep', ['salesRep']);
    expect(errorOf(await define({ name: 'x', label: { en: 'X' }, type: 'text' }, rep)).code).toBe('FORBIDDEN');
  });

  it('returns the value valid on a day, right on the period boundaries', async () => {
    const id = await newCompany('Boundary GmbH');
    expect((await set(id, 'rating', 'C', '2024-01-01', '2025-01-01')).errors).toBeUndefined();
    expect((await set(id, 'rating', 'B', '2025-01-01', '2025-07-01')).errors).toBeUndefined();
    expect((await set(id, 'rating', 'A', '2025-07-01')).errors).toBeUndefined();
    expect(await asOf(id, '2023-12-31')).toEqual([]);
    expect(await asOf(id, '2024-01-01')).toEqual([{ name: 'rating', value: 'C' }]);
    expect(await asOf(id, '2024-12-31')).toEqual([{ name: 'rating', value: 'C' }]);
    expect(await asOf(id, '2025-01-01')).toEqual([{ name: 'rating', value: 'B' }]);
    expect(await asOf(id, '2025-06-30')).toEqual([{ name: 'rating', value: 'B' }]);
    expect(await asOf(id, '2025-07-01')).toEqual([{ name: 'rating', value: 'A' }]);
    expect(await asOf(id)).toEqual([{ name: 'rating', value: 'A' }]);
  });

  it('refuses overlapping periods, through the API and at the database', async () => {
    const id = await newCompany('Overlap GmbH');
    await set(id, 'employees', 10, '2025-01-01', '2025-12-31');
    const overlapping = await set(id, 'employees', 12, '2025-06-01', '2026-06-01');
    expect(errorOf(overlapping)).toEqual({ code: 'CONFLICT', fields: ['validFrom'] });
    await expect(
      t.server.db.query(`INSERT INTO company_attribute (record_id, name, value, valid_from, valid_to) VALUES ($1, 'employees', '11', '2025-03-01', '2025-04-01')`, [id]),
    ).rejects.toMatchObject({ code: '23P01' });
    expect((await set(id, 'employees', 12, '2025-12-31')).errors).toBeUndefined();
    const history = await t.ok(`query($id: ID!) { company(id: $id) { attributeHistory(name: "employees") { value validFrom validTo } } }`, { id });
    expect(history.company.attributeHistory).toEqual([
      { value: 10, validFrom: '2025-01-01', validTo: '2025-12-31' },
      { value: 12, validFrom: '2025-12-31', validTo: null },
    ]);
  });

  it('lets an open-ended value supersede the open-ended one before it', async () => {
    const id = await newCompany('Supersede GmbH');
    await set(id, 'rating', 'C', '2025-01-01');
    await set(id, 'rating', 'A', '2025-03-01');
    const history = await t.ok(`query($id: ID!) { company(id: $id) { attributeHistory(name: "rating") { value validFrom validTo } } }`, { id });
    expect(history.company.attributeHistory).toEqual([
      { value: 'C', validFrom: '2025-01-01', validTo: '2025-03-01' },
      { value: 'A', validFrom: '2025-03-01', validTo: null },
    ]);
  });

  it('checks each value against its attribute type', async () => {
    const id = await newCompany('Typed GmbH');
    expect(errorOf(await set(id, 'rating', 'Z'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['value'] });
    expect(errorOf(await set(id, 'employees', 'many'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['value'] });
    expect(errorOf(await set(id, 'auditedOn', '30.06.2025'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['value'] });
    expect(errorOf(await set(id, 'keyAccount', id))).toEqual({ code: 'BAD_USER_INPUT', fields: ['value'] });
    expect(errorOf(await set(id, 'noSuch', 1))).toEqual({ code: 'BAD_USER_INPUT', fields: ['name'] });
    expect(errorOf(await set(id, 'rating', 'A', '2025-02-01', '2025-01-01'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['validTo'] });
    const employee = (await t.ok(`mutation { createEmployee(input: { lastName: "Key", email: "key@example.com" }) { id } }`)).createEmployee.id;
    expect((await set(id, 'keyAccount', employee)).errors).toBeUndefined();
    expect((await set(id, 'auditedOn', '2025-06-30')).errors).toBeUndefined();
  });

  it('filters records by attribute values, now or as of a date', async () => {
    const changed = await newCompany('Filter Changed');
    const steady = await newCompany('Filter Steady');
    await set(changed, 'rating', 'B', '2020-01-01', '2025-01-01');
    await set(changed, 'rating', 'A', '2025-01-01');
    await set(steady, 'rating', 'B', '2020-01-01');
    const validOn = (day: string) => ({ validFrom: { lte: day }, OR: [{ validTo: { isNull: true } }, { validTo: { gt: day } }] });
    const names = async (day: string, value: string) => {
      const where = { name: { like: 'Filter %' }, attributes: { some: { name: { eq: 'rating' }, value: { contains: value }, ...validOn(day) } } };
      const data = await t.ok(`query($w: CompanyWhere) { companies(where: $w, orderBy: [{ name: ASC }]) { nodes { name } } }`, { w: where });
      return data.companies.nodes.map((n: { name: string }) => n.name);
    };
    expect(await names('2024-06-30', 'B')).toEqual(['Filter Changed', 'Filter Steady']);
    expect(await names('2026-01-01', 'B')).toEqual(['Filter Steady']);
    expect(await names('2026-01-01', 'A')).toEqual(['Filter Changed']);
  });
});
