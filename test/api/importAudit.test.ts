import { resolve } from 'node:path';
import { DATABASE_KINDS } from '../support/databases';
import { uploaded } from '../support/files';
import { SAMPLE_DEFINITIONS, startTestServer, type TestServer } from '../support/testServer';

/**
 * An import's audit entries go in by COPY with `changes` formatted in Node
 * (src/transfer/createdChanges.ts). They must equal what `create<Type>` records in SQL for
 * the same values, field type by field type: compared as stored (jsonb equality) and as
 * `history` answers them.
 */

const ALL_TYPES = resolve(__dirname, 'fixtures/all-types');

const IMPORT = `mutation($type: String!, $upload: ID!) {
  importRecords(type: $type, upload: $upload, mode: ALL_OR_NOTHING) { inserted errorCount errors { line column message } }
}`;

interface AuditRow {
  readonly record_id: string;
  readonly changes: Record<string, unknown>;
}

async function createEntries(t: TestServer, type: string): Promise<AuditRow[]> {
  return t.server.db.query<AuditRow>(`SELECT record_id, changes FROM relata_audit WHERE type = $1 AND action = 'create' ORDER BY id`, [type]);
}

/** Whether PostgreSQL holds two entries' changes equal (jsonb: numbers by value, keys in any order). */
async function sameChanges(t: TestServer, a: string, b: string): Promise<boolean> {
  const rows = await t.server.db.query<{ same: boolean }>(
    `SELECT (SELECT changes FROM relata_audit WHERE record_id = $1 AND action = 'create') = (SELECT changes FROM relata_audit WHERE record_id = $2 AND action = 'create') AS same`,
    [a, b],
  );
  return rows[0]!.same;
}

async function historyOf(t: TestServer, query: string, id: string) {
  const data = await t.ok(query, { id });
  return Object.values(data)[0] as { history: { nodes: { action: string; changes: unknown[] }[] } };
}

describe.each(DATABASE_KINDS)('import audit entries on %s', (kind) => {
  describe('every scalar field type', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer(kind, { metadataDir: ALL_TYPES });
    });
    afterAll(() => t?.close());

    it('records the same changes as createSpecimen for the same values', async () => {
      const input = {
        title: 'Grüße "aus" Köln',
        body: 'line one\nline two\twith tab and back\\slash',
        count: -42,
        ratio: '0012.50',
        price: '1234.5',
        enabled: false,
        day: '2024-02-29',
        moment: '2024-03-10T15:30:00.250Z',
        contact: 'anna@example.com',
        phone: '+49 30 1234567',
        homepage: 'https://example.com/a?b=1',
        colour: 'green',
        tags: ['gamma', 'alpha'],
        payload: { a: 1, nested: [1, 'two', null, true, 2.5], text: 'ä "q"' },
      };
      const created = await t.ok(`mutation ($input: SpecimenCreateInput!) { createSpecimen(input: $input) { id } }`, { input });
      const csv = [
        'title,body,count,ratio,price,enabled,day,moment,contact,phone,homepage,colour,tags,payload',
        [
          '"Grüße ""aus"" Köln"',
          '"line one\nline two\twith tab and back\\slash"',
          '-42',
          '0012.50',
          '1234.5',
          'false',
          '2024-02-29',
          '2024-03-10T15:30:00.250Z',
          'anna@example.com',
          '+49 30 1234567',
          'https://example.com/a?b=1',
          'green',
          '"gamma,alpha"',
          `"${JSON.stringify(input.payload).replace(/"/g, '""')}"`,
        ].join(','),
        // Empty cells set nothing: the entry leaves them out, as a create without them does.
        'Nur Titel,,,,,,,,,,,,,',
      ].join('\n');
      const report = await t.ok(IMPORT, { type: 'specimen', upload: await uploaded(t, csv) });
      expect(report.importRecords).toMatchObject({ inserted: 2, errorCount: 0 });
      const bare = await t.ok(`mutation { createSpecimen(input: { title: "Nur Titel" }) { id } }`);

      const entries = await createEntries(t, 'specimen');
      expect(entries).toHaveLength(4);
      const [api, imported, importedBare, apiBare] = entries.map((e) => e.record_id);
      expect(api).toBe(created.createSpecimen.id);
      expect(apiBare).toBe(bare.createSpecimen.id);
      expect(Object.keys(entries[1]!.changes).sort()).toEqual(Object.keys(input).sort());
      expect(await sameChanges(t, api!, imported!)).toBe(true);
      expect(await sameChanges(t, apiBare!, importedBare!)).toBe(true);

      const query = `query ($id: ID!) { specimen(id: $id) { history { nodes { action changes { field old new } } } } }`;
      expect((await historyOf(t, query, imported!)).history).toEqual((await historyOf(t, query, api!)).history);
    });
  });

  describe('references through a link table', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer(kind, { metadataDir: SAMPLE_DEFINITIONS });
    });
    afterAll(() => t?.close());

    it('records the linked ids once each, in the order create<Type> reads them', async () => {
      const mentor = async (n: number) =>
        (await t.ok(`mutation($e: String!) { createEmployee(input: { lastName: "Mentor", email: $e }) { id } }`, { e: `mentor${n}@example.com` })).createEmployee.id as string;
      const ids = [await mentor(1), await mentor(2), await mentor(3)];
      const given = [ids[2]!, ids[0]!, ids[2]!.toUpperCase(), ids[1]!];
      const created = await t.ok(`mutation($m: [ID!]) { createEmployee(input: { lastName: "Api", email: "api@example.com", softSkills: ["empathy", "teamwork"], mentors: $m }) { id } }`, {
        m: [...new Set(given.map((id) => id.toLowerCase()))],
      });
      const csv = `lastName,email,softSkills,mentors\nImport,import@example.com,"empathy,teamwork","${given.join(',')}"\n`;
      const report = await t.ok(IMPORT, { type: 'employee', upload: await uploaded(t, csv) });
      expect(report.importRecords).toMatchObject({ inserted: 1, errorCount: 0 });
      const entries = await createEntries(t, 'employee');
      const imported = entries.at(-1)!;
      expect(imported.changes.mentors).toEqual({ new: [...ids].sort() });
      const [fromApi] = entries.filter((e) => e.record_id === created.createEmployee.id);
      const { lastName: _a, email: _b, ...apiRest } = fromApi!.changes;
      const { lastName: _c, email: _d, ...importRest } = imported.changes;
      expect(importRest).toEqual(apiRest);
    });
  });
});
