import type { Database } from '../../src/entities/database';
import { columnName, linkTableNames, tableName } from '../../src/entities/storageNames';
import { MetadataRegistry } from '../../src/metadata/MetadataRegistry';
import { generateRecords } from '../../src/seed/generateRecords';
import { seedCounts } from '../../src/seed/seedCounts';
import { seedDatabase } from '../../src/seed/seedDatabase';
import { DATABASE_KINDS } from '../support/databases';
import { allTables, seedTestDatabases } from './seedTestDatabases';
import { companyEntity, crmRegistry, employeeEntity, personEntity, projectEntity } from './seedFixtures';

const COMPANIES = 40;
const SEED = 11;

async function countRows(db: Database, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
  return row?.n ?? -1;
}

describe.each(DATABASE_KINDS)('seedDatabase on %s', (kind) => {
  const registry = crmRegistry();
  const freshDatabase = seedTestDatabases(kind, registry);

  describe('a successful seed', () => {
    let db: Database;
    let inserted: Record<string, number>;

    beforeAll(async () => {
      db = await freshDatabase();
      inserted = await seedDatabase(db, registry, { companies: COMPANIES, seed: SEED });
    });

    it('inserts the expected number of records per type', async () => {
      const expected = seedCounts(registry, COMPANIES);
      expect(inserted).toEqual(expected);
      for (const entity of registry.entities) {
        expect(await countRows(db, tableName(entity))).toBe(expected[entity.name]);
      }
    });

    it('points every reference at an existing row', async () => {
      let references = 0;
      for (const entity of registry.entities) {
        for (const field of entity.fields.filter((f) => f.type === 'reference')) {
          const column = columnName(field);
          const [row] = await db.query<{ set: number; dangling: number }>(
            `SELECT count(s."${column}")::int AS set, count(*) FILTER (WHERE s."${column}" IS NOT NULL AND t.id IS NULL)::int AS dangling
               FROM "${tableName(entity)}" s LEFT JOIN "${tableName(registry.get(field.target!))}" t ON t.id = s."${column}"`,
          );
          expect(row?.dangling).toBe(0);
          references += row?.set ?? 0;
        }
      }
      expect(references).toBeGreaterThan(COMPANIES);
    });

    it('writes the link rows of references fields, each pointing at existing rows', async () => {
      let links = 0;
      for (const entity of registry.entities) {
        for (const field of entity.fields.filter((f) => f.type === 'references')) {
          const link = linkTableNames(entity, field);
          const [row] = await db.query<{ n: number; dangling: number }>(
            `SELECT count(*)::int AS n,
                    count(*) FILTER (WHERE s.id IS NULL OR t.id IS NULL)::int AS dangling
               FROM "${link.table}" l
               LEFT JOIN "${tableName(entity)}" s ON s.id = l."${link.sourceColumn}"
               LEFT JOIN "${tableName(registry.get(field.target!))}" t ON t.id = l."${link.targetColumn}"`,
          );
          expect(row?.dangling).toBe(0);
          links += row?.n ?? 0;
        }
      }
      expect(links).toBeGreaterThan(0);
    });

    it('stores the generated values, with versions and timestamps from the defaults', async () => {
      const company = generateRecords(registry, seedCounts(registry, COMPANIES), SEED).get('company')![0]!;
      const [row] = await db.query<Record<string, unknown>>(
        `SELECT name, industries, revenue_last_year::text AS revenue, profile, founded_on::text AS founded, version, created_at
           FROM company WHERE id = $1`,
        [company.id],
      );
      expect(row).toMatchObject({
        name: company.values.name,
        industries: company.values.industries,
        profile: company.values.profile,
        founded: company.values.foundedOn,
        version: 1,
      });
      if (company.values.revenueLastYear !== null) expect(Number(row?.revenue)).toBe(Number(company.values.revenueLastYear));
      expect(row?.created_at).toBeInstanceOf(Date);
    });
  });

  describe('a seed that fails half-way', () => {
    let db: Database;

    beforeAll(async () => {
      db = await freshDatabase();
    });

    it('leaves no rows behind', async () => {
      // Same tables, but the generator no longer knows person.insuranceNumber is unique and
      // makes every value equal: the INSERT into person fails after company, employee, ... went in.
      const colliding = new MetadataRegistry([
        companyEntity(),
        personEntity({ required: true, pattern: '^X000000000$' }),
        employeeEntity(),
        projectEntity(),
      ]);
      const order = [...generateRecords(colliding, seedCounts(colliding, COMPANIES), SEED).keys()];
      expect(order.indexOf('person')).toBeGreaterThan(0);

      await expect(seedDatabase(db, colliding, { companies: COMPANIES, seed: SEED })).rejects.toThrow(/unique|duplicate/i);
      for (const table of allTables(registry)) expect(await countRows(db, table)).toBe(0);
    });

    it('then seeds a large set with one COPY per table and no INSERT', async () => {
      const statements: string[] = [];
      const stop = db.onQuery((sql) => statements.push(sql));
      try {
        const inserted = await seedDatabase(db, registry, { companies: 1500, seed: SEED });
        expect(inserted).toEqual(seedCounts(registry, 1500));
      } finally {
        stop();
      }
      const copies = statements.filter((sql) => sql.startsWith('COPY')).map((sql) => /^COPY "(\w+)"/.exec(sql)?.[1]);
      expect(new Set(copies).size).toBe(copies.length);
      expect(copies.sort()).toEqual(allTables(registry).sort());
      expect(statements.filter((sql) => sql.startsWith('INSERT'))).toEqual([]);
      expect(await countRows(db, 'person')).toBe(4500);
    });
  });
});
