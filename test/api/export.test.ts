import ExcelJS from 'exceljs';
import { DATABASE_KINDS } from '../support/databases';
import { download } from '../support/files';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * exportRecords (issue 7, contract section 7): CSV, JSON Lines and XLSX of a type, a `where`
 * or a saved selection, columns by field path, streamed from GET /exports/<id> for the caller only.
 */

const EXPORT = `mutation($type: String!, $where: JSON, $selection: ID, $snapshot: ID, $columns: [String!]!, $format: ExportFormat, $csv: CsvOptions) {
  exportRecords(type: $type, where: $where, selection: $selection, snapshot: $snapshot, columns: $columns, format: $format, csv: $csv) { id url format columns expiresAt }
}`;

describe.each(DATABASE_KINDS)('export on %s', (kind) => {
  let t: TestServer;
  const ids: Record<string, string> = {};

  async function exported(variables: Record<string, unknown>): Promise<{ url: string; text: string; body: Buffer; contentType: string | null }> {
    const data = await t.ok(EXPORT, variables);
    const file = await download(t, data.exportRecords.url);
    expect(file.status).toBe(200);
    return { url: data.exportRecords.url, text: file.body.toString('utf8'), body: file.body, contentType: file.headers.get('content-type') };
  }

  beforeAll(async () => {
    t = await startTestServer(kind);
    const rep = await t.ok(`mutation { createEmployee(input: { lastName: "Rep", email: "rep@example.com" }) { id } }`);
    const companies = [
      { name: 'Müller & Söhne GmbH', postalCode: '80331', city: 'München', country: 'DE', industries: ['software', 'databaseSoftware'], revenueLastYear: '1234567.89', licences: 7, salesRep: rep.createEmployee.id },
      { name: '=HYPERLINK("http://evil.example")', postalCode: '10115', city: '+Berlin', country: 'DE', licences: -0 },
      { name: '@home; "quoted"', postalCode: '-66000', city: 'Line\nbreak', country: 'AT' },
    ];
    for (const input of companies) {
      const c = await t.ok(`mutation($input: CompanyCreateInput!) { createCompany(input: $input) { id } }`, { input });
      ids[input.name] = c.createCompany.id;
    }
  });

  afterAll(() => t?.close());

  it('writes CSV with a header of the paths, ; and a BOM for German Excel, values through references', async () => {
    const { text, contentType } = await exported({
      type: 'company',
      columns: ['name', 'city', 'industries', 'revenueLastYear', 'licences', 'salesRep.email'],
      where: { country: { eq: 'DE' }, name: { like: 'M%' } },
      csv: { delimiter: ';', bom: true },
    });
    expect(contentType).toBe('text/csv; charset=utf-8');
    expect(text).toBe('\uFEFFname;city;industries;revenueLastYear;licences;salesRep.email\r\nMüller & Söhne GmbH;München;software, databaseSoftware;1234567.89;7;rep@example.com\r\n');
  });

  it('neutralises cells that a spreadsheet would run as formulas and quotes what CSV needs', async () => {
    const { text } = await exported({ type: 'company', columns: ['name', 'city', 'postalCode'], where: { NOT: { name: { like: 'M%' } } } });
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('name,city,postalCode');
    expect(lines.slice(1, -1).sort()).toEqual([
      `"'=HYPERLINK(""http://evil.example"")",'+Berlin,10115`,
      `"'@home; ""quoted""","Line\nbreak",'-66000`,
    ]);
  });

  it('writes JSON Lines keyed by path, exact amounts as strings, lists as arrays', async () => {
    const { text } = await exported({ type: 'company', columns: ['id', 'name', 'revenueLastYear', 'industries', 'salesRep.lastName'], where: { licences: { eq: 7 } }, format: 'JSONL' });
    expect(text.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual([
      { id: ids['Müller & Söhne GmbH'], name: 'Müller & Söhne GmbH', revenueLastYear: '1234567.89', industries: ['software', 'databaseSoftware'], 'salesRep.lastName': 'Rep' },
    ]);
  });

  it('writes XLSX with numbers as numbers and formula-like text as plain text', async () => {
    const { body, contentType } = await exported({ type: 'company', columns: ['name', 'licences', 'country'], format: 'XLSX' });
    expect(contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['name', 'licences', 'country']);
    expect(rows.slice(1).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual(
      [
        ['=HYPERLINK("http://evil.example")', 0, 'DE'],
        ['@home; "quoted"', undefined, 'AT'],
        ['Müller & Söhne GmbH', 7, 'DE'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(sheet.getCell('A2').type).not.toBe(ExcelJS.ValueType.Formula);
  });

  it('exports the members of a saved selection', async () => {
    const saved = await t.ok(`mutation { createSelection(input: { name: "Austrian", type: "company", condition: { country: { eq: "AT" } } }) { id } }`);
    const { text } = await exported({ type: 'company', selection: saved.createSelection.id, columns: ['country'] });
    expect(text).toBe('country\r\nAT\r\n');
  });

  it('exports the frozen members of a snapshot as a mail-merge list with fields of their company', async () => {
    const company = ids['Müller & Söhne GmbH'];
    await t.ok(`mutation($c: ID!) { updateCompany(id: $c, input: { street: "Hauptstraße 1" }) { id } }`, { c: company });
    for (const [salutation, firstName, lastName] of [['Ms', 'Anna', 'Ärmel'], ['Dr', 'Bert', 'Özdemir']]) {
      await t.ok(`mutation($input: PersonCreateInput!) { createPerson(input: $input) { id } }`, {
        input: { salutation, firstName, lastName, function: 'purchasing', company },
      });
    }
    const saved = await t.ok(`mutation { createSelection(input: { name: "Buyers", type: "person", condition: { function: { eq: "purchasing" } } }) { id } }`);
    const snap = await t.ok(`mutation($id: ID!) { snapshotSelection(id: $id) { id } }`, { id: saved.createSelection.id });
    await t.ok(`mutation($input: PersonCreateInput!) { createPerson(input: $input) { id } }`, { input: { lastName: 'Later', function: 'purchasing', company } });
    const { text } = await exported({
      type: 'person',
      snapshot: snap.snapshotSelection.id,
      columns: ['salutation', 'firstName', 'lastName', 'company.name', 'company.street', 'company.postalCode', 'company.city'],
      csv: { delimiter: ';', bom: true },
    });
    const [header, ...rows] = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(header).toBe('salutation;firstName;lastName;company.name;company.street;company.postalCode;company.city');
    expect(rows.sort()).toEqual([
      'Dr;Bert;Özdemir;Müller & Söhne GmbH;Hauptstraße 1;80331;München',
      'Ms;Anna;Ärmel;Müller & Söhne GmbH;Hauptstraße 1;80331;München',
    ]);
    const wrongType = await t.gql(EXPORT, { type: 'company', snapshot: snap.snapshotSelection.id, columns: ['name'] });
    expect(wrongType.errors?.[0]?.extensions?.fieldErrors).toEqual([{ field: 'snapshot', message: 'holds person records, not company' }]);
  });

  it('streams every row of a large export in keyset batches of 1000', async () => {
    await t.server.db.query(
      `INSERT INTO member (last_name, membership_number) SELECT 'M' || n, 'N' || lpad(n::text, 5, '0') FROM generate_series(1, 2500) n`,
    );
    const statements: string[] = [];
    const off = t.server.db.onQuery((sql) => statements.push(sql));
    let text: string;
    try {
      text = (await exported({ type: 'member', columns: ['membershipNumber'] })).text;
    } finally {
      off();
    }
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 2500);
    expect(new Set(lines.slice(1)).size).toBe(2500);
    expect(statements.filter((s) => s.includes('json_build_array') && s.includes('LIMIT 1000'))).toHaveLength(3);
  });

  it('answers BAD_USER_INPUT naming each bad column, option and condition part', async () => {
    const result: GraphQLResponse = await t.gql(EXPORT, {
      type: 'company',
      columns: ['name', 'salesRep.nope', 'name.length', 'defaultAddress(kind: home).city', 'people'],
      where: { countri: { eq: 'DE' } },
      csv: { delimiter: '|' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['columns[1]', 'columns[2]', 'columns[3]', 'columns[4]', 'csv.delimiter', 'where.countri'].sort(),
    );
  });

  it('serves the file to the caller only', async () => {
    const data = await t.ok(EXPORT, { type: 'company', columns: ['name'] });
    expect((await download(t, data.exportRecords.url, null)).status).toBe(401);
    expect((await download(t, data.exportRecords.url, await t.token('someone-else'))).status).toBe(404);
    expect((await download(t, '/exports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
