import { nextOccurrence } from '../../src/resolvers/traits/journalResolvers';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * The contact journal (contract section 6, issue 6 item 5) on the sample company and person:
 * entries with kinds and types from the two-level lists, the company timeline with its
 * persons' entries newest first, links both ways, follow-ups with deputies and recurrence.
 */

const DAY = 24 * 60 * 60 * 1000;
const ENTRY = 'id recordType recordId personId kind type subject occurredAt recordedBy followUpOwner followUpDueAt followUpDone followUpDoneBy';

function errorOf(result: GraphQLResponse) {
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, fields: (error?.extensions?.fieldErrors ?? []).map((e: { field: string }) => e.field) };
}

const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

describe('nextOccurrence', () => {
  it('finds the first Monday of the next quarter', () => {
    const due = new Date('2026-01-05T09:00:00Z'); // a first Monday
    expect(nextOccurrence('FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO', due)?.toISOString()).toBe('2026-04-06T09:00:00.000Z');
  });

  it('ends with the rule', () => {
    expect(nextOccurrence('FREQ=WEEKLY;COUNT=1', new Date('2026-01-05T09:00:00Z'))).toBeNull();
  });
});

describe.each(DATABASE_KINDS)('journal on %s', (kind) => {
  let t: TestServer;
  let company: string;
  let person: string;
  let otherCompany: string;

  const create = (input: Record<string, unknown>, token?: string) =>
    t.gql(`mutation($input: JournalEntryInput!) { createJournalEntry(input: $input) { ${ENTRY} links { type id } } }`, { input }, token);
  const entryId = async (input: Record<string, unknown>) => {
    const result = await create(input);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data.createJournalEntry.id as string;
  };
  const followUps = async (due: string, sub: string) => {
    const result = await t.gql(`query($due: FollowUpDue!) { myFollowUps(due: $due) { id subject followUpOwner } }`, { due }, await t.token(sub, ['assistant']));
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data.myFollowUps.map((e: { subject: string }) => e.subject);
  };
  // Assistants read every company: follow-ups are shown, and completed, only with their record.
  const complete = async (id: string, sub: string, roles = ['assistant']) =>
    t.gql(`mutation($id: ID!) { completeFollowUp(id: $id) { followUpDone followUpDoneBy nextOccurrences { nodes { followUpDueAt followUpDone followUpRrule subject } } } }`, { id }, await t.token(sub, roles));

  beforeAll(async () => {
    t = await startTestServer(kind);
    company = (await t.ok(`mutation { createCompany(input: { name: "Journal AG" }) { id } }`)).createCompany.id;
    otherCompany = (await t.ok(`mutation { createCompany(input: { name: "Other AG" }) { id } }`)).createCompany.id;
    person = (await t.ok(`mutation($c: ID!) { createPerson(input: { lastName: "Kontakt", company: $c }) { id } }`, { c: company })).createPerson.id;
  });

  afterAll(() => t?.close());

  it('records an entry with kind and type from the lists, by the caller, now unless told', async () => {
    const result = await create({ record: company, kind: 'call', type: 'sales', subject: 'First call' });
    expect(result.errors).toBeUndefined();
    expect(result.data.createJournalEntry).toMatchObject({ recordType: 'company', recordId: company, kind: 'call', type: 'sales', recordedBy: 'tester', followUpDone: false, links: [] });
    expect(Math.abs(Date.parse(result.data.createJournalEntry.occurredAt) - Date.now())).toBeLessThan(60_000);
  });

  it('gives an entry its record and person typed, in the one statement of the query', async () => {
    const id = await entryId({ record: company, person, subject: 'typed' });
    const none = await entryId({ record: company, subject: 'no person' });
    const statements: string[] = [];
    const unsubscribe = t.server.db.onQuery((sql) => statements.push(sql));
    const data = await t.ok(
      `query($ids: [ID!]) { journalEntries(where: { id: { in: $ids } }, orderBy: [{ subject: ASC }]) {
         nodes { subject record { __typename id ... on Company { name } } person { __typename id ... on Person { lastName company { name } } } } } }`,
      { ids: [id, none] },
    );
    unsubscribe();
    expect(statements).toHaveLength(1);
    expect(data.journalEntries.nodes).toEqual([
      { subject: 'no person', record: { __typename: 'Company', id: company, name: 'Journal AG' }, person: null },
      { subject: 'typed', record: { __typename: 'Company', id: company, name: 'Journal AG' }, person: { __typename: 'Person', id: person, lastName: 'Kontakt', company: { name: 'Journal AG' } } },
    ]);
  });

  it('refuses a person of another company, unknown list values and a bad rule, all at once', async () => {
    const foreign = (await t.ok(`mutation($c: ID!) { createPerson(input: { lastName: "Fremd", company: $c }) { id } }`, { c: otherCompany })).createPerson.id;
    const result = await create({
      record: company,
      person: foreign,
      kind: 'telepathy',
      followUp: { owner: 'tester', dueAt: inDays(1), rrule: 'EVERY SUNDAY' },
    });
    expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', fields: ['person', 'followUp.rrule', 'kind'] });
    const employee = (await t.ok(`mutation { createEmployee(input: { lastName: "E", email: "e-journal@example.com" }) { id } }`)).createEmployee.id;
    expect(errorOf(await create({ record: employee }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['record'] });
  });

  it('answers NOT_FOUND for a missing record, person or link', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(errorOf(await create({ record: missing })).code).toBe('NOT_FOUND');
    expect(errorOf(await create({ record: company, person: missing })).code).toBe('NOT_FOUND');
    expect(errorOf(await create({ record: company, links: [person, missing] })).code).toBe('NOT_FOUND');
  });

  it('audits a new entry like any created record: who, and every value written', async () => {
    const id = await entryId({ record: company, person, kind: 'call', subject: 'Audited', occurredAt: '2026-02-02T10:00:00Z' });
    const rows = await t.server.db.query<{ actor: string; type: string; action: string; changes: Record<string, { new: unknown }> }>(
      `SELECT actor, type, action, changes FROM relata_audit WHERE record_id = $1::uuid`,
      [id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'tester', type: 'journalEntry', action: 'create' });
    expect(rows[0]!.changes).toMatchObject({
      recordType: { new: 'company' },
      recordId: { new: company },
      personId: { new: person },
      kind: { new: 'call' },
      subject: { new: 'Audited' },
      recordedBy: { new: 'tester' },
    });
  });

  it("lists a company's entries and its persons' entries newest first, paged with cursors", async () => {
    const c = (await t.ok(`mutation { createCompany(input: { name: "Timeline AG" }) { id } }`)).createCompany.id;
    const p = (await t.ok(`mutation($c: ID!) { createPerson(input: { lastName: "Zeit", company: $c }) { id } }`, { c })).createPerson.id;
    await entryId({ record: c, subject: 'oldest', occurredAt: '2026-01-01T10:00:00Z' });
    await entryId({ record: p, subject: 'person entry', occurredAt: '2026-02-01T10:00:00Z' });
    await entryId({ record: c, person: p, subject: 'about the person', occurredAt: '2026-03-01T10:00:00Z' });
    await entryId({ record: otherCompany, subject: 'elsewhere', occurredAt: '2026-04-01T10:00:00Z' });
    const query = `query($id: ID!, $after: String) { company(id: $id) { journal(first: 2, after: $after) { totalCount nodes { subject } pageInfo { hasNextPage endCursor } } } }`;
    const first = (await t.ok(query, { id: c })).company.journal;
    expect(first.totalCount).toBe(3);
    expect(first.nodes.map((n: { subject: string }) => n.subject)).toEqual(['about the person', 'person entry']);
    const second = (await t.ok(query, { id: c, after: first.pageInfo.endCursor })).company.journal;
    expect(second.nodes.map((n: { subject: string }) => n.subject)).toEqual(['oldest']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const ofPerson = (await t.ok(`query($id: ID!) { person(id: $id) { journal { nodes { subject } } } }`, { id: p })).person.journal;
    expect(ofPerson.nodes.map((n: { subject: string }) => n.subject)).toEqual(['about the person', 'person entry']);
  });

  it('links an entry to any records, and those records show the entries linked to them', async () => {
    const employee = (await t.ok(`mutation { createEmployee(input: { lastName: "Linked", email: "linked@example.com" }) { id } }`)).createEmployee.id;
    const patient = (await t.ok(`mutation { createPatient(input: { lastName: "Linked" }) { id } }`)).createPatient.id;
    const result = await create({ record: company, subject: 'with links', links: [employee, patient] });
    expect(result.data.createJournalEntry.links).toEqual(
      [{ type: 'employee', id: employee }, { type: 'patient', id: patient }].sort((a, b) => a.type.localeCompare(b.type)),
    );
    const back = await t.ok(
      `query($id: ID!) { patient(id: $id) { linkedJournalEntries { totalCount nodes { subject recordId record { ... on Company { name } } links { record { __typename ... on Employee { email } } } } } } }`,
      { id: patient },
    );
    expect(back.patient.linkedJournalEntries).toEqual({
      totalCount: 1,
      nodes: [{ subject: 'with links', recordId: company, record: { name: 'Journal AG' }, links: [{ record: { __typename: 'Employee', email: 'linked@example.com' } }, { record: { __typename: 'Patient' } }] }],
    });
  });

  it('filters journalEntries with the generic where, e.g. open follow-ups of a kind', async () => {
    await entryId({ record: company, kind: 'meeting', subject: 'visit planned', followUp: { owner: 'tester', dueAt: inDays(3) } });
    const data = await t.ok(`{ journalEntries(where: { kind: { eq: "meeting" }, followUpDone: { eq: false }, followUpOwner: { isNull: false } }) { nodes { subject } } }`);
    expect(data.journalEntries.nodes).toEqual([{ subject: 'visit planned' }]);
  });

  it('shows follow-ups by due date to their owner', async () => {
    await entryId({ record: company, subject: 'late', followUp: { owner: 'olga', dueAt: inDays(-2) } });
    await entryId({ record: company, subject: 'now', followUp: { owner: 'olga', dueAt: new Date().toISOString() } });
    await entryId({ record: company, subject: 'soon', followUp: { owner: 'olga', dueAt: inDays(5) } });
    await entryId({ record: company, subject: 'later', followUp: { owner: 'olga', dueAt: inDays(30) } });
    expect(await followUps('OVERDUE', 'olga')).toEqual(['late']);
    expect(await followUps('TODAY', 'olga')).toEqual(['now']);
    expect(await followUps('NEXT_7_DAYS', 'olga')).toEqual(['now', 'soon']);
    expect(await followUps('OVERDUE', 'someoneElse')).toEqual([]);
  });

  it("shows an absent colleague's due follow-ups to the deputy only during the absence", async () => {
    const id = await entryId({ record: company, subject: 'for anna', followUp: { owner: 'anna', dueAt: inDays(-1) } });
    const anna = await t.token('anna', ['salesRep']);
    const absence = `mutation($input: AbsenceInput!) { recordAbsence(input: $input) { user deputy from to } }`;
    // A past and a future absence: not now.
    await t.gql(absence, { input: { from: inDays(-20), to: inDays(-10), deputy: 'dave' } }, anna);
    await t.gql(absence, { input: { from: inDays(10), to: inDays(20), deputy: 'dave' } }, anna);
    expect(await followUps('OVERDUE', 'dave')).toEqual([]);
    expect(errorOf(await complete(id, 'dave')).code).toBe('FORBIDDEN');

    const now = await t.gql(absence, { input: { from: inDays(-1), to: inDays(2), deputy: 'dave' } }, anna);
    expect(now.data.recordAbsence).toMatchObject({ user: 'anna', deputy: 'dave' });
    expect(await followUps('OVERDUE', 'dave')).toEqual(['for anna']);
    expect(await followUps('OVERDUE', 'anna')).toEqual(['for anna']);
    const done = await complete(id, 'dave');
    expect(done.data.completeFollowUp).toMatchObject({ followUpDone: true, followUpDoneBy: 'dave' });
    expect(await followUps('OVERDUE', 'anna')).toEqual([]);
    expect(errorOf(await complete(id, 'anna')).code).toBe('CONFLICT');
  });

  it('refuses absences that end before they start, or for someone else unless admin', async () => {
    const bad = await t.gql(`mutation { recordAbsence(input: { from: "2026-05-02T00:00:00Z", to: "2026-05-01T00:00:00Z", deputy: "x" }) { id } }`);
    expect(errorOf(bad)).toEqual({ code: 'BAD_USER_INPUT', fields: ['to'] });
    const other = await t.gql(
      `mutation { recordAbsence(input: { user: "boss", from: "2026-05-01T00:00:00Z", to: "2026-05-02T00:00:00Z", deputy: "x" }) { id } }`,
      {},
      await t.token('rep', ['salesRep']),
    );
    expect(errorOf(other).code).toBe('FORBIDDEN');
  });

  it("lists a user's absences: current ones, or all; someone else's to admins and to their deputy", async () => {
    const absence = `mutation($input: AbsenceInput!) { recordAbsence(input: $input) { id } }`;
    const berta = await t.token('berta', ['salesRep']);
    const period = (from: number, to: number) => ({ from: inDays(from), to: inDays(to) });
    const [past, now, next] = [period(-20, -10), period(-1, 1), period(5, 9)];
    for (const [p, deputy] of [[past, 'carl'], [next, 'dora'], [now, 'carl']] as const) {
      expect((await t.gql(absence, { input: { ...p, deputy } }, berta)).errors).toBeUndefined();
    }
    const list = async (token: string, args = '') => {
      const result = await t.gql(`{ absences${args} { user deputy from to } }`, {}, token);
      expect(result.errors).toBeUndefined();
      return result.data.absences.map((a: { user: string; deputy: string; from: string; to: string }) => [a.user, a.deputy, a.from, a.to]);
    };
    const row = (p: { from: string; to: string }, deputy: string) => ['berta', deputy, p.from, p.to];
    expect(await list(berta)).toEqual([row(now, 'carl'), row(next, 'dora')]);
    expect(await list(berta, '(includePast: true)')).toEqual([row(past, 'carl'), row(now, 'carl'), row(next, 'dora')]);
    expect(await list(await t.token('carl', ['salesRep']), '(user: "berta", includePast: true)')).toEqual([row(past, 'carl'), row(now, 'carl')]);
    expect(await list(await t.token('erik', ['salesRep']), '(user: "berta")')).toEqual([]);
    expect(await list(await t.token('boss', ['admin']), '(user: "berta")')).toEqual([row(now, 'carl'), row(next, 'dora')]);
  });

  it('creates the next occurrence of a recurring follow-up when it is completed', async () => {
    const id = await entryId({
      record: company,
      person,
      subject: 'quarterly review',
      followUp: { owner: 'rita', dueAt: '2026-01-05T09:00:00Z', rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO' },
    });
    const done = await complete(id, 'rita');
    expect(done.errors).toBeUndefined();
    expect(done.data.completeFollowUp).toEqual({
      followUpDone: true,
      followUpDoneBy: 'rita',
      nextOccurrences: {
        nodes: [{ followUpDueAt: '2026-04-06T09:00:00.000Z', followUpDone: false, followUpRrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO', subject: 'quarterly review' }],
      },
    });
    const open = await t.ok(`{ journalEntries(where: { subject: { eq: "quarterly review" }, followUpDone: { eq: false } }) { nodes { personId recordId followUpOwner } } }`);
    expect(open.journalEntries.nodes).toEqual([{ personId: person, recordId: company, followUpOwner: 'rita' }]);
    const audit = await t.server.db.query<{ action: string; actor: string; changes: Record<string, unknown> }>(
      `SELECT a.action, a.actor, a.changes FROM relata_audit a JOIN journal_entry e ON e.id = a.record_id
       WHERE e.id = $1::uuid OR e.previous_occurrence_id = $1::uuid ORDER BY a.id`,
      [id],
    );
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['create', 'tester'], ['update', 'rita'], ['create', 'rita']]);
    expect(audit[1]!.changes).toMatchObject({ followUpDone: { old: false, new: true }, followUpDoneBy: { old: null, new: 'rita' } });
    const created = audit[2]!.changes as { followUpDueAt: { new: string }; previousOccurrence: { new: string } };
    expect([Date.parse(created.followUpDueAt.new), created.previousOccurrence.new]).toEqual([Date.parse('2026-04-06T09:00:00Z'), id]);
  });

  it('refuses to complete an entry without a follow-up', async () => {
    const id = await entryId({ record: company, subject: 'plain' });
    expect(errorOf(await complete(id, 'tester')).code).toBe('BAD_USER_INPUT');
  });

  it('removes no journal data through generic mutations: journalEntry has none', async () => {
    const result = await t.gql(`mutation { deleteJournalEntry(id: "00000000-0000-4000-8000-000000000000") }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('forgets a deleted record: its entries, the links to it and the person on entries about it', async () => {
    const c = (await t.ok(`mutation { createCompany(input: { name: "Gone AG" }) { id } }`)).createCompany.id;
    const p = (await t.ok(`mutation($c: ID!) { createPerson(input: { lastName: "Gone", company: $c }) { id } }`, { c: company })).createPerson.id;
    const patient = (await t.ok(`mutation { createPatient(input: { lastName: "Gone" }) { id } }`)).createPatient.id;
    const own = await entryId({ record: c, subject: 'of the deleted company' });
    const about = await entryId({ record: company, person: p, subject: 'about a deleted person', links: [patient] });
    await t.ok(`mutation($id: ID!) { deleteCompany(id: $id) }`, { id: c });
    await t.ok(`mutation($id: ID!) { deletePerson(id: $id) }`, { id: p });
    await t.ok(`mutation($id: ID!) { deletePatient(id: $id) }`, { id: patient });
    const read = await t.ok(`query($a: ID!, $b: ID!) { a: journalEntry(id: $a) { id } b: journalEntry(id: $b) { personId links { id } } }`, { a: own, b: about });
    expect(read).toEqual({ a: null, b: { personId: null, links: [] } });
  });

  it('writes entries only about records, persons and links the caller may read, and completes only their follow-ups', async () => {
    const boss = await t.token('boss', ['admin']);
    const alma = await t.token('alma', ['accountManager']);
    const hidden = (await t.gql(`mutation { createCompany(input: { name: "Not Alma's" }) { id } }`, {}, boss)).data.createCompany.id;
    const own = (await t.gql(`mutation { createCompany(input: { name: "Alma's" }) { id } }`, {}, alma)).data.createCompany.id;
    const mine = await create({ record: own, subject: 'mine', links: [person] }, alma);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.createJournalEntry).toMatchObject({ recordId: own, recordedBy: 'alma', links: [{ type: 'person', id: person }] });
    expect(errorOf(await create({ record: hidden, subject: 'not mine' }, alma)).code).toBe('NOT_FOUND');
    expect(errorOf(await create({ record: own, links: [hidden] }, alma)).code).toBe('NOT_FOUND');

    const onHidden = await entryId({ record: hidden, subject: 'due for alma, elsewhere', followUp: { owner: 'alma', dueAt: inDays(-1) } });
    expect(errorOf(await complete(onHidden, 'alma', ['accountManager'])).code).toBe('NOT_FOUND');
    const onOwn = await entryId({ record: own, subject: 'due for alma', followUp: { owner: 'alma', dueAt: inDays(-1) } });
    expect((await complete(onOwn, 'alma', ['accountManager'])).data.completeFollowUp).toMatchObject({ followUpDone: true, followUpDoneBy: 'alma' });
  });

  it('shows an entry only to who may read its record: entries, timelines and follow-ups', async () => {
    const boss = await t.token('boss', ['admin']);
    const bert = await t.token('bert', ['accountManager']);
    const hidden = (await t.gql(`mutation { createCompany(input: { name: "Not Bert's" }) { id } }`, {}, boss)).data.createCompany.id;
    const own = (await t.gql(`mutation { createCompany(input: { name: "Bert's" }) { id } }`, {}, bert)).data.createCompany.id;
    await entryId({ record: hidden, subject: 'secret call', followUp: { owner: 'bert', dueAt: inDays(-1) } });
    await entryId({ record: own, subject: 'own call', links: [hidden], followUp: { owner: 'bert', dueAt: inDays(-1) } });
    const read = async (token: string) => {
      const result = await t.gql(
        `query($own: ID!) { journalEntries(where: { subject: { in: ["own call", "secret call"] } }, orderBy: [{ subject: ASC }]) { totalCount nodes { subject } }
           company(id: $own) { journal { nodes { subject } } } myFollowUps(due: OVERDUE) { subject } }`,
        { own },
        token,
      );
      expect(result.errors).toBeUndefined();
      return result.data;
    };
    expect(await read(bert)).toEqual({
      journalEntries: { totalCount: 1, nodes: [{ subject: 'own call' }] },
      company: { journal: { nodes: [{ subject: 'own call' }] } },
      myFollowUps: [{ subject: 'own call' }],
    });
    const typed = await t.gql(
      `query($own: ID!) { company(id: $own) { journal { nodes { record { __typename id ... on Company { name } } links { type record { __typename ... on Company { name } } } } } } }`,
      { own },
      bert,
    );
    expect(typed.errors).toBeUndefined();
    // The link to the company bert may not read is not shown at all.
    expect(typed.data.company.journal.nodes).toEqual([{ record: { __typename: 'Company', id: own, name: "Bert's" }, links: [] }]);
    const manager = await read(await t.token('bert', ['salesManager']));
    const links = await t.gql(`query($own: ID!) { company(id: $own) { journal { nodes { links { type record { ... on Company { name } } } } } } }`, { own }, await t.token('bert', ['salesManager']));
    expect(links.data.company.journal.nodes).toEqual([{ links: [{ type: 'company', record: { name: "Not Bert's" } }] }]);
    expect(manager.journalEntries.nodes).toEqual([{ subject: 'own call' }, { subject: 'secret call' }]);
    // By due date: the secret call's was set first.
    expect(manager.myFollowUps).toEqual([{ subject: 'secret call' }, { subject: 'own call' }]);
  });
});
