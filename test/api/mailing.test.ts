import ExcelJS from 'exceljs';
import { BRIEF_CONDITION } from '../support/briefCondition';
import { DATABASE_KINDS } from '../support/databases';
import { download } from '../support/files';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * Mailings (issue 7 point 2): mail-merge exports with columns through the addresses trait's
 * `defaultAddress(kind:)` at any depth, and `recordCampaign`, one journal entry per recipient,
 * idempotent; and the "done when" for a marketing user, from selection to journal.
 */

const LAST_YEAR = new Date().getUTCFullYear() - 1;
const EXPORT = `mutation($type: String!, $selection: ID, $snapshot: ID, $where: JSON, $columns: [String!]!, $format: ExportFormat, $csv: CsvOptions) {
  exportRecords(type: $type, selection: $selection, snapshot: $snapshot, where: $where, columns: $columns, format: $format, csv: $csv) { url }
}`;
const CAMPAIGN = `mutation($selection: ID, $snapshot: ID, $input: CampaignInput!) {
  recordCampaign(selection: $selection, snapshot: $snapshot, input: $input) { recorded alreadyRecorded }
}`;
const MAIL_MERGE = [
  'salutation',
  'firstName',
  'lastName',
  'company.name',
  'company.defaultAddress(kind: billing).street',
  'company.defaultAddress(kind: billing).postalCode',
  'company.defaultAddress(kind: billing).city',
];
const GERMAN_EXCEL = { delimiter: ';', bom: true };

function fieldErrors(result: GraphQLResponse): string[] {
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return (result.errors![0]!.extensions!.fieldErrors as { field: string }[]).map((e) => e.field);
}

