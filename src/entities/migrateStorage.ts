import type { DefinitionSource } from '../metadata/DefinitionSource';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { MigrationRefusedError } from '../errors';
import type { Database, Queryable } from './database';
import { createEngineTables } from './engineTables';
import { ensureHistoryTable, latestVersion, recordVersion, type DefinitionVersion } from './definitionHistory';
import { isApplicable, type MigrationPlan, type MigrationStep, type RowCheck } from './MigrationPlan';
import { columnDefault } from './entitySchemas';
import { planMigration } from './planMigration';
import { renameStatements } from './renameStatements';
import { storageBeforeRenames } from './storageBeforeRenames';
import { planStorage } from './synchronizeStorage';

/** A plan with its row checks run and the SQL that would apply it. */
export interface PreparedMigration extends MigrationPlan {
  /** The version the plan starts from (undefined: no history yet). */
  readonly from?: DefinitionVersion;
  readonly next: MetadataRegistry;
  readonly statements: readonly string[];
  /** True when the database already is at this model: nothing to apply. */
  readonly upToDate: boolean;
}

const STORAGE_LOCK = 'relata:storage';
const EXAMPLE_IDS = 3;

/** Plans the change from the applied version to `next` against the database, without changing it. */
export async function prepareMigration(db: Database, next: MetadataRegistry): Promise<PreparedMigration> {
  const from = await latestVersion(db);
  const tables = new Set((await db.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema()`)).map((r) => r.t));
  const plan = planMigration(from, next, { tables });
  const steps = await Promise.all(plan.steps.map((s) => runChecks(db, s, tables)));
  const before = storageBeforeRenames(next, plan);
  const storage = await planStorage(db, before.registry);
  if (storage.destructive.length > 0) {
    steps.push({
      action: 'changeField',
      target: '(storage)',
      status: 'refused',
      reason: `storage not described by the definitions or their history would be dropped: ${storage.destructive.join('; ')}`,
      checks: [],
    });
  }
  const retypes = plan.retypes.flatMap((r) => {
    const field = next.get(r.entity).fields.find((f) => f.name === r.field)!;
    const alter = `ALTER TABLE "${r.table}" ALTER COLUMN "${r.column}"`;
    // TypeORM set the old default on the old type; the new one goes with the new type.
    const hasDefault = field.default !== undefined && field.default !== null;
    return [`${alter} TYPE ${r.sqlType} USING ${r.using}`, hasDefault ? `${alter} SET DEFAULT ${columnDefault(field)()}` : `${alter} DROP DEFAULT`];
  });
  const renames = renameStatements(before.registry, (d) => before.identity.get(d) ?? d.name, next);
  const statements = [...storage.statements, ...retypes, ...renames];
  const upToDate = from?.hash === next.version && statements.every((s) => s.includes('IF NOT EXISTS'));
  return { ...plan, steps, from, next, statements, upToDate };
}

/**
 * Brings the database to `next` (issue 4, rule 2): plans under a cluster-wide advisory lock,
 * and when no step is refused applies every statement and records the new version in one
 * transaction. A refused plan changes nothing and throws `MigrationRefusedError`.
 */
export async function migrateStorage(
  db: Database,
  next: MetadataRegistry,
  sources: readonly DefinitionSource[],
  appliedBy: string,
): Promise<{ version: DefinitionVersion; migration: PreparedMigration }> {
  return db.withAdvisoryLock(STORAGE_LOCK, async () => {
    await ensureHistoryTable(db);
    await createEngineTables(db);
    const migration = await prepareMigration(db, next);
    if (migration.upToDate && migration.from) return { version: migration.from, migration };
    if (!isApplicable(migration)) throw new MigrationRefusedError(migration.steps.filter((s) => s.status === 'refused'));
    await db.transaction(async (tx) => {
      for (const statement of migration.statements) await tx.query(statement);
      await recordVersion(tx, { registry: next, retired: migration.retired, sources, appliedBy });
    });
    return { version: (await latestVersion(db))!, migration };
  });
}

/** Runs a step's row checks; offending rows make it `refused`, with their count and a few ids. */
async function runChecks(db: Queryable, step: MigrationStep, tables: ReadonlySet<string>): Promise<MigrationStep> {
  const failures: string[] = [];
  for (const check of step.checks) {
    if (!tables.has(check.table)) continue;
    const offending = await offendingRows(db, check);
    if (offending.count > 0) failures.push(`${offending.count} row(s) ${check.reason}, e.g. ${offending.ids.join(', ')}`);
  }
  if (failures.length === 0) return step;
  return { ...step, status: 'refused', reason: `${step.reason ? `${step.reason}; ` : ''}refused: ${failures.join('; ')}` };
}

async function offendingRows(db: Queryable, check: RowCheck): Promise<{ count: number; ids: string[] }> {
  const rows = await db.query<{ id: string; n: number }>(
    `SELECT id, count(*) OVER ()::int AS n FROM "${check.table}" WHERE ${check.where} ORDER BY id LIMIT ${EXAMPLE_IDS}`,
    check.params,
  );
  return { count: rows[0]?.n ?? 0, ids: rows.map((r) => r.id) };
}
