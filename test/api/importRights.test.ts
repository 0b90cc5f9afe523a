import { DATABASE_KINDS } from '../support/databases';
import { fieldErrors } from '../support/fieldErrors';
import { upload } from '../support/files';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * Imports within the caller's rights (issue 7 after issue 5), with the sample roles:
 * inserts need create rights (and, for owned types, the create scope; the owner defaults to
 * the importer), upserts the update scope; columns the caller may not write are refused up
 * front; references by key resolve among readable records only.
 *
 *   company  owner  team   area
 *   Alpha    alice  north  de
 *   Bravo    bob    south  at
 *   Carol    carol  south  de
 */

const IMPORT = `mutation($type: String!, $upload: ID!, $mapping: JSON, $mode: ImportMode, $upsertKey: String) {
  importRecords(type: $type, upload: $upload, mapping: $mapping, mode: $mode, upsertKey: $upsertKey) {
    inserted updated skipped written errors { line column message } possibleDuplicates { line existingId }
  }
}`;

const NOT_YOURS = 'no Company with this key that you may update (not found or not yours)';

describe.each(DATABASE_KINDS)('import within rights on %s', (kind) => {
  let t: TestServer;
  let alice: string;
  let rep: string;
  const ids: Record<string, string> = {};

  /** Uploads `csv` and imports it, both with `token`. */
  async function importAs(token: string, csv: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
    const sent = await upload(t, csv, { token });
    expect(sent.status).toBe(201);
    return t.gql(IMPORT, { upload: sent.body.upload, mode: 'SKIP_BAD_ROWS', ...variables }, token);
  }

  async function report(token: string, csv: string, variables: Record<string, unknown>) {
    const r = await importAs(token, csv, variables);
    expect(r.errors).toBeUndefined();
    return r.data.importRecords;
  }

  const company = async (name: string) =>
    (await t.ok(`query($n: String!) { companies(where: { name: { eq: $n } }) { nodes { name city owner team area } } }`, { n: name })).companies.nodes;

  beforeAll(async () => {
    t = await startTestServer(kind);
    [alice, rep] = await Promise.all([t.token('alice', ['accountManager']), t.token('rita', ['salesRep'], { areas: ['de'], teams: ['north'] })]);
    for (const [name, owner, team, area] of [
      ['Alpha', 'alice', 'north', 'de'],
      ['Bravo', 'bob', 'south', 'at'],
      ['Carol', 'carol', 'south', 'de'],
    ] as const) {
      ids[name] = (await t.ok(`mutation($n: String!) { createCompany(input: { name: $n, postalCode: "10115" }) { id } }`, { n: name })).createCompany.id;
      await t.ok(`mutation($id: ID!, $o: String, $t: String, $a: String) { reassignCompany(id: $id, owner: $o, team: $t, area: $a) { id } }`, {
        id: ids[name], o: owner, t: team, a: area,
      });
    }
  });
  afterAll(() => t?.close());

  it('gives new owned records the importer as owner, with their first team and area', async () => {
    const r = await report(rep, 'name;city\nNeu Rep AG;Köln\n', { type: 'company' });
    expect(r).toMatchObject({ inserted: 1, errors: [] });
    expect(await company('Neu Rep AG')).toEqual([{ name: 'Neu Rep AG', city: 'Köln', owner: 'rita', team: 'north', area: 'de' }]);
    expect(await report(alice, 'name\nNeu Alice AG\n', { type: 'company' })).toMatchObject({ inserted: 1, errors: [] });
    expect((await company('Neu Alice AG'))[0]).toMatchObject({ owner: 'alice' });
  });

  it('makes rows outside the create scope bad rows', async () => {
    const noArea = await t.token('rudi', ['salesRep']);
    const r = await report(noArea, 'name\nOhne Gebiet AG\n', { type: 'company' });
    expect(r).toMatchObject({ inserted: 0, skipped: 1, errors: [{ line: 2, column: null, message: 'You may create a Company only in one of your areas' }] });
    expect(await company('Ohne Gebiet AG')).toEqual([]);
  });

  it('updates by upsert key only records in the update scope, with the same words for hidden and read-only ones', async () => {
    const csv = `id;city\n${ids.Alpha};Bonn\n${ids.Bravo};Wien\n${ids.Carol};Essen\n`;
    const mine = await report(alice, csv, { type: 'company', upsertKey: 'id' });
    expect(mine).toMatchObject({ updated: 1, skipped: 2 });
    expect(mine.errors).toEqual([
      { line: 3, column: 'id', message: NOT_YOURS },
      { line: 4, column: 'id', message: NOT_YOURS },
    ]);
    expect((await company('Alpha'))[0].city).toBe('Bonn');
    // salesRep reads Carol (area de) but updates only team north: Alpha.
    const theirs = await report(rep, csv, { type: 'company', upsertKey: 'id' });
    expect(theirs).toMatchObject({ updated: 1, skipped: 2 });
    expect(theirs.errors.map((e: { message: string }) => e.message)).toEqual([NOT_YOURS, NOT_YOURS]);
    expect((await company('Carol'))[0].city).toBeNull();
    expect((await company('Bravo'))[0].city).toBeNull();
  });

  it('reports columns the caller may not write before reading any row', async () => {
    // companyClass has writeRoles admin and salesManager; owner, team and area need reassign rights.
    const r = await importAs(alice, 'name;companyClass;owner\nX;A;bob\n', { type: 'company' });
    expect(fieldErrors(r)).toEqual(['columns[1]', 'columns[2]']);
    expect(r.errors![0]!.extensions!.fieldErrors[0].message).toBe('"companyClass": you may not write Company.companyClass');
    // notes is sensitive: accountManager does not see it, so it is not named either.
    const hidden = await importAs(alice, 'lastName;Notizen\nX;y\n', { type: 'person' });
    expect(hidden.errors?.[0]?.extensions?.fieldErrors).toEqual([{ field: 'columns[1]', message: '"Notizen" matches no field of Person' }]);
    expect(fieldErrors(await importAs(rep, 'lastName\nX\n', { type: 'person' }))).toEqual(['type']);
    expect(fieldErrors(await importAs(alice, 'number\nX\n', { type: 'order' }))).toEqual(['type']);
  });

  it('resolves references by key only among records the caller may read, and notes only readable duplicates', async () => {
    const r = await report(alice, 'lastName;company.name\nErster;Alpha\nZweiter;Bravo\n', { type: 'person' });
    expect(r).toMatchObject({ inserted: 1, skipped: 1, errors: [{ line: 3, column: 'company.name', message: 'no Company has name "Bravo"' }] });
    const byId = await report(alice, `lastName;company\nDritter;${ids.Carol}\n`, { type: 'person', mode: 'DRY_RUN' });
    expect(byId.errors).toEqual([{ line: 2, column: 'company', message: 'refers to a record that does not exist' }]);
    const duplicates = await report(alice, 'name;postalCode\nBravo;10115\nAlpha;10115\n', { type: 'company', mode: 'DRY_RUN' });
    expect(duplicates.possibleDuplicates).toEqual([{ line: 3, existingId: ids.Alpha }]);
  });

  it('lets the admin set owner, team and area from the file, within its reassign rights', async () => {
    const admin = await t.token('root', ['admin']);
    expect(await report(admin, 'name;owner;area\nVon Admin AG;bob;at\n', { type: 'company' })).toMatchObject({ inserted: 1, errors: [] });
    expect((await company('Von Admin AG'))[0]).toMatchObject({ owner: 'bob', team: null, area: 'at' });
  });
});
