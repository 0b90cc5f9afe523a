import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 3 (write): a mutation of one `create<Type>` or `update<Type>` field whose record the
 * write statement reads back itself is answered from PostgreSQL's JSON text, without
 * graphql-js executing it. Its answer must be graphql-js's byte for byte, it must write once,
 * and every refusal must still come from graphql-js, which runs the mutation again: so a
 * refused or failed write must have written nothing.
 */

const PERSON = `lastName firstName function version company { id name } __typename`;

describe.each(DATABASE_KINDS)('compiled writes on %s', (kind) => {
  let t: TestServer;
  const answeredBy: string[] = [];
  let company: string;

  beforeAll(async () => {
    t = await startTestServer(kind, { observeExecution: (by) => answeredBy.push(by) });
    ({ createCompany: { id: company } } = await t.ok(`mutation { createCompany(input: { name: "Alpha" }) { id } }`));
  });

  afterAll(() => t?.close());

  /** The response body as the server wrote it, how it was answered and the statements it sent. */
  async function send(query: string, variables?: Record<string, unknown>) {
    const statements: string[] = [];
    const stop = t.server.db.onQuery((sql) => statements.push(sql));
    answeredBy.length = 0;
    try {
      const response = await fetch(t.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token()}` },
        body: JSON.stringify({ query, variables }),
      });
      return { body: await response.text(), answeredBy: [...answeredBy], statements };
    } finally {
      stop();
    }
  }

  const count = async (where: string) =>
    Number((await t.server.db.query<{ n: string }>(`SELECT count(*) AS n FROM person WHERE ${where}`))[0]!.n);

  it('answers a create compiled, in one statement, with the bytes graphql-js writes', async () => {
    const input = { lastName: 'Compiled', firstName: 'Ada', function: 'sales', company };
    const compiled = await send(`mutation($input: PersonCreateInput!) { createPerson(input: $input) { ${PERSON} } }`, { input });
    // A root __typename is a second root field: graphql-js executes the whole mutation.
    const executed = await send(`mutation($input: PersonCreateInput!) { __typename createPerson(input: $input) { ${PERSON} } }`, { input });
    expect(compiled.answeredBy).toEqual(['compiled']);
    expect(executed.answeredBy).toEqual(['graphql-js']);
    expect(compiled.statements).toHaveLength(1);
    expect(compiled.statements[0]).toMatch(/^WITH w AS \(INSERT INTO "person"/);
    expect(compiled.body).toBe(executed.body.replace('{"data":{"__typename":"Mutation",', '{"data":{'));
    expect(JSON.parse(compiled.body).data.createPerson).toEqual({
      lastName: 'Compiled', firstName: 'Ada', function: 'sales', version: 1, company: { id: company, name: 'Alpha' }, __typename: 'Person',
    });
    expect(await count(`last_name = 'Compiled'`)).toBe(2);
  });

  it('writes a compiled create and its audit entry once', async () => {
    const { body, answeredBy: by } = await send(`mutation { createPerson(input: { lastName: "Once" }) { id } }`);
    expect(by).toEqual(['compiled']);
    const { id } = JSON.parse(body).data.createPerson;
    expect(await count(`last_name = 'Once'`)).toBe(1);
    const { person } = await t.ok(`query($id: ID!) { person(id: $id) { history { nodes { action } } } }`, { id });
    expect(person.history.nodes).toEqual([{ action: 'create' }]);
  });

  it('answers an update compiled, writing one new version', async () => {
    const { createPerson } = await t.ok(`mutation { createPerson(input: { lastName: "Before" }) { id } }`);
    const update = `mutation($id: ID!) { updatePerson(id: $id, input: { lastName: "After" }, expectedVersion: 1) { lastName version } }`;
    const compiled = await send(update, { id: createPerson.id });
    expect(compiled.answeredBy).toEqual(['compiled']);
    expect(compiled.statements).toHaveLength(1);
    expect(JSON.parse(compiled.body)).toEqual({ data: { updatePerson: { lastName: 'After', version: 2 } } });
    // The same expected version again: CONFLICT, reported by graphql-js, nothing written.
    const again = await send(update, { id: createPerson.id });
    expect(again.answeredBy).toEqual(['graphql-js']);
    expect(JSON.parse(again.body).errors[0].extensions.code).toBe('CONFLICT');
    const { person } = await t.ok(`query($id: ID!) { person(id: $id) { version } }`, { id: createPerson.id });
    expect(person.version).toBe(2);
  });

  it('leaves every refusal to graphql-js, and a refused write wrote nothing', async () => {
    const create = `mutation($input: PersonCreateInput!) { createPerson(input: $input) { id } }`;
    const invalid = await send(create, { input: { lastName: '' } });
    expect(invalid.answeredBy).toEqual(['graphql-js']);
    expect(JSON.parse(invalid.body).errors[0]).toMatchObject({ path: ['createPerson'], extensions: { code: 'BAD_USER_INPUT' } });

    const list = await send(create, { input: { lastName: 'Refused', function: 'astronaut' } });
    expect(list.answeredBy).toEqual(['graphql-js']);
    expect(JSON.parse(list.body).errors[0].extensions.fieldErrors).toEqual([{ field: 'function', message: expect.any(String) }]);

    const missing = await send(create, { input: { lastName: 'Refused', company: '00000000-0000-4000-8000-000000000000' } });
    expect(missing.answeredBy).toEqual(['graphql-js']);
    expect(JSON.parse(missing.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await count(`last_name = 'Refused'`)).toBe(0);

    await t.ok(`mutation { createPerson(input: { lastName: "Unique", email: "unique@example.com" }) { id } }`);
    const duplicate = await send(create, { input: { lastName: 'Unique', email: 'unique@example.com' } });
    expect(duplicate.answeredBy).toEqual(['graphql-js']);
    expect(JSON.parse(duplicate.body).errors[0].extensions.code).toBeDefined();
    expect(await count(`last_name = 'Unique'`)).toBe(1);
  });

  it('runs writes of several statements and operations of several fields through graphql-js, once', async () => {
    // A references field writes link rows in a transaction after the row: graphql-js's path.
    const { createEmployee: mentor } = await t.ok(`mutation { createEmployee(input: { lastName: "Mentor", email: "mentor@example.com" }) { id } }`);
    const linked = await send(`mutation($m: [ID!]) { createEmployee(input: { lastName: "Mentee", email: "mentee@example.com", mentors: $m }) { lastName mentors { nodes { id } } } }`, {
      m: [mentor.id],
    });
    expect(linked.answeredBy).toEqual(['graphql-js']);
    expect(JSON.parse(linked.body).data.createEmployee).toEqual({ lastName: 'Mentee', mentors: { nodes: [{ id: mentor.id }] } });
    const mentees = await t.server.db.query<{ n: string }>(`SELECT count(*) AS n FROM employee WHERE last_name = 'Mentee'`);
    expect(Number(mentees[0]?.n)).toBe(1);

    const two = await send(`mutation { a: createPerson(input: { lastName: "Two" }) { id } b: createPerson(input: { lastName: "Two" }) { id } }`);
    expect(two.answeredBy).toEqual(['graphql-js']);
    expect(await count(`last_name = 'Two'`)).toBe(2);
  });
});
