import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_KINDS } from '../support/databases';
import { definitionFiles, eventually, type DefinitionFiles } from '../support/definitionFiles';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 3: a compiled read is compiled once per (schema, operation, role set, values that
 * shape the SQL) and bound per request. Every answer here is compared with graphql-js's
 * (the same query with a root `__typename`, which no compiled read serves), request after
 * request on one document, so a statement bound with another request's id, viewer, role
 * set or schema would show.
 */
const FIXTURE = join(__dirname, 'fixtures/scopes');
const fixture = (file: string) => readFileSync(join(FIXTURE, file), 'utf8');

/** owner, team, area of each account (as in rowScopes.test.ts). */
const ACCOUNTS = { A1: ['u1', 't1', 'a1'], A2: ['u2', 't2', 'a1'], A3: ['u2', 't1', 'a2'] } as const;

const BY_ID = 'query($id: ID!) { account(id: $id) { name owner team area } }';
const LIST = 'query($n: Int, $w: AccountWhere) { accounts(first: $n, where: $w, orderBy: [{ name: ASC }]) { totalCount nodes { name } } }';

describe.each(DATABASE_KINDS)('compiled statements shared between requests on %s', (kind) => {
  let files: DefinitionFiles;
  let t: TestServer;
  const answeredBy: string[] = [];
  const ids: Record<string, string> = {};
  /** Statements sent for account reads, with their parameters. */
  const sent: { sql: string; params: readonly unknown[] }[] = [];

  beforeAll(async () => {
    files = definitionFiles({ 'account.yaml': fixture('account.yaml'), 'contact.yaml': fixture('contact.yaml'), 'roles.yaml': fixture('roles.yaml') });
    t = await startTestServer(kind, { metadataDir: files.dir, observeExecution: (by) => answeredBy.push(by) });
    for (const [name, [owner, team, area]] of Object.entries(ACCOUNTS)) {
      const { createAccount } = await t.ok('mutation($n: String!) { createAccount(input: { name: $n }) { id } }', { n: name });
      ids[name] = createAccount.id;
      await t.ok('mutation($id: ID!, $o: String, $t: String, $a: String) { reassignAccount(id: $id, owner: $o, team: $t, area: $a) { id } }', {
        id: createAccount.id, o: owner, t: team, a: area,
      });
    }
    t.server.db.onQuery((sql, params) => {
      if (sql.includes('"account"')) sent.push({ sql, params });
    });
  });
  afterAll(async () => {
    await t?.close();
    files?.remove();
  });

  /** The compiled answer, checked against graphql-js's for the same request. */
  async function compiledAnswer(query: string, variables: Record<string, unknown>, token?: string) {
    answeredBy.length = 0;
    const compiled = await t.gql(query, variables, token);
    const executed = await t.gql(query.replace('{', '{ __typename '), variables, token);
    expect(answeredBy).toEqual(['compiled', 'graphql-js']);
    expect(compiled.errors).toBeUndefined();
    const { __typename, ...data } = executed.data;
    expect(compiled.data).toEqual(data);
    return compiled.data;
  }

  it('binds each request its own id, and answers null for a missing id or one that is no UUID', async () => {
    sent.length = 0;
    for (const name of ['A1', 'A2', 'A3', 'A1'] as const) {
      const data = await compiledAnswer(BY_ID, { id: ids[name] });
      expect(data.account.name).toBe(name);
    }
    expect((await compiledAnswer(BY_ID, { id: '00000000-0000-4000-8000-000000000000' })).account).toBeNull();
    expect((await compiledAnswer(BY_ID, { id: 'nope' })).account).toBeNull();
    // Each answer sent the compiled statement, then graphql-js's (which reads parsed JSON, not text);
    // the id that is no UUID sent neither. One compiled text, each request's id its parameter.
    const compiled = sent.filter((_s, i) => i % 2 === 0);
    expect(new Set(compiled.map((s) => s.sql)).size).toBe(1);
    expect(compiled.map((s) => s.params)).toEqual([[ids.A1], [ids.A2], [ids.A3], [ids.A1], ['00000000-0000-4000-8000-000000000000']]);
  });

  it('binds each viewer its own sub, teams and areas, for every role set on one document', async () => {
    const cases: [string, string[], { teams?: string[]; areas?: string[] }, string[]][] = [
      ['u1', ['ownReader'], {}, ['A1']],
      ['u2', ['ownReader'], {}, ['A2', 'A3']],
      ['u1', ['teamReader'], { teams: ['t1'] }, ['A1', 'A3']],
      ['u1', ['teamReader'], { teams: ['t2'] }, ['A2']],
      ['u1', ['teamReader'], { teams: [] }, []],
      ['u1', ['areaReader'], { areas: ['a1'] }, ['A1', 'A2']],
      ['u1', ['areaReader'], { areas: ['a2'] }, ['A3']],
      ['u2', ['ownReader', 'areaReader'], { areas: ['a1'] }, ['A1', 'A2', 'A3']],
      ['u1', ['ownReader', 'areaReader'], { areas: ['a2'] }, ['A1', 'A3']],
      ['u1', ['allReader'], {}, ['A1', 'A2', 'A3']],
    ];
    // Twice over, so that every case after the first round meets statements other viewers left.
    for (const round of [1, 2]) {
      for (const [sub, roles, groups, visible] of cases) {
        const token = await t.token(sub, roles, groups);
        const list = await compiledAnswer(LIST, {}, token);
        expect({ round, sub, roles, groups, names: list.accounts.nodes.map((n: { name: string }) => n.name) }).toEqual({ round, sub, roles, groups, names: visible });
        for (const name of ['A1', 'A2', 'A3']) {
          const single = await compiledAnswer(BY_ID, { id: ids[name] }, token);
          expect({ round, sub, roles, groups, name, found: single.account !== null }).toEqual({ round, sub, roles, groups, name, found: visible.includes(name) });
        }
      }
    }
  });

  it('places the viewer values as parameters of one text per role set', async () => {
    sent.length = 0;
    for (const teams of [['t1'], ['t2'], ['t1', 't2']]) {
      await t.gql(BY_ID, { id: ids.A1 }, await t.token('u1', ['teamReader'], { teams }));
    }
    expect(new Set(sent.map((s) => s.sql)).size).toBe(1);
    expect(sent.map((s) => s.params)).toEqual([
      [ids.A1, ['t1']],
      [ids.A1, ['t2']],
      [ids.A1, ['t1', 't2']],
    ]);
  });

  it('compiles anew for variables that shape the SQL: page sizes, filters, null and absent', async () => {
    const variants: [Record<string, unknown>, string[]][] = [
      [{ n: 1 }, ['A1']],
      [{ n: 2 }, ['A1', 'A2']],
      [{}, ['A1', 'A2', 'A3']],
      [{ n: null }, ['A1', 'A2', 'A3']],
      [{ w: { name: { eq: 'A2' } } }, ['A2']],
      [{ w: { name: { eq: 'A3' } } }, ['A3']],
      [{ w: { name: { in: ['A1', 'A3'] } }, n: 1 }, ['A1']],
      [{ n: 1 }, ['A1']],
    ];
    for (const [variables, names] of variants) {
      const data = await compiledAnswer(LIST, variables);
      expect({ variables, names: data.accounts.nodes.map((n: { name: string }) => n.name) }).toEqual({ variables, names });
    }
  });

  it('keys by value a variable that is used beyond a root id', async () => {
    const query = 'query($id: ID!) { account(id: $id) { name } accounts(where: { id: { neq: $id } }, orderBy: [{ name: ASC }]) { nodes { name } } }';
    for (const name of ['A1', 'A2', 'A1'] as const) {
      const data = await compiledAnswer(query, { id: ids[name] });
      expect(data.account.name).toBe(name);
      expect(data.accounts.nodes.map((n: { name: string }) => n.name)).toEqual(['A1', 'A2', 'A3'].filter((n) => n !== name));
    }
  });

  it('compiles for a reloaded schema anew: the same document and token follow the new row scopes', async () => {
    const token = await t.token('u1', ['teamReader'], { teams: ['t1'] });
    const before = await compiledAnswer(LIST, {}, token);
    expect(before.accounts.nodes.map((n: { name: string }) => n.name)).toEqual(['A1', 'A3']);
    const health = async () => ((await (await fetch(new URL('/healthz', t.server.url))).json()) as { definitionsVersion: number }).definitionsVersion;
    const version = await health();
    files.write({
      'account.yaml': fixture('account.yaml'),
      'contact.yaml': fixture('contact.yaml'),
      'roles.yaml': fixture('roles.yaml').replace('teamReader: { permissions: { account: { read: team }', 'teamReader: { permissions: { account: { read: own }'),
    });
    await eventually(async () => ((await health()) > version ? true : undefined), 'the reloaded definitions');
    const after = await compiledAnswer(LIST, {}, token);
    expect(after.accounts.nodes.map((n: { name: string }) => n.name)).toEqual(['A1']);
    const single = await compiledAnswer(BY_ID, { id: ids.A3 }, token);
    expect(single.account).toBeNull();
  });
});
