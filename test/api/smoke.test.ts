import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(DATABASE_KINDS)('smoke on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t?.close());

  it('serves the sample definitions', async () => {
    const c = await t.ok(`mutation { createCompany(input: { name: "ACME", country: "DE", revenueLastYear: "100000.10" }) { id name revenueLastYear } }`);
    expect(c.createCompany.revenueLastYear).toBe('100000.10');
    const r = await t.ok(`{ companies { totalCount nodes { name people { totalCount } } } }`);
    expect(r.companies.totalCount).toBe(1);
  });
});
