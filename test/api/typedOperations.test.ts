import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  CompaniesWithPeopleQuery,
  CreateCompanyMutation,
  UpdateCompanyMutation,
} from '../generated/operations';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/testServer';

// The operations codegen types (test/operations), sent as a client would send them.
const document = readFileSync(join(__dirname, '../operations/companies.graphql'), 'utf8');
const operation = (name: string) => `${document}`.replace(/^/, `# ${name}\n`);

describe.each(DATABASE_KINDS)('typed operations from codegen on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t?.close());

  async function run<Data>(operationName: string, variables: Record<string, unknown>): Promise<Data> {
    const response = await fetch(t.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token()}` },
      body: JSON.stringify({ query: operation(operationName), operationName, variables }),
    });
    const body = (await response.json()) as { data: Data; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  it('creates, updates and lists companies through the generated operation types', async () => {
    const created = await run<CreateCompanyMutation>('CreateCompany', { input: { name: 'Typed GmbH', revenueLastYear: '250000.5' } });
    expect(created.createCompany).toMatchObject({ name: 'Typed GmbH', version: 1, revenueLastYear: '250000.50' });
    const updated = await run<UpdateCompanyMutation>('UpdateCompany', {
      id: created.createCompany.id,
      input: { name: 'Typed AG' },
      expectedVersion: 1,
    });
    expect(updated.updateCompany).toEqual({ id: created.createCompany.id, version: 2, name: 'Typed AG' });
    const list = await run<CompaniesWithPeopleQuery>('CompaniesWithPeople', { where: { name: { like: 'Typed%' } } });
    expect(list.companies.totalCount).toBe(1);
    expect(list.companies.nodes.map((n) => n.name)).toEqual(['Typed AG']);
    expect(list.companies.pageInfo.hasNextPage).toBe(false);
  });
});
