import type { Database, Queryable } from '../../src/entities/database';
import { MAX_PREPARED_PER_CONNECTION } from '../../src/entities/preparedStatements';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases';

describe.each(DATABASE_KINDS)('prepared statements of a connection on %s', (kind) => {
  let testDb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    db = await testDb.open();
  });
  afterAll(async () => {
    await db?.close();
    await testDb?.drop();
  });

  const preparedCount = async (tx: Queryable) =>
    (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_prepared_statements'))[0]!.n;
  const select = (tx: Queryable, i: number) =>
    tx.query<{ n: number; v: string }>(`SELECT ${i}::int AS n, $1::text AS v`, [`value ${i}`], { prepare: true });

  it('prepares a statement text once and runs it with new values', async () => {
    await db.transaction(async (tx) => {
      const before = await preparedCount(tx);
      for (let i = 0; i < 8; i++) {
        expect(await tx.query<{ v: string }>('SELECT $1::text AS v', [`run ${i}`], { prepare: true })).toEqual([{ v: `run ${i}` }]);
      }
      expect(await preparedCount(tx)).toBe(before + 1);
    });
  });

  it('keeps at most a bounded number of statements prepared per connection, and still runs the forgotten ones', async () => {
    await db.transaction(async (tx) => {
      for (let i = 0; i < MAX_PREPARED_PER_CONNECTION + 20; i++) {
        expect(await select(tx, i)).toEqual([{ n: i, v: `value ${i}` }]);
        expect(await preparedCount(tx)).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION);
      }
      // The first ones were deallocated with the others: they are prepared again when sent.
      expect(await select(tx, 0)).toEqual([{ n: 0, v: 'value 0' }]);
      expect(await select(tx, 1)).toEqual([{ n: 1, v: 'value 1' }]);
    });
  });

  it('leaves a statement that failed to parse unprepared, so the connection keeps working', async () => {
    await db.transaction(async (tx) => {
      await expect(tx.query('SELEC 1', [], { prepare: true })).rejects.toThrow(/syntax/);
    }).catch(() => undefined);
    expect(await db.query<{ v: string }>('SELECT $1::text AS v', ['after'], { prepare: true })).toEqual([{ v: 'after' }]);
  });
});
