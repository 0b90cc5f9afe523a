import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * The addresses trait (contract section 6) on the sample patient (`addressKinds: [home,
 * billing]`): addresses by kind, one default per kind guaranteed by the database even
 * under concurrent requests, and filtering records by their addresses.
 */

const ADDRESS = 'id kind street extraLines postalCode city country isDefault';

function fieldsOf(result: GraphQLResponse): string[] {
  return (result.errors?.[0]?.extensions?.fieldErrors ?? []).map((e: { field: string }) => e.field);
}

describe.each(DATABASE_KINDS)('addresses on %s', (kind) => {
  let t: TestServer;

  async function createPatient(lastName: string): Promise<string> {
    const data = await t.ok(`mutation($n: String!) { createPatient(input: { lastName: $n }) { id } }`, { n: lastName });
    return data.createPatient.id;
  }

  async function addAddress(id: string, input: Record<string, unknown>) {
    return t.gql(`mutation($id: ID!, $input: AddressInput!) { addPatientAddress(id: $id, input: $input) { ${ADDRESS} } }`, { id, input });
  }

  async function addressesOf(id: string) {
    const data = await t.ok(
      `query($id: ID!) { patient(id: $id) { all: addresses { kind city isDefault } home: defaultAddress(kind: "home") { city } billing: addresses(kind: "billing") { city } } }`,
      { id },
    );
    return data.patient;
  }

  beforeAll(async () => {
    t = await startTestServer(kind);
  });

  afterAll(() => t?.close());

  it('adds addresses of the declared kinds and returns them on the record, defaults first', async () => {
    const id = await createPatient('Lorenz');
    const added = await addAddress(id, { kind: 'home', street: 'Domstraße 1', extraLines: ['c/o Meier'], postalCode: '50667', city: 'Köln', country: 'DE', isDefault: true });
    expect(added.errors).toBeUndefined();
    expect(added.data.addPatientAddress).toMatchObject({ kind: 'home', street: 'Domstraße 1', extraLines: ['c/o Meier'], city: 'Köln', isDefault: true });
    await addAddress(id, { kind: 'billing', city: 'Bonn' });
    await addAddress(id, { kind: 'billing', city: 'Aachen' });
    expect(await addressesOf(id)).toEqual({
      all: [
        { kind: 'home', city: 'Köln', isDefault: true },
        { kind: 'billing', city: 'Bonn', isDefault: false },
        { kind: 'billing', city: 'Aachen', isDefault: false },
      ],
      home: { city: 'Köln' },
      billing: [{ city: 'Bonn' }, { city: 'Aachen' }],
    });
  });

  it('refuses a kind the type does not declare, naming every bad field', async () => {
    const id = await createPatient('Kind');
    const result = await addAddress(id, { kind: 'delivery', country: 'Germany' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(result).sort()).toEqual(['country', 'kind']);
    expect((await addressesOf(id)).all).toEqual([]);
  });

  it('answers NOT_FOUND for an address of a missing record', async () => {
    const result = await addAddress('00000000-0000-4000-8000-000000000000', { kind: 'home' });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('makes a new default clear the previous default of that kind only', async () => {
    const id = await createPatient('Default');
    await addAddress(id, { kind: 'home', city: 'Old', isDefault: true });
    await addAddress(id, { kind: 'billing', city: 'Bill', isDefault: true });
    await addAddress(id, { kind: 'home', city: 'New', isDefault: true });
    const patient = await addressesOf(id);
    expect(patient.home).toEqual({ city: 'New' });
    expect(patient.all.filter((a: { isDefault: boolean }) => a.isDefault)).toEqual([
      { kind: 'billing', city: 'Bill', isDefault: true },
      { kind: 'home', city: 'New', isDefault: true },
    ]);
  });

  it('keeps one default per kind when many requests set defaults at the same time', async () => {
    const id = await createPatient('Race');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => addAddress(id, { kind: 'home', city: `City ${i}`, isDefault: true })),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const patient = await addressesOf(id);
    expect(patient.all).toHaveLength(8);
    expect(patient.all.filter((a: { isDefault: boolean }) => a.isDefault)).toHaveLength(1);
  });

  it('refuses a second default of a kind at the database, whoever writes the rows', async () => {
    const id = await createPatient('Direct');
    await addAddress(id, { kind: 'home', city: 'One', isDefault: true });
    await expect(
      t.server.db.query(`INSERT INTO patient_address (record_id, kind, city, is_default) VALUES ($1, 'home', 'Two', true)`, [id]),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('updates an address, moving the default to it, and deletes addresses', async () => {
    const id = await createPatient('Update');
    const first = (await addAddress(id, { kind: 'home', city: 'A', isDefault: true })).data.addPatientAddress;
    const second = (await addAddress(id, { kind: 'home', city: 'B' })).data.addPatientAddress;
    const updated = await t.ok(
      `mutation($id: ID!) { updateAddress(id: $id, input: { isDefault: true, street: "Ring 2" }) { city street isDefault } }`,
      { id: second.id },
    );
    expect(updated.updateAddress).toEqual({ city: 'B', street: 'Ring 2', isDefault: true });
    expect((await addressesOf(id)).home).toEqual({ city: 'B' });
    expect(await t.ok(`mutation($id: ID!) { deleteAddress(id: $id) }`, { id: first.id })).toEqual({ deleteAddress: first.id });
    expect((await addressesOf(id)).all).toEqual([{ kind: 'home', city: 'B', isDefault: true }]);
    const again = await t.gql(`mutation($id: ID!) { deleteAddress(id: $id) }`, { id: first.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('filters records by their addresses with some and none', async () => {
    const cologne = await createPatient('FilterKoeln');
    const bonn = await createPatient('FilterBonn');
    await addAddress(cologne, { kind: 'home', city: 'Köln', postalCode: '50667' });
    await addAddress(bonn, { kind: 'billing', city: 'Köln' });
    await addAddress(bonn, { kind: 'home', city: 'Bonn' });
    const query = `query($w: PatientWhere) { patients(where: $w, orderBy: [{ lastName: ASC }]) { totalCount nodes { lastName } } }`;
    const names = async (w: unknown) => (await t.ok(query, { w })).patients.nodes.map((n: { lastName: string }) => n.lastName);
    const onlyFilter = { lastName: { like: 'Filter%' } };
    expect(await names({ ...onlyFilter, addresses: { some: { city: { eq: 'Köln' } } } })).toEqual(['FilterBonn', 'FilterKoeln']);
    expect(await names({ ...onlyFilter, addresses: { some: { city: { eq: 'Köln' }, kind: { eq: 'home' } } } })).toEqual(['FilterKoeln']);
    expect(await names({ ...onlyFilter, addresses: { none: { city: { eq: 'Bonn' } } } })).toEqual(['FilterKoeln']);
  });

  it('deletes the addresses with their record', async () => {
    const id = await createPatient('Gone');
    await addAddress(id, { kind: 'home', city: 'X' });
    await t.ok(`mutation($id: ID!) { deletePatient(id: $id) }`, { id });
    const rows = await t.server.db.query(`SELECT 1 FROM patient_address WHERE record_id = $1`, [id]);
    expect(rows).toEqual([]);
  });
});
