import iconv from 'iconv-lite';
import { DATABASE_KINDS } from '../support/databases';
import { download, upload, uploaded } from '../support/files';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * POST /uploads and importRecords (issue 7, contract section 7): German Excel files in
 * Windows-1252 and UTF-8, headers by label or mapping, every bad row reported with line and
 * column, the three modes, references by a key of their target, upsert, possible duplicates,
 * and the export-import round trip.
 */

const IMPORT = `mutation($type: String!, $upload: ID!, $mapping: JSON, $mode: ImportMode, $upsertKey: String) {
  importRecords(type: $type, upload: $upload, mapping: $mapping, mode: $mode, upsertKey: $upsertKey) {
    mode rows inserted updated skipped written errorCount
    errors { line column message }
    possibleDuplicates { line fields otherLine existingId }
  }
}`;

const PEOPLE_FILE = [
  'Nachname;Vorname;E-Mail;Firma;Funktion;Geburtsdatum;Notizen',
  'Schäfer;Jürgen;juergen@example.com;Müller GmbH;purchasing;31.12.1970;"Mag ""Kaffee"";',
  'zweite Zeile"',
  ';Anna;anna@example.com;Müller GmbH;;;',
  'Weiß;Bernd;not-an-email;Müller GmbH;;;',
  'Groß;Clara;clara@example.com;Unbekannt AG;;;',
  'Klein;Dora;dora@example.com;Doppelt AG;;31.02.1980;',
  'Lang;Emil;juergen@example.com;;;;',
  'Kurz;Fritz;taken@example.com;;;;',
  'Ohne;Firma;;;;;',
].join('\r\n');

const PEOPLE_ERRORS = [
  { line: 4, column: 'Nachname', message: 'is required' },
  { line: 5, column: 'E-Mail', message: 'is not a valid e-mail address' },
  { line: 6, column: 'Firma', message: 'no Company has name "Unbekannt AG"' },
  { line: 7, column: 'Geburtsdatum', message: 'is not a date (2025-12-31 or 31.12.2025)' },
  { line: 7, column: 'Firma', message: '2 Company records have name "Doppelt AG": use a unique key' },
  { line: 8, column: 'E-Mail', message: '"juergen@example.com" is also on line 2' },
  { line: 9, column: 'E-Mail', message: '"taken@example.com" is already taken' },
];

const MEMBER_FIELDS = 'id firstName lastName email membershipNumber joinedOn fee active interests clubNotes';

