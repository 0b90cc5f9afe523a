import { DATABASE_KINDS } from '../support/databases';
import { fieldErrors } from '../support/fieldErrors';
import { download } from '../support/files';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Exports within the caller's permissions (issue 7 after issue 5), with the sample roles:
 * rows of the caller's read scope, as it is when the file is streamed; values through
 * references only from referenced rows the caller may see; columns the caller may not read
 * refused as BAD_USER_INPUT naming `columns[i]`.
 *
 *   company  owner  area   people
 *   Alpha    alice  de     Pia
 *   Bravo    bob    at     Paul
 *   Carol    carol  de     Petra
 */

const EXPORT = `mutation($type: String!, $where: JSON, $snapshot: ID, $columns: [String!]!) {
  exportRecords(type: $type, where: $where, snapshot: $snapshot, columns: $columns) { url }
}`;

describe.each(DATABASE_KINDS)('export within row scopes on %s', (kind) => {
  let t: TestServer;
  let alice: string;
  let rep: string;
  const ids: Record<string, string> = {};

  const ask = (token: string, variables: Record<string, unknown>) => t.gql(EXPORT, variables, token);

  /** The CSV lines after the header, sorted. */
  async function lines(token: string, url: string): Promise<string[]> {
    const file = await download(t, url, token);
    expect(file.status).toBe(200);
    return file.body.toString('utf8').split('\r\n').slice(1, -1).sort();
  }

  async function exported(token: string, variables: Record<string, unknown>): Promise<string[]> {
    const r = await ask(token, variables);
    expect(r.errors).toBeUndefined();
    return lines(token, r.data.exportRecords.url);
  }

  const reassign = (name: string, owner: string, area: string) =>
    t.ok(`mutation($id: ID!, $o: String, $a: String) { reassignCompany(id: $id, owner: $o, area: $a) { id } }`, { id: ids[name], o: owner, a: area });

  beforeAll(async () => {
    t = await startTestServer(kind);
    [alice, rep] = await Promise.all([t.token('alice', ['accountManager']), t.token('rita', ['salesRep'], { areas: ['de'] })]);
    for (const [name, owner, area, person] of [
      ['Alpha', 'alice', 'de', 'Pia'],
      ['Bravo', 'bob', 'at', 'Paul'],
      ['Carol', 'carol', 'de', 'Petra'],
    ] as const) {
      ids[name] = (await t.ok(`mutation($n: String!) { createCompany(input: { name: $n, revenueLastYear: "1000.00" }) { id } }`, { n: name })).createCompany.id;
      await reassign(name, owner, area);
      await t.ok(`mutation($i: PersonCreateInput!) { createPerson(input: $i) { id } }`, { i: { lastName: person, company: ids[name], notes: 'secret' } });
    }
  });
  afterAll(() => t?.close());

  it('exports only the rows of the caller’s read scope', async () => {
    expect(await exported(alice, { type: 'company', columns: ['name'] })).toEqual(['Alpha']);
    expect(await exported(rep, { type: 'company', columns: ['name', 'area'] })).toEqual(['Alpha,de', 'Carol,de']);
    expect(await exported(rep, { type: 'company', columns: ['name'], where: { NOT: { name: { eq: 'Alpha' } } } })).toEqual(['Carol']);
  });

  it('follows references only to rows the caller may see, leaving the others empty', async () => {
    expect(await exported(alice, { type: 'person', columns: ['lastName', 'company.name'] })).toEqual(['Paul,', 'Petra,', 'Pia,Alpha']);
    expect(await exported(rep, { type: 'person', columns: ['lastName', 'company.owner'] })).toEqual(['Paul,', 'Petra,carol', 'Pia,alice']);
  });

  it('refuses columns and types the caller may not read, naming each', async () => {
    // notes is sensitive; revenueLastYear has readRoles without salesRep; accountManager reads no orders.
    expect(fieldErrors(await ask(rep, { type: 'person', columns: ['lastName', 'notes', 'company.revenueLastYear'] }))).toEqual(['columns[1]', 'columns[2]']);
    expect(fieldErrors(await ask(alice, { type: 'order', columns: ['number'] }))).toEqual(['type']);
    expect(fieldErrors(await ask(rep, { type: 'company', columns: ['name'], where: { revenueLastYear: { gt: 0 } } }))).toEqual(['where.revenueLastYear']);
    expect(await exported(alice, { type: 'company', columns: ['name', 'revenueLastYear'] })).toEqual(['Alpha,1000.00']);
  });

  it('exports a snapshot shared with the caller without the members the caller may not see', async () => {
    const all = await t.ok(`mutation { createSelection(input: { name: "All", type: "company", condition: {}, sharedWithRoles: ["accountManager"] }) { id } }`);
    const snapshot = await t.ok(`mutation($id: ID!) { snapshotSelection(id: $id) { id members { totalCount } } }`, { id: all.createSelection.id });
    expect(snapshot.snapshotSelection.members.totalCount).toBe(3);
    expect(await exported(alice, { type: 'company', snapshot: snapshot.snapshotSelection.id, columns: ['name'] })).toEqual(['Alpha']);
  });

  it('applies the scope of the caller as it is when the file is streamed, for that caller only', async () => {
    const r = await ask(alice, { type: 'company', columns: ['name'] });
    const url = r.data.exportRecords.url;
    await reassign('Bravo', 'alice', 'at');
    try {
      expect(await lines(alice, url)).toEqual(['Alpha', 'Bravo']);
      expect((await download(t, url, await t.token('bob', ['accountManager']))).status).toBe(404);
    } finally {
      await reassign('Bravo', 'bob', 'at');
    }
    expect(await lines(alice, url)).toEqual(['Alpha']);
  });
});
