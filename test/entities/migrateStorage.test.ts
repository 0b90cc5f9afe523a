import type { Database } from '../../src/entities/database';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latestVersion } from '../../src/entities/definitionHistory';
import { dropRetired } from '../../src/entities/dropRetired';
import { migrateStorage, prepareMigration } from '../../src/entities/migrateStorage';
import { MigrationRefusedError, RetiredNotFoundError } from '../../src/errors';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases';
import { registryOf } from '../support/registries';

const company = (fields: string) => `name: company\nplural: companies\nfields:\n  name: { type: string, required: true, maxLength: 100 }\n${fields}`;
const employee = 'name: employee\nfields:\n  lastName: { type: string, required: true }\n';

describe.each(DATABASE_KINDS)('migrating storage on %s', (kind) => {
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

  const migrate = (files: Record<string, string>) => {
    const sources = Object.entries(files).map(([file, text]) => ({ file, text }));
    return migrateStorage(db, registryOf(files), sources, 'test');
  };
  const refusal = async (files: Record<string, string>) => {
    const error = await migrate(files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationRefusedError);
    return (error as Error).message;
  };
  const column = async (table: string, name: string) =>
    (await db.query<{ data_type: string; len: number | null; is_nullable: string }>(
      `SELECT data_type, character_maximum_length AS len, is_nullable FROM information_schema.columns WHERE table_name = $1 AND column_name = $2`,
      [table, name],
    ))[0];
  const rows = (sql: string) => db.query(sql);

  async function withCompanies(fields: string, insert: string) {
    await migrate({ 'company.yaml': company(fields), 'employee.yaml': employee });
    await db.query(insert);
  }

  it('records each applied set of definitions as a numbered version with hash, time and who applied it', async () => {
    const first = await migrate({ 'company.yaml': company('') });
    expect(first.version).toMatchObject({ version: 1, appliedBy: 'test' });
    expect(first.version.hash).toBe(first.version.registry.version);
    const again = await migrate({ 'company.yaml': company('') });
    expect(again.version.version).toBe(1);
    const second = await migrate({ 'company.yaml': company('  city: { type: string }\n') });
    expect(second.version.version).toBe(2);
    expect((await latestVersion(db))?.sources.map((s) => s.file)).toEqual(['company.yaml']);
  });

  it('adds a type and fields to tables holding data, safely, keeping the rows', async () => {
    await withCompanies('  licences: { type: integer }\n', `INSERT INTO company (name, licences) VALUES ('Keep', 7)`);
    const { migration } = await migrate({
      'company.yaml': company('  licences: { type: integer }\n  website: { type: url, indexed: true }\n  rating: { type: choice, options: [a, b], default: a }\n'),
      'employee.yaml': employee,
      'supplier.yaml': 'name: supplier\nfields:\n  name: { type: string }\n',
    });
    expect(migration.steps.map((s) => [s.action, s.target, s.status])).toEqual([
      ['addField', 'company.website', 'safe'],
      ['addField', 'company.rating', 'safe'],
      ['createType', 'supplier', 'safe'],
    ]);
    expect(await rows(`SELECT name, licences, website, rating FROM company`)).toEqual([{ name: 'Keep', licences: 7, website: null, rating: 'a' }]);
  });

  it('treats a new index, a new optional reference, a new option and label or layout changes as safe', async () => {
    await withCompanies('  size: { type: choice, options: [s, m] }\n  city: { type: string }\n', `INSERT INTO company (name, size, city) VALUES ('Keep', 'm', 'Bonn')`);
    const { migration } = await migrate({
      'company.yaml': `${company('  size: { type: choice, options: [s, m, l], label: { de: Größe } }\n  city: { type: string, indexed: true }\n  rep: { type: reference, target: employee }\n')}layout:\n  - section: { en: Main }\n    fields: [name, city, size, rep]\n`,
      'employee.yaml': employee,
    });
    expect(migration.steps.map((s) => [s.action, s.target, s.status, s.reason])).toEqual([
      ['changeField', 'company.size', 'safe', 'changed: label, options'],
      ['changeField', 'company.city', 'safe', 'changed: indexed'],
      ['addField', 'company.rep', 'safe', 'new column'],
    ]);
    expect((await db.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = 'company' ORDER BY 1`)).map((r) => r.indexname)).toEqual([
      'company_city_idx',
      'company_pkey',
      'company_rep_id_idx',
    ]);
    expect(await rows(`SELECT name, size, city, rep_id FROM company`)).toEqual([{ name: 'Keep', size: 'm', city: 'Bonn', rep_id: null }]);
  });

  it('widens in place: longer maxLength, string to text, integer to decimal', async () => {
    await withCompanies('  code: { type: string, maxLength: 10 }\n  note: { type: string }\n  licences: { type: integer }\n', `INSERT INTO company (name, code, note, licences) VALUES ('Keep', 'ABC', 'hello', 7)`);
    const { migration } = await migrate({
      'company.yaml': company('  code: { type: string, maxLength: 40 }\n  note: { type: text }\n  licences: { type: decimal, default: 1.5 }\n'),
      'employee.yaml': employee,
    });
    expect(migration.steps.map((s) => s.status)).toEqual(['safe', 'safe', 'safe']);
    expect(await column('company', 'code')).toMatchObject({ data_type: 'character varying', len: 40 });
    expect(await column('company', 'note')).toMatchObject({ data_type: 'text' });
    expect(await column('company', 'licences')).toMatchObject({ data_type: 'numeric' });
    expect(await rows(`SELECT code, note, licences FROM company`)).toEqual([{ code: 'ABC', note: 'hello', licences: '7' }]);
    await db.query(`INSERT INTO company (name) VALUES ('Defaulted')`);
    expect(await rows(`SELECT licences FROM company WHERE name = 'Defaulted'`)).toEqual([{ licences: '1.5' }]);
    const again = await prepareMigration(db, registryOf({ 'company.yaml': company('  code: { type: string, maxLength: 40 }\n  note: { type: text }\n  licences: { type: decimal, default: 1.5 }\n'), 'employee.yaml': employee }));
    expect(again.upToDate).toBe(true);
  });

  it('renames a field and a type in place with renamedFrom, values, constraints and links kept', async () => {
    await migrate({
      'company.yaml': company('  vat: { type: string, unique: true }\n  rep: { type: reference, target: employee }\n  staff: { type: references, target: employee }\n'),
      'employee.yaml': employee,
    });
    const [rep] = await db.query<{ id: string }>(`INSERT INTO employee (last_name) VALUES ('Rep') RETURNING id`);
    const [acme] = await db.query<{ id: string }>(`INSERT INTO company (name, vat, rep_id) VALUES ('Acme', 'DE1', $1) RETURNING id`, [rep!.id]);
    await db.query(`INSERT INTO company_staff (company_id, employee_id) VALUES ($1, $2)`, [acme!.id, rep!.id]);
    const { migration } = await migrate({
      'company.yaml': company('  taxId: { type: string, unique: true, renamedFrom: vat }\n  rep: { type: reference, target: staffMember }\n  staff: { type: references, target: staffMember }\n'),
      'staffMember.yaml': 'name: staffMember\nrenamedFrom: employee\nfields:\n  lastName: { type: string, required: true }\n',
    });
    expect(migration.steps.filter((s) => s.status === 'renamed').map((s) => s.target)).toEqual(['company.taxId', 'staffMember']);
    expect(await rows(`SELECT name, tax_id FROM company`)).toEqual([{ name: 'Acme', tax_id: 'DE1' }]);
    expect(await rows(`SELECT last_name FROM staff_member`)).toEqual([{ last_name: 'Rep' }]);
    expect(await rows(`SELECT staff_member_id AS id FROM company_staff`)).toEqual([{ id: rep!.id }]);
    const constraints = await db.query<{ conname: string }>(`SELECT conname FROM pg_constraint WHERE conrelid IN ('company'::regclass, 'staff_member'::regclass, 'company_staff'::regclass) AND contype <> 'n' ORDER BY conname`);
    expect(constraints.map((c) => c.conname)).toEqual([
      'company_pkey',
      'company_rep_id_fkey',
      'company_staff_company_id_fkey',
      'company_staff_pkey',
      'company_staff_staff_member_id_fkey',
      'company_tax_id_key',
      'staff_member_pkey',
    ]);
    // The renamed storage is what the new model describes: planning again finds nothing to do.
    const again = await prepareMigration(db, registryOf({
      'company.yaml': company('  taxId: { type: string, unique: true, renamedFrom: vat }\n  rep: { type: reference, target: staffMember }\n  staff: { type: references, target: staffMember }\n'),
      'staffMember.yaml': 'name: staffMember\nrenamedFrom: employee\nfields:\n  lastName: { type: string, required: true }\n',
    }));
    expect(again.statements.filter((s) => !s.includes('IF NOT EXISTS'))).toEqual([]);
  });

  it('retires a removed field and type with their data, and restores them when they come back', async () => {
    await withCompanies('  licences: { type: integer, required: true }\n', `INSERT INTO company (name, licences) VALUES ('Keep', 7)`);
    await db.query(`INSERT INTO employee (last_name) VALUES ('Stays')`);
    const { migration } = await migrate({ 'company.yaml': company('') });
    expect(migration.steps.map((s) => [s.action, s.target, s.status])).toEqual([
      ['retireField', 'company.licences', 'retired'],
      ['retireType', 'employee', 'retired'],
    ]);
    expect(await column('company', 'licences')).toMatchObject({ is_nullable: 'YES' });
    await db.query(`INSERT INTO company (name) VALUES ('New')`);
    await migrate({ 'company.yaml': company('  city: { type: string }\n') });
    expect(await rows(`SELECT name, licences FROM company ORDER BY name`)).toEqual([{ name: 'Keep', licences: 7 }, { name: 'New', licences: null }]);
    const back = await migrate({ 'company.yaml': company('  licences: { type: integer }\n'), 'employee.yaml': employee });
    expect(back.migration.steps.map((s) => [s.action, s.status])).toEqual([
      ['restoreField', 'safe'],
      ['retireField', 'retired'],
      ['restoreType', 'safe'],
    ]);
    expect(await rows(`SELECT last_name FROM employee`)).toEqual([{ last_name: 'Stays' }]);
    expect(await rows(`SELECT licences FROM company WHERE name = 'Keep'`)).toEqual([{ licences: 7 }]);
    // Retired storage is stable: planning the same files again changes nothing.
    const again = await prepareMigration(db, registryOf({ 'company.yaml': company('  licences: { type: integer }\n'), 'employee.yaml': employee }));
    expect(again.upToDate).toBe(true);
    expect(again.statements.filter((s) => !s.includes('IF NOT EXISTS'))).toEqual([]);
  });

  it('applies a new required or unique rule only when every row satisfies it, else names the offending rows', async () => {
    await withCompanies('  city: { type: string }\n  vat: { type: string }\n', `INSERT INTO company (name, city, vat) VALUES ('A', 'Bonn', 'X'), ('B', NULL, 'X')`);
    const message = await refusal({ 'company.yaml': company('  city: { type: string, required: true }\n  vat: { type: string, unique: true }\n'), 'employee.yaml': employee });
    const [b] = await db.query<{ id: string }>(`SELECT id FROM company WHERE name = 'B'`);
    expect(message).toContain(`company.city: changed: required; refused: 1 row(s) without a value (now required), e.g. ${b!.id}`);
    expect(message).toMatch(/company\.vat: changed: unique; refused: 2 row\(s\) sharing a value \(now unique\)/);
    expect(await column('company', 'city')).toMatchObject({ is_nullable: 'YES' });
    await db.query(`UPDATE company SET city = 'Köln', vat = 'Y' WHERE name = 'B'`);
    await migrate({ 'company.yaml': company('  city: { type: string, required: true }\n  vat: { type: string, unique: true }\n'), 'employee.yaml': employee });
    expect(await column('company', 'city')).toMatchObject({ is_nullable: 'NO' });
    await expect(db.query(`INSERT INTO company (name, city, vat) VALUES ('C', 'Ulm', 'Y')`)).rejects.toThrow(/unique/);
  });

  it('checks narrower rules: a shorter maxLength, fewer options, a new pattern', async () => {
    await withCompanies('  code: { type: string, maxLength: 20 }\n  size: { type: choice, options: [s, m, l] }\n', `INSERT INTO company (name, code, size) VALUES ('A', 'LONGER-CODE', 'l')`);
    const message = await refusal({ 'company.yaml': company('  code: { type: string, maxLength: 5, pattern: "^[A-Z]+$" }\n  size: { type: choice, options: [s, m] }\n'), 'employee.yaml': employee });
    expect(message).toMatch(/company\.code: .*refused: 1 row\(s\) longer than 5 characters.*; 1 row\(s\) not matching the pattern/);
    expect(message).toMatch(/company\.size: .*1 row\(s\) holding an option that is no longer offered/);
    expect(await rows(`SELECT code, size FROM company`)).toEqual([{ code: 'LONGER-CODE', size: 'l' }]);
  });

  it('refuses a lossy type change unless every row converts, then converts in place', async () => {
    await withCompanies('  active: { type: integer }\n  score: { type: string }\n', `INSERT INTO company (name, active, score) VALUES ('A', 1, '12'), ('B', 2, 'high')`);
    const files = { 'company.yaml': company('  active: { type: boolean }\n  score: { type: integer }\n  name2: { type: reference, target: employee }\n'), 'employee.yaml': employee };
    const message = await refusal(files);
    expect(message).toMatch(/company\.active: converted in place: integer \(integer\) to boolean \(boolean\); refused: 1 row\(s\) neither 0 nor 1/);
    expect(message).toMatch(/company\.score: .*1 row\(s\) not readable as integer/);
    await db.query(`UPDATE company SET active = 0, score = ' 7 ' WHERE name = 'B'`);
    await migrate(files);
    expect(await rows(`SELECT name, active, score FROM company ORDER BY name`)).toEqual([
      { name: 'A', active: true, score: 12 },
      { name: 'B', active: false, score: 7 },
    ]);
    const noConversion = await refusal({ 'company.yaml': company('  active: { type: date }\n  score: { type: integer }\n  name2: { type: reference, target: employee }\n'), 'employee.yaml': employee });
    expect(noConversion).toMatch(/company\.active: boolean \(boolean\) to date \(date\): no conversion keeps the values/);
  });

  it('drops only the retired items it is given, after writing their data to a backup file', async () => {
    await withCompanies('  licences: { type: integer }\n  staff: { type: references, target: employee }\n', `INSERT INTO company (name, licences) VALUES ('Keep', 7)`);
    await db.query(`INSERT INTO employee (last_name) VALUES ('Gone')`);
    await migrate({ 'company.yaml': company('') });
    const backups = mkdtempSync(join(tmpdir(), 'relata-backups-'));
    try {
      await expect(dropRetired(db, ['company.name'], backups, 'test')).rejects.toBeInstanceOf(RetiredNotFoundError);
      const dropped = await dropRetired(db, ['company.licences', 'employee'], backups, 'test');
      expect(dropped.map((d) => d.item)).toEqual(['company.licences', 'employee']);
      expect(JSON.parse(readFileSync(dropped[0]!.backup, 'utf8')).tables.company).toEqual([{ id: expect.any(String), licences: 7 }]);
      expect(JSON.parse(readFileSync(dropped[1]!.backup, 'utf8')).tables.employee).toEqual([expect.objectContaining({ last_name: 'Gone' })]);
      expect(await column('company', 'licences')).toBeUndefined();
      expect(await rows(`SELECT to_regclass('employee')::text AS t`)).toEqual([{ t: null }]);
      // The retired link table stays: it was not listed.
      expect(await rows(`SELECT to_regclass('company_staff')::text AS t`)).toEqual([{ t: 'company_staff' }]);
      expect((await latestVersion(db))?.retired.fields.map((f) => f.field.name)).toEqual(['staff']);
      expect(await rows(`SELECT name FROM company`)).toEqual([{ name: 'Keep' }]);
    } finally {
      rmSync(backups, { recursive: true, force: true });
    }
  });

  it('keeps a retired reference pointing at its target across a rename of that type, and restores it', async () => {
    await migrate({ 'company.yaml': company('  rep: { type: reference, target: employee }\n'), 'employee.yaml': employee });
    const [rep] = await db.query<{ id: string }>(`INSERT INTO employee (last_name) VALUES ('Rep') RETURNING id`);
    await db.query(`INSERT INTO company (name, rep_id) VALUES ('Acme', $1)`, [rep!.id]);
    await migrate({ 'company.yaml': company(''), 'employee.yaml': employee });
    const staffMember = 'name: staffMember\nrenamedFrom: employee\nfields:\n  lastName: { type: string, required: true }\n';
    await migrate({ 'company.yaml': company(''), 'staffMember.yaml': staffMember });
    await migrate({ 'company.yaml': company('  city: { type: string }\n'), 'staffMember.yaml': staffMember });
    const back = await migrate({ 'company.yaml': company('  city: { type: string }\n  rep: { type: reference, target: staffMember }\n'), 'staffMember.yaml': staffMember });
    expect(back.migration.steps.map((s) => [s.action, s.target, s.status])).toEqual([['restoreField', 'company.rep', 'safe']]);
    expect(await rows(`SELECT c.name, s.last_name FROM company c JOIN staff_member s ON s.id = c.rep_id`)).toEqual([{ name: 'Acme', last_name: 'Rep' }]);
  });
});