describe.each(DATABASE_KINDS)('import on %s', (kind) => {
  let t: TestServer;
  let muellerId: string;

  async function imported(variables: Record<string, unknown>) {
    const data = await t.ok(IMPORT, variables);
    return data.importRecords;
  }

  async function peopleNamed(lastNames: string[]) {
    const data = await t.ok(`query($w: PersonWhere) { people(where: $w, orderBy: [{ lastName: ASC }]) { nodes { lastName firstName function birthDate notes company { name } } } }`, {
      w: { lastName: { in: lastNames } },
    });
    return data.people.nodes;
  }

  async function members() {
    const data = await t.ok(`{ members(first: 500, orderBy: [{ membershipNumber: ASC }]) { nodes { ${MEMBER_FIELDS} } } }`);
    return data.members.nodes;
  }

  async function deleteAllMembers() {
    for (const m of await members()) await t.ok(`mutation($id: ID!) { deleteMember(id: $id) }`, { id: m.id });
  }

  beforeAll(async () => {
    t = await startTestServer(kind);
    // The club's interests, added by the list administrator (master lists, issue 6).
    for (const key of ['rowing', 'chess']) {
      await t.ok(`mutation($key: String!) { addListValue(list: "interestArea", input: { key: $key, label: { en: $key } }) { key } }`, { key });
    }
    const c = await t.ok(`mutation { createCompany(input: { name: "Müller GmbH", postalCode: "80331", city: "München" }) { id } }`);
    muellerId = c.createCompany.id;
    await t.ok(`mutation { a: createCompany(input: { name: "Doppelt AG" }) { id } b: createCompany(input: { name: "Doppelt AG" }) { id } }`);
    await t.ok(`mutation { createPerson(input: { lastName: "Vorhanden", email: "taken@example.com" }) { id } }`);
  });

  afterAll(() => t?.close());

  describe('a German Excel file of persons in Windows-1252', () => {
    let file: string;
    const variables = () => ({ type: 'person', upload: file, mapping: { Firma: 'company.name' } });

    beforeAll(async () => {
      file = await uploaded(t, iconv.encode(PEOPLE_FILE, 'win1252'));
    });

    it('dry run: reports every bad row with line, column and reason, and writes nothing', async () => {
      const report = await imported({ ...variables(), mode: 'DRY_RUN' });
      expect(report).toMatchObject({ mode: 'DRY_RUN', rows: 8, inserted: 2, updated: 0, skipped: 6, written: false, errorCount: 7 });
      expect(report.errors).toEqual(PEOPLE_ERRORS);
      expect(await peopleNamed(['Schäfer', 'Ohne'])).toEqual([]);
    });

    it('all or nothing: writes nothing while any row is bad', async () => {
      const report = await imported({ ...variables(), mode: 'ALL_OR_NOTHING' });
      expect(report).toMatchObject({ inserted: 0, skipped: 8, written: false, errors: PEOPLE_ERRORS });
      expect(await peopleNamed(['Schäfer', 'Ohne'])).toEqual([]);
    });

    it('skip bad rows: writes the good ones, umlauts, quoted line breaks and German dates intact', async () => {
      const report = await imported({ ...variables(), mode: 'SKIP_BAD_ROWS' });
      expect(report).toMatchObject({ inserted: 2, skipped: 6, written: true, errors: PEOPLE_ERRORS });
      expect(await peopleNamed(['Schäfer', 'Ohne'])).toEqual([
        { lastName: 'Ohne', firstName: 'Firma', function: null, birthDate: null, notes: null, company: null },
        { lastName: 'Schäfer', firstName: 'Jürgen', function: 'purchasing', birthDate: '1970-12-31', notes: 'Mag "Kaffee";\nzweite Zeile', company: { name: 'Müller GmbH' } },
      ]);
    });
  });

  it('imports a 10,000-row German Excel file with a few bad rows and reports exactly those', async () => {
    const lines = ['Name;PLZ;Ort;Land;Umsatz Vorjahr;Lizenzen'];
    const german = (i: number) => (i < 1000 ? `${i},50` : `${Math.floor(i / 1000)}.${String(i % 1000).padStart(3, '0')},50`);
    for (let i = 0; i < 10_000; i++) lines.push(`Großhandel ${i} GmbH;${10000 + i};Köln;DE;${german(i)};${i % 20}`);
    lines[1001] = 'Ohne Land GmbH;50667;Köln;Deutschland;1.000,00;1';
    lines[5002] = ';50667;Köln;DE;0,00;0';
    lines[9999] = 'Negativ GmbH;50667;Köln;DE;1,00;-1';
    const file = await uploaded(t, iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1252'));
    const report = await imported({ type: 'company', upload: file, mode: 'SKIP_BAD_ROWS' });
    expect(report).toMatchObject({ rows: 10_000, inserted: 9_997, updated: 0, skipped: 3, written: true, errorCount: 3 });
    expect(report.errors).toEqual([
      { line: 1002, column: 'Land', message: 'must be at most 2 characters' },
      { line: 5003, column: 'Name', message: 'is required' },
      { line: 10000, column: 'Lizenzen', message: 'must be at least 0' },
    ]);
    const stored = await t.ok(`{ companies(where: { name: { eq: "Großhandel 1234 GmbH" } }) { nodes { postalCode city revenueLastYear licences } } }`);
    expect(stored.companies.nodes).toEqual([{ postalCode: '11234', city: 'Köln', revenueLastYear: '1234.50', licences: 14 }]);
  });

  it('inserts or updates orders by a unique key, customers found by name, decimal commas read', async () => {
    await t.ok(`mutation($c: ID!) { createOrder(input: { number: "O-1", customer: $c, division: "hardware", date: "2025-01-01", amount: "100", licences: 1 }) { id } }`, { c: muellerId });
    const file = await uploaded(
      t,
      ['number,customer.name,division,date,amount,licences', 'O-1,Müller GmbH,applicationSoftware,2025-03-01,"1.234,50",3', 'O-2,Müller GmbH,consulting,2025-04-01,99.5,'].join('\n'),
    );
    const report = await imported({ type: 'order', upload: file, mode: 'ALL_OR_NOTHING', upsertKey: 'number' });
    expect(report).toMatchObject({ inserted: 1, updated: 1, skipped: 0, written: true, errors: [] });
    const data = await t.ok(`{ orders(orderBy: [{ number: ASC }]) { nodes { number version division date amount licences customer { name } } } }`);
    expect(data.orders.nodes).toEqual([
      { number: 'O-1', version: 2, division: 'applicationSoftware', date: '2025-03-01', amount: '1234.50', licences: 3, customer: { name: 'Müller GmbH' } },
      { number: 'O-2', version: 1, division: 'consulting', date: '2025-04-01', amount: '99.50', licences: null, customer: { name: 'Müller GmbH' } },
    ]);
    // Imported writes are audited like the API's: a create with the fields given, an update with what changed.
    const history = await t.ok(`{ orders(orderBy: [{ number: ASC }]) { nodes { history { nodes { action actor changes { field old new } } } } } }`);
    const [o1, o2] = history.orders.nodes.map((n: { history: { nodes: unknown[] } }) => n.history.nodes);
    const created = o1[1] as { actor: string };
    expect(o1).toHaveLength(2);
    expect(o1[0]).toEqual({
      action: 'update',
      actor: created.actor,
      changes: [
        { field: 'division', old: 'hardware', new: 'applicationSoftware' },
        { field: 'date', old: '2025-01-01', new: '2025-03-01' },
        { field: 'amount', old: 100, new: 1234.5 },
        { field: 'licences', old: 1, new: 3 },
      ],
    });
    expect(o2).toEqual([
      {
        action: 'create',
        actor: created.actor,
        changes: [
          { field: 'number', new: 'O-2', old: null },
          { field: 'customer', new: muellerId, old: null },
          { field: 'division', new: 'consulting', old: null },
          { field: 'date', new: '2025-04-01', old: null },
          { field: 'amount', new: 99.5, old: null },
        ],
      },
    ]);
    const notUnique = await t.gql(IMPORT, { type: 'order', upload: file, mode: 'DRY_RUN', upsertKey: 'division' });
    expect(notUnique.errors?.[0]?.extensions?.fieldErrors).toEqual([{ field: 'upsertKey', message: 'must be id or a unique field of order: id, number' }]);
  });

  it('reports possible duplicates (same name and postal code) in storage and in the file, tab-separated', async () => {
    const file = await uploaded(t, 'name\tpostalCode\tcity\nmüller gmbh\t80331\tMünchen\nNeu AG\t12345\tBerlin\nNEU AG\t12345\tBerlin\n');
    const report = await imported({ type: 'company', upload: file, mode: 'DRY_RUN' });
    expect(report.errors).toEqual([]);
    expect(report.possibleDuplicates).toEqual([
      { line: 2, fields: ['name', 'postalCode'], otherLine: null, existingId: muellerId },
      { line: 4, fields: ['name', 'postalCode'], otherLine: 3, existingId: null },
    ]);
  });

  it('round trip: an export imported again gives the same records, in UTF-8 with BOM and in Windows-1252', async () => {
    const input = [
      { firstName: 'Jürgen', lastName: 'Größe', email: 'j@example.com', membershipNumber: 'M-1', joinedOn: '2020-02-29', fee: '120.5', active: false, interests: ['rowing', 'chess'], clubNotes: 'Straße 5 €\n2. Zeile; "zitiert"' },
      { firstName: 'Zoë', lastName: '=1+1', membershipNumber: 'M-2', fee: '0', clubNotes: '-minus @at +plus' },
    ];
    for (const m of input) await t.ok(`mutation($input: MemberCreateInput!) { createMember(input: $input) { id } }`, { input: m });
    const before = await members();
    const exported = await t.ok(
      `mutation($columns: [String!]!) { exportRecords(type: "member", columns: $columns, csv: { delimiter: ";", bom: true }) { url } }`,
      { columns: MEMBER_FIELDS.split(' ') },
    );
    const csv = (await download(t, exported.exportRecords.url)).body;
    expect(csv.toString('utf8')).toContain(`;'=1+1;`);
    for (const bytes of [csv, iconv.encode(csv.toString('utf8').replace(/^\uFEFF/, ''), 'win1252')]) {
      await deleteAllMembers();
      const report = await imported({ type: 'member', upload: await uploaded(t, bytes), mode: 'ALL_OR_NOTHING' });
      expect(report).toMatchObject({ inserted: 2, errors: [], written: true });
      expect(await members()).toEqual(before);
    }
  });

  describe('uploads', () => {
    it('takes a multipart form and answers 201 with the upload id', async () => {
      const result = await upload(t, 'name\nMultipart AG\n', { multipart: true });
      expect(result.status).toBe(201);
      const report = await imported({ type: 'company', upload: result.body.upload, mode: 'DRY_RUN' });
      expect(report).toMatchObject({ rows: 1, inserted: 1 });
    });

    it('refuses callers without a token, and other callers cannot import it', async () => {
      expect((await upload(t, 'name\nX\n', { token: null })).status).toBe(401);
      const mine = await uploaded(t, 'name\nX\n');
      const other = await t.gql(IMPORT, { type: 'company', upload: mine, mode: 'DRY_RUN' }, await t.token('intruder'));
      expect(other.errors?.[0]?.extensions?.fieldErrors).toEqual([{ field: 'upload', message: expect.stringContaining('no upload') }]);
      expect((await upload(t, '')).status).toBe(400);
    });

    it('names headers that match no field and mapping entries that match no header', async () => {
      const file = await uploaded(t, 'name;Branche;Intern\nX;a;b\n');
      const result: GraphQLResponse = await t.gql(IMPORT, { type: 'company', upload: file, mapping: { Intern: null, Fehlt: 'city' } });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.extensions!.fieldErrors).toEqual([
        { field: 'mapping.Fehlt', message: 'is not a column of the file' },
        { field: 'columns[1]', message: '"Branche" matches no field of Company: map it to a field, or to null to leave it out' },
      ]);
    });
  });
});
