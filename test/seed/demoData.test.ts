import { join } from 'node:path';
import type { Database } from '../../src/entities/database';
import { synchronizeStorage } from '../../src/entities/synchronizeStorage';
import { loadDefinitions } from '../../src/metadata';
import { DEMO_COMPANIES, seedDatabase } from '../../src/seed/seedDatabase';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases';

const METADATA_DIR = join(__dirname, '../../metadata-definitions');

describe.each(DATABASE_KINDS)('demo data for the sample definitions on %s', (kind) => {
  let test: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    db = await test.open();
  });

  afterAll(async () => {
    await db.close();
    await test.drop();
  });

  it('loads a few hundred records, with companies that have people', async () => {
    const registry = await loadDefinitions(METADATA_DIR);
    await synchronizeStorage(db, registry);
    const inserted = await seedDatabase(db, registry, { companies: DEMO_COMPANIES });
    // Records of the defined types; the journal's entries come on top (trait data).
    const total = Object.entries(inserted).filter(([type]) => type !== 'journalEntry').reduce((a, [, n]) => a + n, 0);
    expect(inserted.company).toBe(DEMO_COMPANIES);
    expect(total).toBeGreaterThanOrEqual(200);
    expect(total).toBeLessThan(1000);
    const [row] = await db.query<{ n: number }>(
      'SELECT count(DISTINCT company_id)::int AS n FROM person WHERE company_id IS NOT NULL',
    );
    expect(row?.n).toBeGreaterThan(DEMO_COMPANIES / 2);
  });

  it('shows the CRM capabilities: several addresses, attribute histories, a journal with due follow-ups', async () => {
    const [addresses] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT record_id FROM company_address GROUP BY record_id HAVING count(*) >= 2) x`,
    );
    expect(addresses!.n).toBeGreaterThan(DEMO_COMPANIES / 4);
    const [defaults] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM company_address WHERE is_default`);
    expect(defaults!.n).toBeGreaterThanOrEqual(DEMO_COMPANIES);
    const [histories] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT record_id FROM company_attribute GROUP BY record_id HAVING count(*) >= 2) x`,
    );
    expect(histories!.n).toBeGreaterThan(DEMO_COMPANIES / 4);
    const [due] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM journal_entry WHERE follow_up_owner = 'alice' AND NOT follow_up_done AND follow_up_due_at < now() + interval '7 days'`,
    );
    expect(due!.n).toBeGreaterThan(0);
  });
});
