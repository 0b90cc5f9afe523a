import type { Config } from '../config';
import { isApplicable } from '../entities/MigrationPlan';
import { prepareMigration } from '../entities/migrateStorage';
import { loadDefinitions } from '../metadata';
import { openDatabase } from '../server/openDatabase';
import { describePlan, planJson } from './describePlan';

/** `relata plan [--json]`: what `relata migrate` would do; exit 1 when a step is refused. */
export async function planCommand(config: Config, options: { json?: boolean }): Promise<number> {
  const registry = await loadDefinitions(config.metadataDir);
  const db = await openDatabase(config);
  try {
    const plan = await prepareMigration(db, registry);
    console.log(options.json ? JSON.stringify(planJson(plan), null, 2) : describePlan(plan));
    return isApplicable(plan) ? 0 : 1;
  } finally {
    await db.close();
  }
}
