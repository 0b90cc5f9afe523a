import { DATABASE_KINDS } from '../support/databases';
import { uploaded } from '../support/files';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Files of several batches (importRecords.ts, 1,000 rows each): what the rows match in
 * storage is looked up once for the file (StoredMatches), so a row is judged the same
 * whatever batch it is in and a dry run reports what the import does; the writes of one
 * batch run while the next is checked, and a failed write leaves nothing behind.
 */

const IMPORT = `mutation($upload: ID!, $mode: ImportMode) {
  importRecords(type: "person", upload: $upload, mode: $mode) {
    rows inserted skipped written errorCount errors { line column message }
  }
}`;

/** Persons on lines 2.. with e-mails p<line>@example.com, but those given in `emails` by line. */
function peopleFile(rows: number, emails: Record<number, string> = {}, lastNames: Record<number, string> = {}): string {
  const lines = ['lastName,email'];
  for (let line = 2; line < rows + 2; line++) lines.push(`${lastNames[line] ?? `Person ${line}`},${emails[line] ?? `p${line}@example.com`}`);
  return lines.join('\n');
}

describe.each(DATABASE_KINDS)('imports of several batches on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t?.close());

  const countPeople = async (where: string) => (await t.ok(`{ people(where: ${where}) { totalCount } }`)).people.totalCount as number;

  it('judges a row by storage before the import in any batch: the dry run reports what the import does', async () => {
    await t.ok(`mutation { createPerson(input: { lastName: "Stored", email: "stored@example.com" }) { id } }`);
    // Line 1502 is in the second batch and repeats line 2 of the first; line 2555, in the third, takes a stored e-mail.
    const upload = await uploaded(t, peopleFile(2600, { 1502: 'p2@example.com', 2555: 'stored@example.com' }, { 2: 'Batch Zwei' }));
    const dryRun = (await t.ok(IMPORT, { upload, mode: 'DRY_RUN' })).importRecords;
    const imported = (await t.ok(IMPORT, { upload, mode: 'SKIP_BAD_ROWS' })).importRecords;
    const errors = [
      { line: 1502, column: 'email', message: '"p2@example.com" is also on line 2' },
      { line: 2555, column: 'email', message: '"stored@example.com" is already taken' },
    ];
    expect(dryRun).toEqual({ rows: 2600, inserted: 2598, skipped: 2, written: false, errorCount: 2, errors });
    expect(imported).toEqual({ ...dryRun, written: true });
    expect(await countPeople('{ lastName: { like: "Person %" } }')).toBe(2597);
    expect(await countPeople('{ lastName: { eq: "Batch Zwei" } }')).toBe(1);
  });

  it('looks up storage once per file: a file of three batches sends the lookups of a file of one', async () => {
    const lookupsFor = async (file: string) => {
      const upload = await uploaded(t, file);
      const statements: string[] = [];
      const stop = t.server.db.onQuery((sql) => statements.push(sql));
      const report = (await t.ok(IMPORT, { upload, mode: 'ALL_OR_NOTHING' })).importRecords;
      stop();
      expect(report.errorCount).toBe(0);
      return {
        lookups: statements.filter((sql) => /^\s*(WITH|SELECT)/i.test(sql) && !/relata_upload/.test(sql)).length,
        copies: statements.filter((sql) => /^COPY /.test(sql)).length,
      };
    };
    const one = await lookupsFor(peopleFile(10).replace(/@example\.com/g, '@one.example'));
    const three = await lookupsFor(peopleFile(2500).replace(/@example\.com/g, '@three.example'));
    expect(three.lookups).toBe(one.lookups);
    // Per batch one COPY of the records and one of their audit entries.
    expect(one.copies).toBe(2);
    expect(three.copies).toBe(6);
  });

  it('rolls the whole import back when a later batch fails to write, and says so', async () => {
    const before = await countPeople('{ lastName: { like: "Roll %" } }');
    const auditEntries = async () => (await t.server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM relata_audit WHERE type = 'person'`))[0]!.n;
    const entriesBefore = await auditEntries();
    // A constraint the checks do not know: the second batch's COPY fails while the first is written.
    await t.server.db.query(`ALTER TABLE person ADD CONSTRAINT no_boom CHECK ("last_name" <> 'Roll Boom')`);
    try {
      const file = peopleFile(1500, {}, { 1400: 'Roll Boom' }).replace(/Person /g, 'Roll ').replace(/@example\.com/g, '@roll.example');
      const result = await t.gql(IMPORT, { upload: await uploaded(t, file), mode: 'SKIP_BAD_ROWS' });
      expect(result.data?.importRecords ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await countPeople('{ lastName: { like: "Roll %" } }')).toBe(before);
      expect(await auditEntries()).toBe(entriesBefore);
    } finally {
      await t.server.db.query(`ALTER TABLE person DROP CONSTRAINT no_boom`);
    }
  });
});
