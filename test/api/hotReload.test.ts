import { definitionFiles, eventually, type DefinitionFiles } from '../support/definitionFiles';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/testServer';

const company = (fields = '') => `name: company\nplural: companies\nfields:\n  name: { type: string, required: true }\n  employees: { type: integer }\n${fields}`;
const contact = 'name: contact\nfields:\n  email: { type: email }\n';
const vendor = 'name: vendor\nrenamedFrom: supplier\nfields:\n  name: { type: string }\n';

describe.each(DATABASE_KINDS)('hot reload of definitions on %s', (kind) => {
  let files: DefinitionFiles;
  let t: TestServer;
  const logs: string[] = [];
  beforeAll(async () => {
    files = definitionFiles({ 'company.yaml': company(), 'contact.yaml': contact });
    // It looks at the served schema by introspection, which is off outside development unless asked for.
    t = await startTestServer(kind, { metadataDir: files.dir, log: (line) => logs.push(line), env: { INTROSPECTION: 'on' } });
  });
  afterAll(async () => {
    await t?.close();
    files?.remove();
  });

  const health = async () => (await (await fetch(new URL('/healthz', t.server.url))).json()) as { definitionsVersion: number; schemaVersion: string };
  const servedVersion = async () => (await health()).definitionsVersion;
  const untilVersion = (version: number) => eventually(async () => ((await servedVersion()) === version ? true : undefined), `definitions version ${version}`);
  const untilLog = (pattern: RegExp) => eventually(async () => logs.find((line) => pattern.test(line)), `a log line like ${pattern}`);

  /** A client that keeps querying while the test edits files; every failure is recorded. */
  function keepQuerying() {
    const failures: unknown[] = [];
    let requests = 0;
    let running = true;
    const loop = (async () => {
      while (running) {
        const result = await t.gql(`{ companies(orderBy: [{ name: ASC }]) { totalCount nodes { name employees } } }`).catch((e: unknown) => ({ status: 0, errors: [e] }));
        requests += 1;
        if (result.status !== 200 || result.errors) failures.push(result);
      }
    })();
    return {
      stop: async () => {
        running = false;
        await loop;
        return { failures, requests };
      },
    };
  }

  it('applies edits live while a client keeps querying, with zero failed requests and no row lost', async () => {
    await t.ok(`mutation { createCompany(input: { name: "Acme", employees: 40 }) { id } }`);
    const start = await servedVersion();
    const client = keepQuerying();

    files.write({ 'company.yaml': company('  city: { type: string, maxLength: 40 }\n'), 'contact.yaml': contact });
    await untilVersion(start + 1);
    await t.ok(`mutation { updateCompany(id: "${(await t.ok(`{ companies { nodes { id } } }`)).companies.nodes[0].id}", input: { city: "Bonn" }) { id } }`);

    // Widen in place, rename a field, add a type, all in one save.
    files.write({
      'company.yaml': company('  town: { type: string, maxLength: 200, renamedFrom: city }\n'),
      'contact.yaml': contact,
      'supplier.yaml': 'name: supplier\nfields:\n  name: { type: string }\n',
    });
    await untilVersion(start + 2);
    expect(await t.ok(`{ companies { nodes { name employees town } } suppliers { totalCount } }`)).toEqual({
      companies: { nodes: [{ name: 'Acme', employees: 40, town: 'Bonn' }] },
      suppliers: { totalCount: 0 },
    });

    await t.ok(`mutation { createSupplier(input: { name: "Parts Ltd" }) { id } }`);

    // Remove a field and a type: they leave the API, their data stays; putting them back restores it.
    files.write({ 'company.yaml': company(), 'contact.yaml': contact });
    await untilVersion(start + 3);
    const gone = await t.gql(`{ companies { nodes { town } } }`);
    expect(gone.errors?.[0]?.message).toMatch(/Cannot query field "town"/);
    expect((await t.gql(`{ suppliers { totalCount } }`)).errors?.[0]?.message).toMatch(/Cannot query field "suppliers"/);
    files.write({ 'company.yaml': company('  town: { type: string, maxLength: 200 }\n'), 'contact.yaml': contact, 'supplier.yaml': 'name: supplier\nfields:\n  name: { type: string }\n' });
    await untilVersion(start + 4);
    expect(await t.ok(`{ companies { nodes { town } } suppliers { nodes { name } } }`)).toEqual({
      companies: { nodes: [{ town: 'Bonn' }] },
      suppliers: { nodes: [{ name: 'Parts Ltd' }] },
    });

    // Rename a whole type in place.
    files.write({ 'company.yaml': company('  town: { type: string, maxLength: 200 }\n'), 'contact.yaml': contact, 'vendor.yaml': vendor });
    await untilVersion(start + 5);
    expect(await t.ok(`{ vendors { nodes { name } } }`)).toEqual({ vendors: { nodes: [{ name: 'Parts Ltd' }] } });

    const { failures, requests } = await client.stop();
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(10);
  });

  it('keeps the last good schema when a file breaks, logging file, path and reason', async () => {
    const before = await health();
    const client = keepQuerying();
    files.write({ 'company.yaml': company('  rating: { type: stars }\n'), 'contact.yaml': contact, 'vendor.yaml': vendor });
    expect(await untilLog(/company\.yaml: fields\.rating\.type: /)).toMatch(/still serving version/);
    files.write({ 'company.yaml': company('  town: { type: string, maxLength: 200 }\n'), 'contact.yaml': 'name: contact\nfields: [', 'vendor.yaml': vendor });
    await untilLog(/contact\.yaml: /);
    expect(await health()).toEqual(before);
    const { failures } = await client.stop();
    expect(failures).toEqual([]);
  });

  it('keeps the last good schema when a change is refused, naming the offending rows', async () => {
    const before = await health();
    files.write({ 'company.yaml': company('  town: { type: string, maxLength: 200 }\n').replace('employees: { type: integer }', 'employees: { type: boolean }'), 'contact.yaml': contact, 'vendor.yaml': vendor });
    const line = await untilLog(/company\.yaml: fields\.employees: .*refused: 1 row\(s\) neither 0 nor 1/);
    expect(line).toMatch(/still serving version/);
    expect(await health()).toEqual(before);
    expect(await t.ok(`{ companies { nodes { employees } } }`)).toEqual({ companies: { nodes: [{ employees: 40 }] } });
  });

  it('turns rapid successive saves into one reload', async () => {
    const start = await servedVersion();
    for (let i = 1; i <= 5; i++) {
      files.write({ 'company.yaml': company(`  town: { type: string, maxLength: 200 }\n  note${i}: { type: text }\n`), 'contact.yaml': contact, 'vendor.yaml': vendor });
    }
    await untilVersion(start + 1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await servedVersion()).toBe(start + 1);
    const fields = await t.ok(`{ __type(name: "Company") { fields { name } } }`);
    expect(fields.__type.fields.map((f: { name: string }) => f.name)).toContain('note5');
  });

  it('answers CONFLICT when a delete is blocked by a retired reference, whose value stays', async () => {
    const withRep = company('  town: { type: string, maxLength: 200 }\n  rep: { type: reference, target: contact }\n');
    const start = await servedVersion();
    files.write({ 'company.yaml': withRep, 'contact.yaml': contact, 'vendor.yaml': vendor });
    await untilVersion(start + 1);
    const { createContact } = await t.ok(`mutation { createContact(input: { email: "rep@example.com" }) { id } }`);
    const { createCompany } = await t.ok(`mutation { createCompany(input: { name: "Held", rep: "${createContact.id}" }) { id } }`);
    files.write({ 'company.yaml': company('  town: { type: string, maxLength: 200 }\n'), 'contact.yaml': contact, 'vendor.yaml': vendor });
    await untilVersion(start + 2);
    const blocked = await t.gql(`mutation { deleteContact(id: "${createContact.id}") }`);
    expect(blocked.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    files.write({ 'company.yaml': withRep, 'contact.yaml': contact, 'vendor.yaml': vendor });
    await untilVersion(start + 3);
    expect(await t.ok(`{ company(id: "${createCompany.id}") { rep { email } } }`)).toEqual({ company: { rep: { email: 'rep@example.com' } } });
  });

  it('lets no request on the old schema reach storage that a rename already changed', async () => {
    const withCity = (name: string, renamed = '') => company(`  town: { type: string, maxLength: 200 }\n  ${name}: { type: string${renamed} }\n`);
    const start = await servedVersion();
    files.write({ 'company.yaml': withCity('region'), 'contact.yaml': contact, 'vendor.yaml': vendor });
    await untilVersion(start + 1);
    const unexpected: unknown[] = [];
    let running = true;
    // Clients still asking for the old name get a validation error once the rename is served;
    // anything else (an internal error from SQL on a renamed column) is a failure.
    const clients = [1, 2, 3].map(async () => {
      while (running) {
        const result = await t.gql(`{ companies { nodes { name region } } }`);
        const code = result.errors?.[0]?.extensions?.code;
        if (result.errors && code !== 'GRAPHQL_VALIDATION_FAILED') unexpected.push(result.errors);
      }
    });
    files.write({ 'company.yaml': withCity('area', ', renamedFrom: region'), 'contact.yaml': contact, 'vendor.yaml': vendor });
    await untilVersion(start + 2);
    files.write({ 'company.yaml': withCity('zone', ', renamedFrom: area'), 'contact.yaml': contact, 'vendor.yaml': vendor });
    await untilVersion(start + 3);
    running = false;
    await Promise.all(clients);
    expect(unexpected).toEqual([]);
  });
});

