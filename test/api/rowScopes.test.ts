import { join } from 'node:path';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Every read scope, alone and combined across roles (issue 5), on owned types on both sides
 * of a reference and of a link table: lists, counts, single records, nested references and
 * connections, and filters through relations all agree on the same visible rows.
 *
 *          owner  team  area       contacts (links)     members (contact.account)
 *   A1     u1     t1    a1         C1, C2               C1
 *   A2     u2     t2    a1         C2                   C2
 *   A3     u2     t1    a2         -                    -
 *   C1     u1     t2    a2
 *   C2     u2     t1    a1
 */
const ROWS = {
  A1: ['u1', 't1', 'a1'],
  A2: ['u2', 't2', 'a1'],
  A3: ['u2', 't1', 'a2'],
  C1: ['u1', 't2', 'a2'],
  C2: ['u2', 't1', 'a1'],
} as const;

describe.each(DATABASE_KINDS)('row scopes on %s', (kind) => {
  let t: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer(kind, { metadataDir: join(__dirname, 'fixtures/scopes') });
    for (const name of ['C1', 'C2'] as const) {
      ids[name] = (await t.ok('mutation($n: String!) { createContact(input: { name: $n }) { id } }', { n: name })).createContact.id;
    }
    const links = { A1: ['C1', 'C2'], A2: ['C2'], A3: [] as string[] };
    for (const name of ['A1', 'A2', 'A3'] as const) {
      const created = await t.ok('mutation($n: String!, $c: [ID!]) { createAccount(input: { name: $n, contacts: $c }) { id } }', {
        n: name, c: links[name].map((c) => ids[c]),
      });
      ids[name] = created.createAccount.id;
    }
    await t.ok('mutation($c: ID!, $a: ID!) { updateContact(id: $c, input: { account: $a }) { id } }', { c: ids.C1, a: ids.A1 });
    await t.ok('mutation($c: ID!, $a: ID!) { updateContact(id: $c, input: { account: $a }) { id } }', { c: ids.C2, a: ids.A2 });
    for (const [name, [owner, team, area]] of Object.entries(ROWS)) {
      const type = name.startsWith('A') ? 'Account' : 'Contact';
      await t.ok(`mutation($id: ID!, $o: String, $t: String, $a: String) { reassign${type}(id: $id, owner: $o, team: $t, area: $a) { id } }`, {
        id: ids[name], o: owner, t: team, a: area,
      });
    }
  });
  afterAll(() => t?.close());

  const cases: [string, string[], { teams?: string[]; areas?: string[] }, string[], string[]][] = [
    // who, roles, groups, visible accounts, visible contacts
    ['own', ['ownReader'], {}, ['A1'], ['C1']],
    ['team', ['teamReader'], { teams: ['t1'] }, ['A1', 'A3'], ['C2']],
    ['area', ['areaReader'], { areas: ['a1'] }, ['A1', 'A2'], ['C2']],
    ['own or area', ['ownReader', 'areaReader'], { areas: ['a2'] }, ['A1', 'A3'], ['C1']],
    ['two teams', ['teamReader'], { teams: ['t1', 't2'] }, ['A1', 'A2', 'A3'], ['C1', 'C2']],
    ['team without teams', ['teamReader'], {}, [], []],
    ['all', ['allReader'], {}, ['A1', 'A2', 'A3'], ['C1', 'C2']],
  ];

  it.each(cases)('%s: lists, counts and single reads agree', async (_who, roles, groups, accounts, contacts) => {
    const token = await t.token('u1', roles, groups);
    const r = await t.gql('{ accounts(orderBy: [{ name: ASC }]) { totalCount nodes { name } } contacts(orderBy: [{ name: ASC }]) { totalCount nodes { name } } }', undefined, token);
    expect(r.errors).toBeUndefined();
    expect(r.data.accounts).toEqual({ totalCount: accounts.length, nodes: accounts.map((name) => ({ name })) });
    expect(r.data.contacts).toEqual({ totalCount: contacts.length, nodes: contacts.map((name) => ({ name })) });
    for (const name of ['A1', 'A2', 'A3']) {
      const single = await t.gql('query($id: ID!) { account(id: $id) { name } }', { id: ids[name] }, token);
      expect({ name, found: single.data.account?.name ?? null }).toEqual({ name, found: accounts.includes(name) ? name : null });
    }
  });

  it.each(cases)('%s: nested references, link tables, inverses and filters see only visible rows', async (_who, roles, groups, accounts, contacts) => {
    const token = await t.token('u1', roles, groups);
    const r = await t.gql(
      `{ accounts(orderBy: [{ name: ASC }]) { nodes { name contacts(orderBy: [{ name: ASC }]) { totalCount nodes { name account { name } } } members { totalCount } } }
         withC2: accounts(where: { contacts: { some: { name: { eq: "C2" } } } }) { totalCount }
         ofA1: contacts(where: { account: { name: { eq: "A1" } } }) { totalCount } }`,
      undefined,
      token,
    );
    expect(r.errors).toBeUndefined();
    const links: Record<string, string[]> = { A1: ['C1', 'C2'], A2: ['C2'], A3: [] };
    const members: Record<string, string[]> = { A1: ['C1'], A2: ['C2'], A3: [] };
    const accountOf: Record<string, string> = { C1: 'A1', C2: 'A2' };
    for (const node of r.data.accounts.nodes) {
      const visibleLinks = links[node.name]!.filter((c) => contacts.includes(c));
      expect(node.contacts.totalCount).toBe(visibleLinks.length);
      expect(node.contacts.nodes).toEqual(
        visibleLinks.map((c) => ({ name: c, account: accounts.includes(accountOf[c]!) ? { name: accountOf[c] } : null })),
      );
      expect(node.members.totalCount).toBe(members[node.name]!.filter((c) => contacts.includes(c)).length);
    }
    const expectedWithC2 = contacts.includes('C2') ? accounts.filter((a) => links[a]!.includes('C2')).length : 0;
    expect(r.data.withC2.totalCount).toBe(expectedWithC2);
    expect(r.data.ofA1.totalCount).toBe(contacts.includes('C1') && accounts.includes('A1') ? 1 : 0);
  });

  it('hides a type the roles do not read, with every field and filter leading to it', async () => {
    const token = await t.token('u1', ['accountsOnly']);
    const r = await t.gql('{ accounts { totalCount nodes { name } } }', undefined, token);
    expect(r.data.accounts.totalCount).toBe(3);
    for (const query of ['{ contacts { totalCount } }', '{ accounts { nodes { contacts { totalCount } } } }', '{ accounts(where: { members: { some: {} } }) { totalCount } }']) {
      expect((await t.gql(query, undefined, token)).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });
});
