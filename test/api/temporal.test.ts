import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * Temporal fields (contract section 6, issue 6 item 4) on the sample patient's insurerTariff:
 * each write closes the current period and opens a new one, validFrom backdates or schedules,
 * `insurerTariffHistory` lists the periods, `patient(id:, asOf:)` reads a past day.
 */

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each(DATABASE_KINDS)('temporal fields on %s', (kind) => {
  let t: TestServer;

  const create = async (tariff: string | null) =>
    (await t.ok(`mutation($t: String) { createPatient(input: { lastName: "Temporal", insurerTariff: $t }) { id } }`, { t: tariff })).createPatient.id;
  const update = (id: string, tariff: string | null, validFrom?: string) =>
    t.gql(`mutation($id: ID!, $t: String, $from: Date) { updatePatient(id: $id, input: { insurerTariff: $t }, validFrom: $from) { insurerTariff } }`, { id, t: tariff, from: validFrom });
  const on = async (id: string, day?: string) =>
    (await t.ok(`query($id: ID!, $day: Date) { patient(id: $id, asOf: $day) { insurerTariff } }`, { id, day })).patient.insurerTariff;
  const history = async (id: string) =>
    (await t.ok(`query($id: ID!) { patient(id: $id) { insurerTariffHistory { value validFrom validTo } } }`, { id })).patient.insurerTariffHistory;

  beforeAll(async () => {
    t = await startTestServer(kind);
  });

  afterAll(() => t?.close());

  it('opens a period on create; a change backdated before it replaces it from that day', async () => {
    const id = await create('Basis');
    expect(await history(id)).toEqual([{ value: 'Basis', validFrom: today(), validTo: null }]);
    const changed = await update(id, 'Komfort', inDays(-30));
    expect(changed.errors).toBeUndefined();
    expect(changed.data.updatePatient.insurerTariff).toBe('Komfort');
    expect(await history(id)).toEqual([{ value: 'Komfort', validFrom: inDays(-30), validTo: null }]);
  });

  it('returns the right value right on the period boundaries with asOf', async () => {
    const id = await create('A');
    await update(id, 'A', '2024-01-01');
    await update(id, 'B', '2025-01-01');
    await update(id, 'C', '2025-07-01');
    expect(await history(id)).toEqual([
      { value: 'A', validFrom: '2024-01-01', validTo: '2025-01-01' },
      { value: 'B', validFrom: '2025-01-01', validTo: '2025-07-01' },
      { value: 'C', validFrom: '2025-07-01', validTo: null },
    ]);
    expect(await on(id, '2023-12-31')).toBeNull();
    expect(await on(id, '2024-01-01')).toBe('A');
    expect(await on(id, '2024-12-31')).toBe('A');
    expect(await on(id, '2025-01-01')).toBe('B');
    expect(await on(id, '2025-06-30')).toBe('B');
    expect(await on(id, '2025-07-01')).toBe('C');
    expect(await on(id)).toBe('C');
  });

  it('backdates a change: it holds from that day on, replacing the periods after it', async () => {
    const id = await create('X');
    await update(id, 'X', '2024-01-01');
    await update(id, 'Z', '2025-01-01');
    await update(id, 'Y', '2024-06-01');
    expect(await history(id)).toEqual([
      { value: 'X', validFrom: '2024-01-01', validTo: '2024-06-01' },
      { value: 'Y', validFrom: '2024-06-01', validTo: null },
    ]);
    expect(await on(id)).toBe('Y');
    expect(await on(id, '2024-05-31')).toBe('X');
  });

  it('lets filters see the value valid today, also after scheduling a change', async () => {
    const id = await create('Current');
    await update(id, 'Planned', inDays(3));
    const count = async (tariff: string) =>
      (await t.ok(`query($id: ID!, $t: String) { patients(where: { id: { eq: $id }, insurerTariff: { eq: $t } }) { totalCount } }`, { id, t: tariff })).patients.totalCount;
    expect(await count('Current')).toBe(1);
    expect(await count('Planned')).toBe(0);
  });

  it('schedules a change: the current value stays until its day', async () => {
    const id = await create('Now');
    await update(id, 'Next', inDays(10));
    expect(await on(id)).toBe('Now');
    expect(await on(id, inDays(10))).toBe('Next');
    expect(await history(id)).toEqual([
      { value: 'Now', validFrom: today(), validTo: inDays(10) },
      { value: 'Next', validFrom: inDays(10), validTo: null },
    ]);
  });

  it('keeps periods from overlapping at the database', async () => {
    const id = await create('Solo');
    await expect(
      t.server.db.query(`INSERT INTO patient_history (record_id, field, value, valid_from) VALUES ($1, 'insurerTariff', '"Other"', '2020-01-01')`, [id]),
    ).rejects.toMatchObject({ code: '23P01' });
  });

  it('keeps the period when an update writes the value it already has', async () => {
    const id = await create('Same');
    await update(id, 'Same', '2024-01-01');
    await update(id, 'Same');
    await update(id, 'Same', inDays(-3));
    expect(await history(id)).toEqual([{ value: 'Same', validFrom: '2024-01-01', validTo: null }]);
  });

  it('leaves the history alone when an update does not write the field', async () => {
    const id = await create('Stay');
    const result: GraphQLResponse = await t.gql(`mutation($id: ID!) { updatePatient(id: $id, input: { firstName: "Ann" }) { insurerTariff } }`, { id });
    expect(result.errors).toBeUndefined();
    expect(await history(id)).toEqual([{ value: 'Stay', validFrom: today(), validTo: null }]);
  });
});
