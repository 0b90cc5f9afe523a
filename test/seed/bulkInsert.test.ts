import type { Database, Queryable } from '../../src/entities/database';
import type { MetadataRegistry } from '../../src/metadata/MetadataRegistry';
import { MAX_PARAMETERS_PER_STATEMENT } from '../../src/entities/insertRows';
import { bulkInsert } from '../../src/seed/bulkInsert';
import { generateRecords, type GeneratedRecord } from '../../src/seed/generateRecords';
import { seedCounts } from '../../src/seed/seedCounts';
import { DATABASE_KINDS } from '../support/databases';
import { allTables, seedTestDatabases } from './seedTestDatabases';
import { crmRegistry } from './seedFixtures';

const SEED = 5;
const ids = ['1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', '6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b', '9f4a2c1e-3b5d-4e6f-8a7b-0c1d2e3f4a5b'];

/** Values COPY's text format must escape: tabs, newlines, backslashes, `\N`, quotes and commas in arrays, JSON arrays. */
const awkward: GeneratedRecord[] = [
  {
    id: ids[0]!,
    values: {
      name: 'Tab\there, new\nline, back\\slash, \\N not null',
      customerNumber: 'C-1',
      industries: ['a,b', 'say "hi"', 'back\\slash', 'with space', '{brace}', 'NULL'],
      tags: [],
      revenueLastYear: '1234.5678',
      rating: '4.5',
      licences: 0,
      foundedOn: '2020-02-29',
      lastContactAt: '2026-11-23T10:15:00.123456Z',
      active: false,
      profile: { text: 'tab\there', list: ['x', 1, null], quote: '"' },
      notes: '',
      partners: [ids[1], ids[2]],
    },
  },
  { id: ids[1]!, values: { name: 'Plain', customerNumber: 'C-2', active: true, profile: [1, 2, 3], partners: [ids[0]] } },
  { id: ids[2]!, values: { name: 'Ünïcödé ✓', customerNumber: 'C-3', active: true, city: null } },
];

/** Only `query`: bulkInsert falls back to multi-row INSERTs. */
const withoutCopy = (db: Queryable): Queryable => ({ query: (sql, params) => db.query(sql, params) });

/** Every stored row of every table (timestamps aside), in a stable order. */
async function contents(db: Database, registry: MetadataRegistry): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of allTables(registry)) {
    const rows = await db.query<{ row: string }>(
      `SELECT (to_jsonb(t) - 'created_at' - 'updated_at')::text AS row FROM "${table}" t ORDER BY 1`,
    );
    result[table] = rows.map((r) => r.row);
  }
  return result;
}

describe.each(DATABASE_KINDS)('bulkInsert on %s', (kind) => {
  const registry = crmRegistry();
  const freshDatabase = seedTestDatabases(kind, registry);

  it('writes the same rows through COPY as through INSERT, awkward values included', async () => {
    const [copied, inserted] = [await freshDatabase(), await freshDatabase()];
    const copies: string[] = [];
    const stop = copied.onQuery((sql) => copies.push(sql));
    await copied.transaction((tx) => bulkInsert(tx, registry, 'company', awkward));
    stop();
    await inserted.transaction((tx) => bulkInsert(withoutCopy(tx), registry, 'company', awkward));

    expect(copies.map((sql) => sql.split(' ')[1])).toEqual(['"company"', '"company_partners"']);
    const stored = await contents(copied, registry);
    expect(stored).toEqual(await contents(inserted, registry));
    const [first] = await copied.query<Record<string, unknown>>(
      `SELECT name, industries, tags, profile, notes, active, revenue_last_year::text AS money FROM company WHERE id = $1`,
      [ids[0]],
    );
    expect(first).toEqual({
      name: 'Tab\there, new\nline, back\\slash, \\N not null',
      industries: ['a,b', 'say "hi"', 'back\\slash', 'with space', '{brace}', 'NULL'],
      tags: [],
      profile: { text: 'tab\there', list: ['x', 1, null], quote: '"' },
      notes: '',
      active: false,
      money: '1234.5678',
    });
    expect(stored.company_partners).toHaveLength(3);
  });

  it('writes a generated data set identically through both paths, INSERTs in statements of at most 30,000 parameters', async () => {
    const generated = generateRecords(registry, seedCounts(registry, 1500), SEED);
    const [copied, inserted] = [await freshDatabase(), await freshDatabase()];
    const parameters: number[] = [];
    const stop = inserted.onQuery((sql, params) => {
      if (sql.startsWith('INSERT')) parameters.push(params.length);
    });
    for (const [db, wrap] of [
      [copied, (tx: Queryable) => tx],
      [inserted, withoutCopy],
    ] as const) {
      await db.transaction(async (tx) => {
        for (const [name, records] of generated) await bulkInsert(wrap(tx), registry, name, records);
      });
    }
    stop();
    expect(Math.max(...parameters)).toBeLessThanOrEqual(MAX_PARAMETERS_PER_STATEMENT);
    expect(parameters.length).toBeGreaterThan(registry.entities.length + 3);
    const stored = await contents(copied, registry);
    expect(stored.person).toHaveLength(4500);
    expect(stored).toEqual(await contents(inserted, registry));
  });

  it('writes nothing when one row of a COPY is refused', async () => {
    const db = await freshDatabase();
    const duplicate = [...awkward, { ...awkward[0]!, values: { ...awkward[0]!.values, customerNumber: 'C-4' } }];
    await expect(db.transaction((tx) => bulkInsert(tx, registry, 'company', duplicate))).rejects.toThrow(/duplicate|unique/i);
    await expect(bulkInsert(db, registry, 'company', duplicate)).rejects.toThrow(/duplicate|unique/i);
    expect(await contents(db, registry)).toEqual(Object.fromEntries(Object.keys(await contents(db, registry)).map((t) => [t, []])));
  });
});
