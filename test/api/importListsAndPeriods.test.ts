import { DATABASE_KINDS } from '../support/databases';
import { uploaded } from '../support/files';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Import (issue 7, contract sections 6 and 7) runs the API's master-list check (keys or labels
 * in any locale, only active values, held values kept on upsert) and writes the periods of
 * temporal fields as create/update do, with an optional validFrom column.
 */

const IMPORT = `mutation($type: String!, $upload: ID!, $mode: ImportMode, $upsertKey: String) {
  importRecords(type: $type, upload: $upload, mode: $mode, upsertKey: $upsertKey) {
    inserted updated skipped written errorCount errors { line column message }
  }
}`;

const FUNCTIONS = 'purchasing, managingDirector, sales, it, marketing, finance, hr, assistant';
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each(DATABASE_KINDS)('import into list and temporal fields on %s', (kind) => {
  let t: TestServer;

  const imported = async (type: string, csv: string, mode = 'SKIP_BAD_ROWS', upsertKey?: string) =>
    (await t.ok(IMPORT, { type, upload: await uploaded(t, csv), mode, upsertKey })).importRecords;

  beforeAll(async () => {
    t = await startTestServer(kind);
  });

  afterAll(() => t?.close());

  describe('master lists', () => {
    beforeAll(async () => {
      await t.ok(`mutation { addListValue(list: "function", input: { key: "legacy", label: { en: "Legacy", de: "Altlast" } }) { key } }`);
      await t.ok(`mutation { createPerson(input: { lastName: "Bestand", email: "bestand@example.com", function: "legacy" }) { id } }`);
      await t.ok(`mutation { deactivateListValue(list: "function", key: "legacy") { active } }`);
    });

    const people = async (lastNames: string[]) =>
      (await t.ok(`query($n: [String!]) { people(where: { lastName: { in: $n } }, orderBy: [{ lastName: ASC }]) { nodes { lastName function personCode } } }`, { n: lastNames })).people
        .nodes;

    it('takes keys and labels in any locale, ignoring case, and reports unknown and inactive values naming the allowed ones', async () => {
      const file = [
        'Nachname;Funktion;Personenkennzeichen',
        'Eins;Einkauf;VIP',
        'Zwei;PURCHASING;keine werbung',
        'Drei;geschäftsführung;',
        'Vier;Hausmeister;',
        'Fünf;Altlast;partner',
        'Sechs;legacy;Stammkunde',
      ].join('\r\n');
      const report = await imported('person', file);
      expect(report).toMatchObject({ inserted: 3, skipped: 3, written: true });
      const notActive = (key: string, list: string, allowed: string) => `"${key}" is not an active value of list ${list} (allowed: ${allowed}, or their labels)`;
      expect(report.errors).toEqual([
        { line: 5, column: 'Funktion', message: notActive('Hausmeister', 'function', FUNCTIONS) },
        { line: 6, column: 'Funktion', message: notActive('legacy', 'function', FUNCTIONS) },
        { line: 7, column: 'Funktion', message: notActive('legacy', 'function', FUNCTIONS) },
        { line: 7, column: 'Personenkennzeichen', message: notActive('Stammkunde', 'personCode', 'vip, newsletter, partner, noMail') },
      ]);
      expect(await people(['Eins', 'Zwei', 'Drei', 'Vier', 'Fünf', 'Sechs'])).toEqual([
        { lastName: 'Drei', function: 'managingDirector', personCode: null },
        { lastName: 'Eins', function: 'purchasing', personCode: 'vip' },
        { lastName: 'Zwei', function: 'purchasing', personCode: 'noMail' },
      ]);
    });

    it('keeps a deactivated value on the record that holds it when an upsert gives it again', async () => {
      const file = ['email,function,lastName', 'bestand@example.com,Altlast,Bestand', 'neu@example.com,Altlast,Neu'].join('\n');
      const report = await imported('person', file, 'SKIP_BAD_ROWS', 'email');
      expect(report).toMatchObject({ inserted: 0, updated: 1, skipped: 1 });
      expect(report.errors).toEqual([{ line: 3, column: 'function', message: `"legacy" is not an active value of list function (allowed: ${FUNCTIONS}, or their labels)` }]);
      expect(await people(['Bestand', 'Neu'])).toEqual([{ lastName: 'Bestand', function: 'legacy', personCode: null }]);
    });

    it('reads multiChoice cells value by value and names a long list of allowed values briefly', async () => {
      const report = await imported('company', ['Name;Branchen', 'Liste AG;"Datenbanksoftware, consulting"', 'Falsch AG;"Software, Bäckerei"'].join('\n'));
      expect(report).toMatchObject({ inserted: 1, skipped: 1 });
      expect(report.errors).toEqual([
        { line: 3, column: 'Branchen', message: expect.stringMatching(/^"Bäckerei" is not an active value of list industry \(allowed: software, databaseSoftware, applicationSoftware, consulting, manufacturing, retail, [a-zA-Z]+, [a-zA-Z]+, … \(\d+ more\), or their labels\)$/) },
      ]);
      const stored = await t.ok(`{ companies(where: { name: { eq: "Liste AG" } }) { nodes { industries } } }`);
      expect(stored.companies.nodes).toEqual([{ industries: ['databaseSoftware', 'consulting'] }]);
    });
  });

  describe('temporal fields', () => {
    const HISTORY = 'insurerTariff insurerTariffHistory { value validFrom validTo }';
    const patient = async (id: string) => (await t.ok(`query($id: ID!) { patient(id: $id) { ${HISTORY} } }`, { id })).patient;
    const patientNamed = async (lastName: string) =>
      (await t.ok(`query($n: String!) { patients(where: { lastName: { eq: $n } }) { nodes { id ${HISTORY} } } }`, { n: lastName })).patients.nodes;
    const create = async (lastName: string, tariff: string) =>
      (await t.ok(`mutation($n: String!, $t: String) { createPatient(input: { lastName: $n, insurerTariff: $t }) { id } }`, { n: lastName, t: tariff })).createPatient.id;
    const update = (id: string, tariff: string, validFrom?: string) =>
      t.ok(`mutation($id: ID!, $t: String, $from: Date) { updatePatient(id: $id, input: { insurerTariff: $t }, validFrom: $from) { id } }`, { id, t: tariff, from: validFrom });

    it('opens a period for a new record from today, as createPatient does, or from its validFrom', async () => {
      const api = await create('Vergleich', 'Basis');
      const report = await imported('patient', ['Nachname;Tarif;Gültig ab', 'Neu;Basis;', 'Frueher;Komfort;01.03.2024', 'Vorgestern;Basis;' + inDays(-2)].join('\n'));
      expect(report).toMatchObject({ inserted: 3, errors: [] });
      const [created] = await patientNamed('Neu');
      expect({ ...created, id: api }).toEqual({ id: api, ...(await patient(api)) });
      expect(created.insurerTariffHistory).toEqual([{ value: 'Basis', validFrom: today(), validTo: null }]);
      expect((await patientNamed('Frueher'))[0].insurerTariffHistory).toEqual([{ value: 'Komfort', validFrom: '2024-03-01', validTo: null }]);
      expect((await patientNamed('Vorgestern'))[0].insurerTariffHistory).toEqual([{ value: 'Basis', validFrom: inDays(-2), validTo: null }]);
    });

    it('gives an upserted record the history the same updates through the API give', async () => {
      const viaApi = await create('Zwilling A', 'Basis');
      const viaImport = await create('Zwilling B', 'Basis');
      const steps: [string, string | undefined][] = [
        ['Komfort', '2024-01-01'],
        ['Premium', inDays(10)],
        ['Premium', undefined],
        ['Komfort', inDays(-1)],
        ['Komfort', undefined],
      ];
      for (const [tariff, validFrom] of steps) {
        await update(viaApi, tariff, validFrom);
        const report = await imported('patient', `id,insurerTariff,validFrom\n${viaImport},${tariff},${validFrom ?? ''}\n`, 'ALL_OR_NOTHING', 'id');
        expect(report).toMatchObject({ updated: 1, errors: [] });
        expect(await patient(viaImport)).toEqual(await patient(viaApi));
      }
      expect(await patient(viaImport)).toEqual({
        insurerTariff: 'Komfort',
        insurerTariffHistory: [
          { value: 'Komfort', validFrom: '2024-01-01', validTo: inDays(-1) },
          { value: 'Komfort', validFrom: inDays(-1), validTo: null },
        ],
      });
    });

    it('writes a batch of rows with different days in one go, and keeps a scheduled value out of today', async () => {
      const ids = [await create('Stapel 1', 'Alt'), await create('Stapel 2', 'Alt'), await create('Stapel 3', 'Alt')];
      const rows = [`${ids[0]};Neu;2020-01-01`, `${ids[1]};Neu;${inDays(30)}`, `${ids[2]};Alt;`];
      const report = await imported('patient', ['id;insurerTariff;validFrom', ...rows].join('\n'), 'ALL_OR_NOTHING', 'id');
      expect(report).toMatchObject({ updated: 3, errors: [] });
      expect(await patient(ids[0])).toEqual({ insurerTariff: 'Neu', insurerTariffHistory: [{ value: 'Neu', validFrom: '2020-01-01', validTo: null }] });
      expect(await patient(ids[1])).toEqual({
        insurerTariff: 'Alt',
        insurerTariffHistory: [
          { value: 'Alt', validFrom: today(), validTo: inDays(30) },
          { value: 'Neu', validFrom: inDays(30), validTo: null },
        ],
      });
      expect(await patient(ids[2])).toEqual({ insurerTariff: 'Alt', insurerTariffHistory: [{ value: 'Alt', validFrom: today(), validTo: null }] });
    });

    it('reports a bad or future validFrom of a new record as a bad row', async () => {
      const report = await imported('patient', ['lastName;insurerTariff;validFrom', `Spaeter;Basis;${inDays(5)}`, 'Kaputt;Basis;31.02.2024'].join('\n'), 'DRY_RUN');
      expect(report.errors).toEqual([
        { line: 2, column: 'validFrom', message: "lies after today: a new record's values start today or earlier" },
        { line: 3, column: 'validFrom', message: 'is not a date (2025-12-31 or 31.12.2025)' },
      ]);
    });

    it('refuses a validFrom column for a type without temporal fields', async () => {
      const result = await t.gql(IMPORT, { type: 'company', upload: await uploaded(t, 'name,validFrom\nX,2024-01-01\n') });
      expect(result.errors?.[0]?.extensions?.fieldErrors).toEqual([{ field: 'columns[1]', message: '"validFrom": Company has no temporal fields that a validFrom could apply to' }]);
    });
  });
});
