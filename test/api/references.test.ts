import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * `reference` (many-to-one) and `references` (many-to-many) fields, their inverse
 * connections, and what deleting a referenced record does (contract sections 2, 3, 4):
 * person.company cascades, company.salesRep sets null, patient.insurer restricts.
 */

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

function expectError(result: GraphQLResponse, code: string, field?: string) {
  expect(result.errors).toBeDefined();
  const error = result.errors![0]!;
  expect(error.extensions?.code).toBe(code);
  if (field) expect((error.extensions?.fieldErrors ?? []).map((e: { field: string }) => e.field)).toEqual([field]);
}

describe.each(DATABASE_KINDS)('references on %s', (kind) => {
  let t: TestServer;
  const emp = {} as Record<'Adams' | 'Baker' | 'Clark' | 'Dunn', string>;
  let emailCounter = 0;

  async function createEmployee(lastName: string, mentors?: string[]): Promise<string> {
    const data = await t.ok(`mutation($input: EmployeeCreateInput!) { createEmployee(input: $input) { id } }`, {
      input: { lastName, email: `e${emailCounter++}@example.com`, ...(mentors ? { mentors } : {}) },
    });
    return data.createEmployee.id;
  }

  async function createCompany(input: Record<string, unknown>): Promise<string> {
    const data = await t.ok(`mutation($input: CompanyCreateInput!) { createCompany(input: $input) { id } }`, { input });
    return data.createCompany.id;
  }

  async function createPerson(lastName: string, company: string | null): Promise<string> {
    const data = await t.ok(`mutation($input: PersonCreateInput!) { createPerson(input: $input) { id } }`, { input: { lastName, company } });
    return data.createPerson.id;
  }

  async function mentorsOf(id: string): Promise<{ totalCount: number; names: string[] }> {
    const data = await t.ok(`query($id: ID!) { employee(id: $id) { mentors(orderBy: [{ lastName: ASC }]) { totalCount nodes { lastName } } } }`, { id });
    return { totalCount: data.employee.mentors.totalCount, names: data.employee.mentors.nodes.map((n: any) => n.lastName) };
  }

  async function menteesOf(id: string): Promise<string[]> {
    const data = await t.ok(`query($id: ID!) { employee(id: $id) { mentees(orderBy: [{ lastName: ASC }]) { nodes { lastName } } } }`, { id });
    return data.employee.mentees.nodes.map((n: any) => n.lastName);
  }

  async function exists(type: 'company' | 'person' | 'employee' | 'patient', id: string): Promise<boolean> {
    const data = await t.ok(`query($id: ID!) { r: ${type}(id: $id) { id } }`, { id });
    return data.r !== null;
  }

  async function countOf(plural: string, where: unknown = {}): Promise<number> {
    const whereType = { companies: 'CompanyWhere', people: 'PersonWhere', employees: 'EmployeeWhere', patients: 'PatientWhere' }[plural];
    const data = await t.ok(`query($w: ${whereType}) { r: ${plural}(where: $w) { totalCount } }`, { w: where });
    return data.r.totalCount;
  }

  beforeAll(async () => {
    t = await startTestServer(kind);
    for (const name of ['Adams', 'Baker', 'Clark', 'Dunn'] as const) emp[name] = await createEmployee(name);
  });

  afterAll(() => t?.close());

  describe('references (many-to-many) fields', () => {
    it('creates an employee with mentors and returns them as a connection with totalCount', async () => {
      const data = await t.ok(
        `mutation($input: EmployeeCreateInput!) {
          createEmployee(input: $input) { lastName mentors(orderBy: [{ lastName: ASC }]) { totalCount nodes { id lastName } } }
        }`,
        { input: { lastName: 'Mentee1', email: 'mentee1@example.com', mentors: [emp.Adams, emp.Baker] } },
      );
      expect(data.createEmployee).toEqual({
        lastName: 'Mentee1',
        mentors: { totalCount: 2, nodes: [{ id: emp.Adams, lastName: 'Adams' }, { id: emp.Baker, lastName: 'Baker' }] },
      });
    });

    it('reads mentors back with first, orderBy and where on the connection', async () => {
      const id = await createEmployee('Mentee2', [emp.Adams, emp.Baker, emp.Clark]);
      const data = await t.ok(
        `query($id: ID!) {
          employee(id: $id) {
            top: mentors(first: 2, orderBy: [{ lastName: DESC }]) { totalCount nodes { lastName } pageInfo { hasNextPage } }
            filtered: mentors(where: { lastName: { in: ["Adams", "Clark", "Dunn"] } }, orderBy: [{ lastName: ASC }]) { totalCount nodes { lastName } }
          }
        }`,
        { id },
      );
      expect(data.employee).toEqual({
        top: { totalCount: 3, nodes: [{ lastName: 'Clark' }, { lastName: 'Baker' }], pageInfo: { hasNextPage: true } },
        filtered: { totalCount: 2, nodes: [{ lastName: 'Adams' }, { lastName: 'Clark' }] },
      });
    });

    it('shows the link from the other side through the inverse (mentees)', async () => {
      const id = await createEmployee('Mentee3', [emp.Dunn]);
      expect(await menteesOf(emp.Dunn)).toEqual(['Mentee3']);
      const data = await t.ok(`query($id: ID!) { employee(id: $id) { mentees { totalCount nodes { id } } } }`, { id: emp.Dunn });
      expect(data.employee.mentees).toEqual({ totalCount: 1, nodes: [{ id }] });
    });

    it('replaces the whole set on update', async () => {
      const id = await createEmployee('Mentee4', [emp.Adams, emp.Baker]);
      const data = await t.ok(
        `mutation($id: ID!, $m: [ID!]) { updateEmployee(id: $id, input: { mentors: $m }) { version mentors(orderBy: [{ lastName: ASC }]) { totalCount nodes { lastName } } } }`,
        { id, m: [emp.Baker, emp.Clark] },
      );
      expect(data.updateEmployee).toEqual({ version: 2, mentors: { totalCount: 2, nodes: [{ lastName: 'Baker' }, { lastName: 'Clark' }] } });
      expect(await mentorsOf(id)).toEqual({ totalCount: 2, names: ['Baker', 'Clark'] });
      expect(await menteesOf(emp.Adams)).not.toContain('Mentee4');
      expect(await menteesOf(emp.Clark)).toContain('Mentee4');
    });

    it('keeps the set when an update does not mention the field', async () => {
      const id = await createEmployee('Mentee5', [emp.Clark, emp.Dunn]);
      await t.ok(`mutation($id: ID!) { updateEmployee(id: $id, input: { firstName: "Fiona" }) { id } }`, { id });
      expect(await mentorsOf(id)).toEqual({ totalCount: 2, names: ['Clark', 'Dunn'] });
    });

    it('clears the set with mentors: []', async () => {
      const id = await createEmployee('Mentee6', [emp.Adams, emp.Clark]);
      const data = await t.ok(`mutation($id: ID!) { updateEmployee(id: $id, input: { mentors: [] }) { mentors { totalCount nodes { id } } } }`, { id });
      expect(data.updateEmployee.mentors).toEqual({ totalCount: 0, nodes: [] });
      expect(await mentorsOf(id)).toEqual({ totalCount: 0, names: [] });
      expect(await menteesOf(emp.Adams)).not.toContain('Mentee6');
    });

    it('clears the set with mentors: null', async () => {
      const id = await createEmployee('Mentee7', [emp.Baker]);
      await t.ok(`mutation($id: ID!) { updateEmployee(id: $id, input: { mentors: null }) { id } }`, { id });
      expect(await mentorsOf(id)).toEqual({ totalCount: 0, names: [] });
    });

    it('stores a mentor given twice once', async () => {
      const id = await createEmployee('Mentee8', [emp.Adams, emp.Adams, emp.Baker]);
      expect(await mentorsOf(id)).toEqual({ totalCount: 2, names: ['Adams', 'Baker'] });
    });

    it('rejects an unknown mentor id with BAD_USER_INPUT naming mentors and creates nothing', async () => {
      const before = await countOf('employees');
      const result = await t.gql(`mutation($input: EmployeeCreateInput!) { createEmployee(input: $input) { id } }`, {
        input: { lastName: 'Ghost', email: 'ghost@example.com', mentors: [emp.Adams, UNKNOWN_ID] },
      });
      expectError(result, 'BAD_USER_INPUT', 'mentors');
      expect(await countOf('employees')).toBe(before);
      expect(await countOf('employees', { email: { eq: 'ghost@example.com' } })).toBe(0);
      expect(await menteesOf(emp.Adams)).not.toContain('Ghost');
    });

    it('rejects an unknown mentor id on update and keeps the previous set', async () => {
      const id = await createEmployee('Mentee9', [emp.Clark]);
      const result = await t.gql(`mutation($id: ID!, $m: [ID!]) { updateEmployee(id: $id, input: { mentors: $m }) { id } }`, {
        id,
        m: [emp.Dunn, UNKNOWN_ID],
      });
      expectError(result, 'BAD_USER_INPUT', 'mentors');
      expect(await mentorsOf(id)).toEqual({ totalCount: 1, names: ['Clark'] });
      const version = await t.ok(`query($id: ID!) { employee(id: $id) { version } }`, { id });
      expect(version.employee.version).toBe(1);
    });

    it('rejects a malformed mentor id with BAD_USER_INPUT naming mentors', async () => {
      const result = await t.gql(`mutation { createEmployee(input: { lastName: "Bad", email: "bad@example.com", mentors: ["not-an-id"] }) { id } }`);
      expectError(result, 'BAD_USER_INPUT', 'mentors');
    });

    it('deleting a mentor removes the link but not the mentee or the other mentors', async () => {
      const x = await createEmployee('Xaver');
      const y = await createEmployee('Yilmaz');
      const mentee = await createEmployee('Mentee10', [x, y]);
      const deleted = await t.ok(`mutation($id: ID!) { deleteEmployee(id: $id) }`, { id: x });
      expect(deleted.deleteEmployee).toBe(x);
      expect(await exists('employee', x)).toBe(false);
      expect(await exists('employee', mentee)).toBe(true);
      expect(await exists('employee', y)).toBe(true);
      expect(await mentorsOf(mentee)).toEqual({ totalCount: 1, names: ['Yilmaz'] });
    });

    it('deleting a mentee removes the link but not the mentors', async () => {
      const z = await createEmployee('Zeller');
      const mentee = await createEmployee('Mentee11', [z]);
      expect(await menteesOf(z)).toEqual(['Mentee11']);
      await t.ok(`mutation($id: ID!) { deleteEmployee(id: $id) }`, { id: mentee });
      expect(await exists('employee', z)).toBe(true);
      expect(await menteesOf(z)).toEqual([]);
    });

    it('lets an employee mentor itself only through an explicit update', async () => {
      const id = await createEmployee('Selfie');
      await t.ok(`mutation($id: ID!) { updateEmployee(id: $id, input: { mentors: [$id] }) { id } }`, { id });
      expect(await mentorsOf(id)).toEqual({ totalCount: 1, names: ['Selfie'] });
      expect(await menteesOf(id)).toEqual(['Selfie']);
    });
  });

  describe('reference (many-to-one) fields', () => {
    it('resolves salesRep to the employee object', async () => {
      const data = await t.ok(
        `mutation($rep: ID!) { createCompany(input: { name: "Ref One", salesRep: $rep }) { name salesRep { id lastName email } } }`,
        { rep: emp.Adams },
      );
      expect(data.createCompany.salesRep).toEqual({ id: emp.Adams, lastName: 'Adams', email: expect.stringMatching(/@example\.com$/) });
    });

    it('changes salesRep on update and the inverse follows', async () => {
      const id = await createCompany({ name: 'Ref Two', salesRep: emp.Baker });
      const data = await t.ok(`mutation($id: ID!, $rep: ID!) { updateCompany(id: $id, input: { salesRep: $rep }) { salesRep { lastName } } }`, {
        id,
        rep: emp.Clark,
      });
      expect(data.updateCompany.salesRep).toEqual({ lastName: 'Clark' });
      const accounts = await t.ok(`query($b: ID!, $c: ID!) {
        b: employee(id: $b) { accounts { nodes { name } } }
        c: employee(id: $c) { accounts { nodes { name } } }
      }`, { b: emp.Baker, c: emp.Clark });
      expect(accounts.b.accounts.nodes.map((n: any) => n.name)).not.toContain('Ref Two');
      expect(accounts.c.accounts.nodes.map((n: any) => n.name)).toContain('Ref Two');
    });

    it('keeps salesRep when an update does not mention it', async () => {
      const id = await createCompany({ name: 'Ref Three', salesRep: emp.Baker });
      const data = await t.ok(`mutation($id: ID!) { updateCompany(id: $id, input: { city: "Ulm" }) { salesRep { lastName } } }`, { id });
      expect(data.updateCompany.salesRep).toEqual({ lastName: 'Baker' });
    });

    it('clears salesRep when set to null', async () => {
      const id = await createCompany({ name: 'Ref Four', salesRep: emp.Baker });
      const data = await t.ok(`mutation($id: ID!) { updateCompany(id: $id, input: { salesRep: null }) { salesRep { id } } }`, { id });
      expect(data.updateCompany.salesRep).toBeNull();
      const read = await t.ok(`query($id: ID!) { company(id: $id) { salesRep { id } } }`, { id });
      expect(read.company.salesRep).toBeNull();
      expect(await countOf('companies', { name: { eq: 'Ref Four' }, salesRep: { id: { eq: emp.Baker } } })).toBe(0);
    });

    it('rejects an unknown salesRep id with BAD_USER_INPUT naming salesRep and creates nothing', async () => {
      const result = await t.gql(`mutation($rep: ID!) { createCompany(input: { name: "Ref Ghost", salesRep: $rep }) { id } }`, {
        rep: UNKNOWN_ID,
      });
      expectError(result, 'BAD_USER_INPUT', 'salesRep');
      expect(await countOf('companies', { name: { eq: 'Ref Ghost' } })).toBe(0);
    });

    it('rejects an unknown salesRep id on update and keeps the previous one', async () => {
      const id = await createCompany({ name: 'Ref Five', salesRep: emp.Dunn });
      const result = await t.gql(`mutation($id: ID!, $rep: ID!) { updateCompany(id: $id, input: { salesRep: $rep }) { id } }`, {
        id,
        rep: UNKNOWN_ID,
      });
      expectError(result, 'BAD_USER_INPUT', 'salesRep');
      const read = await t.ok(`query($id: ID!) { company(id: $id) { version salesRep { lastName } } }`, { id });
      expect(read.company).toEqual({ version: 1, salesRep: { lastName: 'Dunn' } });
    });

    it('rejects a malformed salesRep id with BAD_USER_INPUT naming salesRep', async () => {
      const result = await t.gql(`mutation { createCompany(input: { name: "Ref Bad", salesRep: "42" }) { id } }`);
      expectError(result, 'BAD_USER_INPUT', 'salesRep');
    });

    it('rejects an id of a record of another type', async () => {
      const companyId = await createCompany({ name: 'Ref Six' });
      const result = await t.gql(`mutation($rep: ID!) { createCompany(input: { name: "Ref Wrong", salesRep: $rep }) { id } }`, { rep: companyId });
      expectError(result, 'BAD_USER_INPUT', 'salesRep');
    });

    it('rejects an unknown company on a person with BAD_USER_INPUT naming company', async () => {
      const result = await t.gql(`mutation($c: ID!) { createPerson(input: { lastName: "Lost", company: $c }) { id } }`, { c: UNKNOWN_ID });
      expectError(result, 'BAD_USER_INPUT', 'company');
      expect(await countOf('people', { lastName: { eq: 'Lost' } })).toBe(0);
    });
  });

  describe('inverse connections', () => {
    let repId: string;
    let acme: string;

    beforeAll(async () => {
      repId = await createEmployee('Inverse');
      acme = await createCompany({ name: 'Inv Acme', salesRep: repId });
      await createCompany({ name: 'Inv Beta', salesRep: repId });
      await createCompany({ name: 'Inv Gamma', salesRep: repId });
      await createCompany({ name: 'Inv Other', salesRep: emp.Dunn });
      for (const lastName of ['Kim', 'Lee', 'Ito']) await createPerson(lastName, acme);
    });

    it('lists the accounts of an employee', async () => {
      const data = await t.ok(`query($id: ID!) { employee(id: $id) { accounts(orderBy: [{ name: ASC }]) { totalCount nodes { name salesRep { id } } } } }`, {
        id: repId,
      });
      expect(data.employee.accounts).toEqual({
        totalCount: 3,
        nodes: ['Inv Acme', 'Inv Beta', 'Inv Gamma'].map((name) => ({ name, salesRep: { id: repId } })),
      });
    });

    it('filters and pages the accounts of an employee', async () => {
      const data = await t.ok(
        `query($id: ID!) { employee(id: $id) { accounts(where: { name: { neq: "Inv Beta" } }, orderBy: [{ name: DESC }], first: 1) { totalCount nodes { name } } } }`,
        { id: repId },
      );
      expect(data.employee.accounts).toEqual({ totalCount: 2, nodes: [{ name: 'Inv Gamma' }] });
    });

    it('lists the people of a company', async () => {
      const data = await t.ok(`query($id: ID!) { company(id: $id) { people(orderBy: [{ lastName: ASC }]) { totalCount nodes { lastName company { id } } } } }`, {
        id: acme,
      });
      expect(data.company.people).toEqual({
        totalCount: 3,
        nodes: ['Ito', 'Kim', 'Lee'].map((lastName) => ({ lastName, company: { id: acme } })),
      });
    });

    it('lists the insured patients of a company', async () => {
      const insurer = await createCompany({ name: 'Inv Insurer' });
      for (const lastName of ['Patient B', 'Patient A']) {
        await t.ok(`mutation($i: ID!, $n: String!) { createPatient(input: { lastName: $n, insurer: $i }) { id } }`, { i: insurer, n: lastName });
      }
      const data = await t.ok(`query($id: ID!) { company(id: $id) { insuredPatients(orderBy: [{ lastName: ASC }]) { totalCount nodes { lastName insurer { name } } } } }`, {
        id: insurer,
      });
      expect(data.company.insuredPatients).toEqual({
        totalCount: 2,
        nodes: [
          { lastName: 'Patient A', insurer: { name: 'Inv Insurer' } },
          { lastName: 'Patient B', insurer: { name: 'Inv Insurer' } },
        ],
      });
    });

    it('moves a person between the people of two companies when its company changes', async () => {
      const from = await createCompany({ name: 'Inv From' });
      const to = await createCompany({ name: 'Inv To' });
      const person = await createPerson('Mover', from);
      await t.ok(`mutation($id: ID!, $c: ID!) { updatePerson(id: $id, input: { company: $c }) { id } }`, { id: person, c: to });
      const data = await t.ok(`query($a: ID!, $b: ID!) {
        a: company(id: $a) { people { totalCount nodes { lastName } } }
        b: company(id: $b) { people { totalCount nodes { lastName } } }
      }`, { a: from, b: to });
      expect(data).toEqual({ a: { people: { totalCount: 0, nodes: [] } }, b: { people: { totalCount: 1, nodes: [{ lastName: 'Mover' }] } } });
    });
  });

  describe('deleting referenced records', () => {
    it('deleting a company cascades to its persons and leaves other persons alone', async () => {
      const doomed = await createCompany({ name: 'Del Doomed' });
      const survivor = await createCompany({ name: 'Del Survivor' });
      const p1 = await createPerson('Doomed One', doomed);
      const p2 = await createPerson('Doomed Two', doomed);
      const p3 = await createPerson('Survivor', survivor);
      const p4 = await createPerson('Freelancer', null);
      const peopleBefore = await countOf('people');

      const data = await t.ok(`mutation($id: ID!) { deleteCompany(id: $id) }`, { id: doomed });
      expect(data.deleteCompany).toBe(doomed);

      expect(await exists('company', doomed)).toBe(false);
      expect(await exists('person', p1)).toBe(false);
      expect(await exists('person', p2)).toBe(false);
      expect(await exists('person', p3)).toBe(true);
      expect(await exists('person', p4)).toBe(true);
      expect(await exists('company', survivor)).toBe(true);
      expect(await countOf('people')).toBe(peopleBefore - 2);
    });

    it('deleting an employee clears salesRep of its accounts (setNull) and keeps the companies', async () => {
      const rep = await createEmployee('Leaver');
      const c1 = await createCompany({ name: 'Del Account 1', salesRep: rep });
      const c2 = await createCompany({ name: 'Del Account 2', salesRep: rep });
      await t.ok(`mutation($id: ID!) { deleteEmployee(id: $id) }`, { id: rep });
      const data = await t.ok(`query($a: ID!, $b: ID!) { a: company(id: $a) { name salesRep { id } } b: company(id: $b) { name salesRep { id } } }`, {
        a: c1,
        b: c2,
      });
      expect(data).toEqual({ a: { name: 'Del Account 1', salesRep: null }, b: { name: 'Del Account 2', salesRep: null } });
    });

    it('refuses to delete a company that insures patients (restrict) with CONFLICT and deletes nothing', async () => {
      const insurer = await createCompany({ name: 'Del Insurer' });
      const employeeOfInsurer = await createPerson('Clerk', insurer);
      const patient = await t.ok(`mutation($i: ID!) { createPatient(input: { lastName: "Insured", insurer: $i }) { id } }`, { i: insurer });
      const patientId = patient.createPatient.id;

      const result = await t.gql(`mutation($id: ID!) { deleteCompany(id: $id) }`, { id: insurer });
      expectError(result, 'CONFLICT');
      expect(JSON.stringify(result.errors)).not.toMatch(/SELECT |DELETE FROM|_fkey|violates|ri_triggers/);

      expect(await exists('company', insurer)).toBe(true);
      expect(await exists('person', employeeOfInsurer)).toBe(true);
      const read = await t.ok(`query($id: ID!) { patient(id: $id) { insurer { id } } }`, { id: patientId });
      expect(read.patient.insurer).toEqual({ id: insurer });

      // Once the patient is gone, the company can be deleted (and its person with it).
      await t.ok(`mutation($id: ID!) { deletePatient(id: $id) }`, { id: patientId });
      await t.ok(`mutation($id: ID!) { deleteCompany(id: $id) }`, { id: insurer });
      expect(await exists('company', insurer)).toBe(false);
      expect(await exists('person', employeeOfInsurer)).toBe(false);
    });

    it('answers NOT_FOUND when deleting a record that does not exist', async () => {
      expectError(await t.gql(`mutation($id: ID!) { deleteCompany(id: $id) }`, { id: UNKNOWN_ID }), 'NOT_FOUND');
      expectError(await t.gql(`mutation { deleteEmployee(id: "nope") }`), 'NOT_FOUND');
    });
  });
});