describe.each(DATABASE_KINDS)('mailings on %s', (kind) => {
  let t: TestServer;
  let marketing: string;
  const ids: Record<string, string> = {};

  const as = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const result = await t.gql(query, variables, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const file = async (variables: Record<string, unknown>, token = marketing) => {
    const { exportRecords } = await as(token, EXPORT, variables);
    const downloaded = await download(t, exportRecords.url, token);
    expect(downloaded.status).toBe(200);
    return downloaded.body;
  };
  const company = async (name: string, input: Record<string, unknown>, orders: [string, number, number][] = []) => {
    ids[name] = (await t.ok(`mutation($input: CompanyCreateInput!) { createCompany(input: $input) { id } }`, { input: { name, ...input } })).createCompany.id;
    for (const [date, amount, licences] of orders) {
      await t.ok(`mutation($input: OrderCreateInput!) { createOrder(input: $input) { id } }`, {
        input: { number: `${name}-${date}`, customer: ids[name], division: 'applicationSoftware', date, amount: String(amount), licences },
      });
    }
  };
  const address = (of: string, input: Record<string, unknown>) =>
    t.ok(`mutation($id: ID!, $input: AddressInput!) { addCompanyAddress(id: $id, input: $input) { id } }`, { id: ids[of], input });
  const person = async (lastName: string, input: Record<string, unknown>) => {
    ids[lastName] = (await t.ok(`mutation($input: PersonCreateInput!) { createPerson(input: $input) { id } }`, { input: { lastName, ...input } })).createPerson.id;
  };
  /** The CSV of `rows` as German Excel reads it: BOM, `;`, CRLF, rows in the export's order (by id). */
  const germanCsv = (header: readonly string[], rows: Record<string, string[]>) =>
    Buffer.from(
      `\uFEFF${[header, ...Object.keys(rows).sort().map((id) => rows[id]!)].map((cells) => cells.join(';')).join('\r\n')}\r\n`,
      'utf8',
    );

  beforeAll(async () => {
    t = await startTestServer(kind);
    marketing = await t.token('mara', ['marketing']);
    // Alpha qualifies for the brief's buyers; DB Soft for its directors.
    await company('Alpha Büro GmbH', { country: 'DE', postalCode: '10115', city: 'Berlin' }, [[`${LAST_YEAR}-03-01`, 120000, 6]]);
    await address('Alpha Büro GmbH', { kind: 'billing', street: 'Rechnungsweg 1', postalCode: '10117', city: 'Berlin', country: 'DE', isDefault: true });
    await address('Alpha Büro GmbH', { kind: 'billing', street: 'Alter Weg 9', postalCode: '10119', city: 'Berlin', country: 'DE' });
    await address('Alpha Büro GmbH', { kind: 'delivery', street: 'Lager 3', postalCode: '12099', city: 'Berlin', country: 'DE', isDefault: true });
    await company('DB Soft AG', { country: 'AT', industries: ['databaseSoftware'] });
    await address('DB Soft AG', { kind: 'delivery', street: 'Ring 1', postalCode: '1010', city: 'Wien', country: 'AT', isDefault: true });
    await person('Ärmel', { salutation: 'Ms', firstName: 'Anna', function: 'purchasing', company: ids['Alpha Büro GmbH'] });
    await person('Optout', { salutation: 'Mr', firstName: 'Otto', function: 'purchasing', personCode: 'noMail', company: ids['Alpha Büro GmbH'] });
    await person('Seller', { salutation: 'Mx', firstName: 'Sam', function: 'sales', company: ids['Alpha Büro GmbH'] });
    await person('Dietrich', { salutation: 'Dr', firstName: 'Dora', function: 'managingDirector', company: ids['DB Soft AG'] });
  });

  afterAll(() => t?.close());

  describe('mail-merge columns', () => {
    it('follows defaultAddress(kind:) on the record and through a reference: the default of that kind, empty without one', async () => {
      const persons = await file({ type: 'person', where: { lastName: { in: ['Ärmel', 'Dietrich'] } }, columns: MAIL_MERGE, csv: GERMAN_EXCEL });
      expect(persons).toEqual(
        germanCsv(MAIL_MERGE, {
          [ids['Ärmel']!]: ['Ms', 'Anna', 'Ärmel', 'Alpha Büro GmbH', 'Rechnungsweg 1', '10117', 'Berlin'],
          [ids.Dietrich!]: ['Dr', 'Dora', 'Dietrich', 'DB Soft AG', '', '', ''],
        }),
      );
      const columns = ['name', 'defaultAddress(kind: billing).city', 'defaultAddress(kind: delivery).street'];
      const companies = await file({ type: 'company', columns, csv: GERMAN_EXCEL });
      expect(companies).toEqual(
        germanCsv(columns, {
          [ids['Alpha Büro GmbH']!]: ['Alpha Büro GmbH', 'Berlin', 'Lager 3'],
          [ids['DB Soft AG']!]: ['DB Soft AG', '', 'Ring 1'],
        }),
      );
    });

    it('writes the same columns to JSON Lines (null without an address) and XLSX', async () => {
      const where = { lastName: { in: ['Ärmel', 'Dietrich'] } };
      const lines = (await file({ type: 'person', where, columns: MAIL_MERGE, format: 'JSONL' })).toString('utf8').trimEnd().split('\n');
      const byName = Object.fromEntries(lines.map((l) => JSON.parse(l)).map((o) => [o.lastName, o]));
      expect(byName['Ärmel']).toEqual({
        salutation: 'Ms',
        firstName: 'Anna',
        lastName: 'Ärmel',
        'company.name': 'Alpha Büro GmbH',
        'company.defaultAddress(kind: billing).street': 'Rechnungsweg 1',
        'company.defaultAddress(kind: billing).postalCode': '10117',
        'company.defaultAddress(kind: billing).city': 'Berlin',
      });
      expect(byName.Dietrich['company.defaultAddress(kind: billing).city']).toBeNull();

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await file({ type: 'person', where, columns: MAIL_MERGE, format: 'XLSX' })) as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      expect(rows[0]).toEqual(MAIL_MERGE);
      expect(rows.slice(1).find((r) => r[2] === 'Ärmel')).toEqual(['Ms', 'Anna', 'Ärmel', 'Alpha Büro GmbH', 'Rechnungsweg 1', '10117', 'Berlin']);
    });

    it('answers BAD_USER_INPUT naming each column with a bad kind, argument or field', async () => {
      const columns = [
        'defaultAddress(kind: home).city', // a kind of patients, not of companies
        'defaultAddress.city',
        'defaultAddress(kind: billing, primary: yes).city',
        'defaultAddress(kind: billing).nope',
        'defaultAddress(kind: billing)',
        'defaultAddress(kind: billing).city.length',
        'name(kind: billing)',
        'constructor.name',
        'toString',
        'defaultAddress(kind: billing).city',
      ];
      const result = await t.gql(EXPORT, { type: 'company', columns }, marketing);
      expect(fieldErrors(result)).toEqual(['columns[0]', 'columns[1]', 'columns[2]', 'columns[3]', 'columns[4]', 'columns[5]', 'columns[6]', 'columns[7]', 'columns[8]']);
      const messages = result.errors![0]!.extensions!.fieldErrors.map((e: { message: string }) => e.message);
      expect(messages[0]).toBe('Company.defaultAddress has no address kind home; the kinds are delivery, billing');
      expect(messages[1]).toBe('Company.defaultAddress needs a kind: delivery, billing');
      expect(messages[2]).toBe('Company.defaultAddress takes only kind, not primary');
      const onPerson = await t.gql(EXPORT, { type: 'person', columns: ['defaultAddress(kind: billing).city', 'company.defaultAddress(kind: invoice).city'] }, marketing);
      expect(fieldErrors(onPerson)).toEqual(['columns[0]', 'columns[1]']);
    });
  });

  describe('recordCampaign', () => {
    let buyers: string;
    const journalOf = async (id: string) =>
      (await t.ok(`query($id: ID!) { person(id: $id) { journal(first: 50) { nodes { campaign kind type subject recordedBy } } } }`, { id })).person.journal.nodes;

    beforeAll(async () => {
      buyers = (await as(marketing, `mutation { createSelection(input: { name: "Buyers", type: "person", condition: { function: { eq: "purchasing" } } }) { id } }`))
        .createSelection.id;
    });

    it('records one entry per current member of a selection, by the caller, audited; repeated, nobody twice', async () => {
      const input = { name: 'Spring letter', kind: 'letter', type: 'marketing', subject: 'Our spring offer', occurredAt: '2026-03-01T09:00:00Z' };
      expect((await as(marketing, CAMPAIGN, { selection: buyers, input })).recordCampaign).toEqual({ recorded: 2, alreadyRecorded: 0 });
      expect((await as(marketing, CAMPAIGN, { selection: buyers, input: { ...input, subject: 'sent again' } })).recordCampaign).toEqual({ recorded: 0, alreadyRecorded: 2 });
      expect(await journalOf(ids['Ärmel']!)).toEqual([{ campaign: 'Spring letter', kind: 'letter', type: 'marketing', subject: 'Our spring offer', recordedBy: 'mara' }]);
      expect(await journalOf(ids.Seller!)).toEqual([]);
      const audit = await t.server.db.query<{ actor: string; recordId: string }>(
        `SELECT a.actor, e.record_id AS "recordId" FROM relata_audit a JOIN journal_entry e ON e.id = a.record_id
         WHERE a.type = 'journalEntry' AND a.action = 'create' AND e.campaign = 'Spring letter' AND a.changes->'campaign'->>'new' = 'Spring letter'`,
      );
      expect(audit.map((a) => a.recordId).sort()).toEqual([ids['Ärmel'], ids.Optout].sort());
      expect(new Set(audit.map((a) => a.actor))).toEqual(new Set(['mara']));
    });

    it('records each recipient once when the same campaign runs twice at the same time', async () => {
      const input = { name: 'Concurrent', kind: 'email' };
      const results = await Promise.all([0, 1, 2].map(() => as(marketing, CAMPAIGN, { selection: buyers, input })));
      const counts = results.map((r) => r.recordCampaign);
      expect(counts.reduce((sum, c) => sum + c.recorded, 0)).toBe(2);
      expect(counts.every((c) => c.recorded + c.alreadyRecorded === 2)).toBe(true);
      const [row] = await t.server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM journal_entry WHERE campaign = 'Concurrent'`);
      expect(row!.n).toBe(2);
    });

    it('names every bad part at once: not exactly one of selection and snapshot, the name, list values', async () => {
      const neither = await t.gql(CAMPAIGN, { input: { name: ' ', kind: 'telepathy' } }, marketing);
      expect(fieldErrors(neither)).toEqual(['selection', 'snapshot', 'name', 'kind']);
      const snapshot = (await as(marketing, `mutation($id: ID!) { snapshotSelection(id: $id) { id } }`, { id: buyers })).snapshotSelection.id;
      expect(fieldErrors(await t.gql(CAMPAIGN, { selection: buyers, snapshot, input: { name: 'Both' } }, marketing))).toEqual(['selection', 'snapshot']);
      const orders = (await as(marketing, `mutation { createSelection(input: { name: "Orders", type: "order", condition: {} }) { id } }`)).createSelection.id;
      const noJournal = await t.gql(CAMPAIGN, { selection: orders, input: { name: 'Orders' } }, marketing);
      expect(noJournal.errors?.[0]?.extensions?.fieldErrors).toEqual([{ field: 'selection', message: 'holds order records, which have no journal' }]);
      const unknown = await t.gql(CAMPAIGN, { snapshot: '00000000-0000-4000-8000-000000000000', input: { name: 'Nobody' } }, marketing);
      expect(fieldErrors(unknown)).toEqual(['snapshot']);
      const [row] = await t.server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM journal_entry WHERE campaign IN ('Both', 'Orders', 'Nobody')`);
      expect(row!.n).toBe(0);
    });
  });

  it('done when: a marketing user selects, saves, combines, snapshots, exports the mail-merge list and records the campaign once', async () => {
    const save = async (name: string, condition: unknown) =>
      (await as(marketing, `mutation($input: SelectionInput!) { createSelection(input: $input) { id } }`, { input: { name, type: 'person', condition } })).createSelection
        .id as string;
    const brief = await save('Brief: buyers and database directors', BRIEF_CONDITION);
    const noMail = await save('No mailings', { personCode: { eq: 'noMail' } });
    const recipients = await save('Mailing: brief without opt-outs', { AND: [{ selection: brief }, { NOT: { selection: noMail } }] });
    const run = async (id: string) =>
      (await as(marketing, `query($id: ID!) { runSelection(id: $id, first: 500) { nodes { ... on Person { lastName } } } }`, { id })).runSelection.nodes
        .map((n: { lastName: string }) => n.lastName)
        .sort();
    expect(await run(brief)).toEqual(['Dietrich', 'Optout', 'Ärmel']);
    expect(await run(recipients)).toEqual(['Dietrich', 'Ärmel']);

    const snapshot = (await as(marketing, `mutation($id: ID!) { snapshotSelection(id: $id, name: "Autumn mailing") { id } }`, { id: recipients })).snapshotSelection.id;
    await person('Latecomer', { function: 'purchasing', company: ids['Alpha Büro GmbH'] }); // joins the selection, not the snapshot

    const csv = await file({ type: 'person', snapshot, columns: MAIL_MERGE, csv: GERMAN_EXCEL });
    expect(csv).toEqual(
      germanCsv(MAIL_MERGE, {
        [ids['Ärmel']!]: ['Ms', 'Anna', 'Ärmel', 'Alpha Büro GmbH', 'Rechnungsweg 1', '10117', 'Berlin'],
        [ids.Dietrich!]: ['Dr', 'Dora', 'Dietrich', 'DB Soft AG', '', '', ''],
      }),
    );

    const input = { name: 'Autumn mailing', kind: 'letter', type: 'marketing', subject: 'Autumn offer' };
    expect((await as(marketing, CAMPAIGN, { snapshot, input })).recordCampaign).toEqual({ recorded: 2, alreadyRecorded: 0 });
    expect((await as(marketing, CAMPAIGN, { snapshot, input })).recordCampaign).toEqual({ recorded: 0, alreadyRecorded: 2 });

    const journals = await as(
      marketing,
      `query($a: ID!, $d: ID!, $c: ID!) {
        a: person(id: $a) { journal { nodes { campaign subject recordedBy } } }
        d: person(id: $d) { journal { nodes { campaign subject recordedBy } } }
        c: company(id: $c) { journal { nodes { campaign recordId } } }
      }`,
      { a: ids['Ärmel'], d: ids.Dietrich, c: ids['DB Soft AG'] },
    );
    const autumn = (nodes: { campaign: string | null }[]) => nodes.filter((n) => n.campaign === 'Autumn mailing');
    expect(autumn(journals.a.journal.nodes)).toEqual([{ campaign: 'Autumn mailing', subject: 'Autumn offer', recordedBy: 'mara' }]);
    expect(autumn(journals.d.journal.nodes)).toEqual([{ campaign: 'Autumn mailing', subject: 'Autumn offer', recordedBy: 'mara' }]);
    // The company's timeline shows its person's entry.
    expect(autumn(journals.c.journal.nodes)).toEqual([{ campaign: 'Autumn mailing', recordId: ids.Dietrich }]);
  });
});
