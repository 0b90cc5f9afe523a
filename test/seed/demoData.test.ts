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
    const total = Object.values(inserted).reduce((a, b) => a + b, 0);
    expect(inserted.company).toBe(DEMO_COMPANIES);
    expect(total).toBeGreaterThanOrEqual(200);
    expect(total).toBeLessThan(1000);
    const [row] = await db.query<{ n: number }>(
      'SELECT count(DISTINCT company_id)::int AS n FROM person WHERE company_id IS NOT NULL',
    );
    expect(row?.n).toBeGreaterThan(DEMO_COMPANIES / 2);
  });
});
