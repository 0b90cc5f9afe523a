import type { Database } from '../../src/entities/database';
import { planStorage, synchronizeStorage } from '../../src/entities/synchronizeStorage';
import { DestructiveChangeError } from '../../src/errors';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases';
import { registryOf, sampleRegistry } from '../support/registries';

const company = (extra = '') => `
name: company
plural: companies
fields:
  name: { type: string, required: true, unique: true, maxLength: 200 }
  licences: { type: integer }
  industries: { type: multiChoice, options: [software, retail], indexed: true }
  salesRep: { type: reference, target: employee, onDelete: setNull, inverse: accounts }
${extra}`;
const employee = `
name: employee
fields:
  lastName: { type: string, required: true }
  mentors: { type: references, target: employee }
`;

describe.each(DATABASE_KINDS)('storage synchronisation on %s', (kind) => {
  let testDb: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    db = await testDb.open();
  });
  afterEach(async () => {
    await db.close();
    await testDb.drop();
  });

  const columns = (table: string) =>
    db.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`,
      [table],
    );
  const constraints = (table: string) =>
    db.query<{ conname: string; contype: string; def: string }>(
      `SELECT conname, contype, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype <> 'n' ORDER BY conname`,
      [table],
    );
  const indexes = (table: string) =>
    db.query<{ indexname: string; indexdef: string }>(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = $1 ORDER BY indexname`, [table]);

  it('creates one snake_case table per type with system columns, constraints and indexes (contract section 5)', async () => {
    await synchronizeStorage(db, registryOf({ 'company.yaml': company(), 'employee.yaml': employee }));
    expect(await columns('company')).toEqual([
      { column_name: 'created_at', data_type: 'timestamp with time zone', is_nullable: 'NO' },
      { column_name: 'id', data_type: 'uuid', is_nullable: 'NO' },
      { column_name: 'industries', data_type: 'ARRAY', is_nullable: 'YES' },
      { column_name: 'licences', data_type: 'integer', is_nullable: 'YES' },
      { column_name: 'name', data_type: 'character varying', is_nullable: 'NO' },
      { column_name: 'sales_rep_id', data_type: 'uuid', is_nullable: 'YES' },
      { column_name: 'updated_at', data_type: 'timestamp with time zone', is_nullable: 'NO' },
      { column_name: 'version', data_type: 'integer', is_nullable: 'NO' },
    ]);
    expect(await constraints('company')).toEqual([
      { conname: 'company_name_key', contype: 'u', def: 'UNIQUE (name)' },
      { conname: 'company_pkey', contype: 'p', def: 'PRIMARY KEY (id)' },
      { conname: 'company_sales_rep_id_fkey', contype: 'f', def: 'FOREIGN KEY (sales_rep_id) REFERENCES employee(id) ON DELETE SET NULL' },
    ]);
    const companyIndexes = (await indexes('company')).map((i) => i.indexname);
    expect(companyIndexes).toEqual(['company_industries_idx', 'company_name_key', 'company_pkey', 'company_sales_rep_id_idx']);
    expect((await indexes('company')).find((i) => i.indexname === 'company_industries_idx')?.indexdef).toMatch(/USING gin/);
    expect((await constraints('employee_mentors')).map((c) => [c.conname, c.def])).toEqual([
      ['employee_mentors_pkey', 'PRIMARY KEY (source_employee_id, target_employee_id)'],
      ['employee_mentors_source_employee_id_fkey', 'FOREIGN KEY (source_employee_id) REFERENCES employee(id) ON DELETE CASCADE'],
      ['employee_mentors_target_employee_id_fkey', 'FOREIGN KEY (target_employee_id) REFERENCES employee(id) ON DELETE CASCADE'],
    ]);
    expect((await indexes('employee_mentors')).map((i) => i.indexname)).toContain('employee_mentors_target_employee_id_idx');
  });

  it('indexes every reference column of the sample definitions', async () => {
    const registry = sampleRegistry();
    await synchronizeStorage(db, registry);
    const rows = await db.query<{ table: string; column: string }>(`
      SELECT c.conrelid::regclass::text AS table, a.attname AS column
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND NOT EXISTS (
        SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])`);
    expect(rows).toEqual([]);
  });

  it.each([
    ['a small model', () => registryOf({ 'company.yaml': company(), 'employee.yaml': employee })],
    ['the sample definitions (with defaults)', sampleRegistry],
    [
      'number, money and boolean defaults, zero included',
      () =>
        registryOf({
          'company.yaml': company(
            '  seats: { type: integer, default: 0 }\n  score: { type: decimal, default: 0 }\n  fee: { type: money, default: 0 }\n  rate: { type: decimal, default: 1.5 }\n  active: { type: boolean, default: false }',
          ),
          'employee.yaml': employee,
        }),
    ],
  ])('changes nothing when run again on %s', async (_name, makeRegistry) => {
    const registry = makeRegistry();
    await synchronizeStorage(db, registry);
    const plan = await planStorage(db, registry);
    expect(plan.statements.filter((s) => !s.includes('IF NOT EXISTS'))).toEqual([]);
  });

  it('adds a new field and a new type to tables that hold data, keeping the rows', async () => {
    await synchronizeStorage(db, registryOf({ 'company.yaml': company(), 'employee.yaml': employee }));
    await db.query(`INSERT INTO company (name, licences) VALUES ('Keep GmbH', 7)`);
    const grown = registryOf({
      'company.yaml': company('  website: { type: url }\n  rating: { type: choice, options: [a, b], default: a }'),
      'employee.yaml': employee,
      'supplier.yaml': 'name: supplier\nfields:\n  name: { type: string, required: true }\n',
    });
    await synchronizeStorage(db, grown);
    expect(await db.query(`SELECT name, licences, website, rating FROM company`)).toEqual([
      { name: 'Keep GmbH', licences: 7, website: null, rating: 'a' },
    ]);
    expect(await db.query(`SELECT count(*)::int AS n FROM supplier`)).toEqual([{ n: 0 }]);
  });

  it('refuses to drop a column that a removed field leaves behind, and changes nothing', async () => {
    await synchronizeStorage(db, registryOf({ 'company.yaml': company(), 'employee.yaml': employee }));
    await db.query(`INSERT INTO company (name, licences) VALUES ('Keep GmbH', 7)`);
    const shrunk = registryOf({
      'company.yaml': company().replace('  licences: { type: integer }\n', ''),
      'employee.yaml': employee,
      'supplier.yaml': 'name: supplier\nfields:\n  name: { type: string }\n',
    });
    const error = await synchronizeStorage(db, shrunk).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DestructiveChangeError);
    expect((error as Error).message).toMatch(/DROP COLUMN "licences"/);
    expect(await db.query(`SELECT name, licences FROM company`)).toEqual([{ name: 'Keep GmbH', licences: 7 }]);
    expect(await db.query(`SELECT to_regclass('supplier') AS t`)).toEqual([{ t: null }]);
  });

  it('refuses a lossy change of a field type', async () => {
    await synchronizeStorage(db, registryOf({ 'company.yaml': company(), 'employee.yaml': employee }));
    const retyped = registryOf({ 'company.yaml': company().replace('licences: { type: integer }', 'licences: { type: boolean }'), 'employee.yaml': employee });
    await expect(synchronizeStorage(db, retyped)).rejects.toBeInstanceOf(DestructiveChangeError);
  });
});
