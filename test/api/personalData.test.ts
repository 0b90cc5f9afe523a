import { runRetention } from '../../src/resolvers/runRetention';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/testServer';

/** GDPR (issue 5): export everything about a record, erase its personal data in place, retention. */
describe.each(DATABASE_KINDS)('personal data on %s', (kind) => {
  let t: TestServer;
  let companyId: string;
  let personId: string;
  let patientId: string;

  beforeAll(async () => {
    t = await startTestServer(kind);
    companyId = (await t.ok('mutation { createCompany(input: { name: "Kasse", revenueLastYear: "5000" }) { id } }')).createCompany.id;
    personId = (
      await t.ok('mutation($c: ID!) { createPerson(input: { firstName: "Greta", lastName: "Gruber", email: "greta@example.com", notes: "allergic to cats", company: $c, function: "managingDirector" }) { id } }', {
        c: companyId,
      })
    ).createPerson.id;
    await t.ok('mutation($id: ID!) { updatePerson(id: $id, input: { phone: "+49 30 123456" }) { id } }', { id: personId });
    patientId = (await t.ok('mutation($c: ID!) { createPatient(input: { lastName: "Huber", allergies: "penicillin", insurer: $c }) { id } }', { c: companyId }))
      .createPatient.id;
  });
  afterAll(() => t?.close());

  it('exports a record with every field, the records referencing it and its audit entries', async () => {
    const { exportPersonalData: person } = await t.ok('query($id: ID!) { exportPersonalData(type: "person", id: $id) }', { id: personId });
    expect(person).toMatchObject({ type: 'person', id: personId });
    expect(person.record).toMatchObject({ id: personId, firstName: 'Greta', lastName: 'Gruber', notes: 'allergic to cats', company: companyId, version: 2 });
    expect(person.audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update']);
    const { exportPersonalData: company } = await t.ok('query($id: ID!) { exportPersonalData(type: "company", id: $id) }', { id: companyId });
    expect(company.referencedBy.people.map((p: { lastName: string }) => p.lastName)).toEqual(['Gruber']);
    expect(company.referencedBy.insuredPatients.map((p: { allergies: string }) => p.allergies)).toEqual(['penicillin']);
  });

  it('erases personal and sensitive fields in place, keeps the facts, scrubs the audit trail and audits the erasure', async () => {
    const erased = await t.ok('mutation($id: ID!) { erasePersonalData(type: "person", id: $id) }', { id: personId });
    expect(erased.erasePersonalData).toBe(personId);
    const { person } = await t.ok('query($id: ID!) { person(id: $id) { firstName lastName email phone notes function version company { name people { totalCount } } } }', {
      id: personId,
    });
    expect(person).toEqual({
      firstName: null, lastName: 'Erased', email: null, phone: null, notes: null, function: 'managingDirector', version: 3, company: { name: 'Kasse', people: { totalCount: 1 } },
    });
    const history = await t.ok('query($id: ID!) { person(id: $id) { history { nodes { action actor changes { field old new } } } } }', { id: personId });
    const nodes = history.person.history.nodes;
    expect(nodes.map((n: { action: string }) => n.action)).toEqual(['erase', 'update', 'create']);
    expect(nodes[0].actor).toBe('tester');
    expect(nodes[0].changes).toContainEqual({ field: 'lastName', old: '[erased]', new: 'Erased' });
    const text = JSON.stringify(nodes);
    for (const secret of ['Greta', 'Gruber', 'greta@example.com', 'cats', '123456']) expect(text).not.toContain(secret);
    expect(nodes[2].changes).toContainEqual({ field: 'function', old: null, new: 'managingDirector' });
  });

  it('gives required unique fields a unique placeholder', async () => {
    const a = (await t.ok('mutation { createEmployee(input: { lastName: "A", email: "a@example.com" }) { id } }')).createEmployee.id;
    const b = (await t.ok('mutation { createEmployee(input: { lastName: "B", email: "b@example.com" }) { id } }')).createEmployee.id;
    for (const id of [a, b]) await t.ok('mutation($id: ID!) { erasePersonalData(type: "employee", id: $id) }', { id });
    const { employees } = await t.ok('{ employees(orderBy: [{ id: ASC }]) { nodes { id email lastName } } }');
    for (const e of employees.nodes) expect(e).toEqual({ id: e.id, email: `erased-${e.id}@erased.invalid`, lastName: 'Erased' });
  });

  it('answers NOT_FOUND for a missing record and BAD_USER_INPUT for an unknown type; offers neither to other roles', async () => {
    const missing = await t.gql('mutation { erasePersonalData(type: "person", id: "00000000-0000-4000-8000-000000000000") }');
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const unknown = await t.gql('query($id: ID!) { exportPersonalData(type: "persn", id: $id) }', { id: personId });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const manager = await t.token('sam', ['salesManager']);
    const refused = await t.gql('query($id: ID!) { exportPersonalData(type: "person", id: $id) }', { id: personId }, manager);
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('anonymises records past their retention once, and leaves recent ones alone', async () => {
    const old = (await t.ok('mutation { createPatient(input: { lastName: "Alt", firstName: "Anna", allergies: "dust", bloodGroup: "A+" }) { id } }')).createPatient.id;
    await t.server.db.query(`UPDATE patient SET updated_at = now() - interval '3651 days' WHERE id = $1`, [old]);
    expect(await runRetention(t.server.db, t.server.registry())).toEqual({ patient: 1 });
    const { patients } = await t.ok('{ patients(orderBy: [{ lastName: ASC }]) { nodes { id lastName firstName allergies bloodGroup } } }');
    expect(patients.nodes).toContainEqual({ id: old, lastName: 'Erased', firstName: null, allergies: null, bloodGroup: 'A+' });
    expect(patients.nodes).toContainEqual(expect.objectContaining({ id: patientId, lastName: 'Huber', allergies: 'penicillin' }));
    await t.server.db.query(`UPDATE patient SET updated_at = now() - interval '4000 days' WHERE id = $1`, [old]);
    await t.server.db.query(`UPDATE relata_audit SET at = now() - interval '3999 days' WHERE record_id = $1 AND action = 'erase'`, [old]);
    expect(await runRetention(t.server.db, t.server.registry())).toEqual({ patient: 0 });
    const { auditEntries } = await t.ok('query($id: ID!) { auditEntries(recordId: $id) { nodes { action actor } } }', { id: old });
    expect(auditEntries.nodes[0]).toEqual({ action: 'erase', actor: 'retention' });
  });
});
