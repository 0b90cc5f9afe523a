import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RetiredNotFoundError } from '../errors';
import type { Database } from './database';
import { latestVersion, recordVersion } from './definitionHistory';
import type { RetiredStorage } from './MigrationPlan';
import { columnName, linkTableNames, tableName } from './storageNames';

/** One dropped item and the file its data was saved to first. */
export interface DroppedItem {
  readonly item: string;
  readonly backup: string;
}

interface DropTarget {
  readonly item: string;
  /** What to save, then drop: a column of a table, or whole tables. */
  readonly table: string;
  readonly column?: string;
  readonly linkTables: readonly string[];
}

/**
 * `relata migrate --drop-retired type,type.field` (issue 4, rule 2): the only way the engine
 * deletes stored data. Each listed item must be retired in the applied version; its rows are
 * written to `<backupDir>/<version>-<item>-<time>.json` first, then everything listed is
 * dropped and a new version without it recorded, in one transaction under the storage lock.
 */
export async function dropRetired(db: Database, items: readonly string[], backupDir: string, appliedBy: string): Promise<DroppedItem[]> {
  return db.withAdvisoryLock('relata:storage', async () => {
    const latest = await latestVersion(db);
    const retired = latest?.retired ?? { types: [], fields: [] };
    const targets = items.map((item) => dropTarget(retired, item));
    mkdirSync(backupDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const dropped: DroppedItem[] = [];
    for (const target of targets) {
      const select = target.column ? `SELECT id, "${target.column}" FROM "${target.table}"` : `SELECT * FROM "${target.table}"`;
      const tables: Record<string, unknown[]> = { [target.table]: await db.query(`${select} ORDER BY 1`) };
      for (const link of target.linkTables) tables[link] = await db.query(`SELECT * FROM "${link}"`);
      const backup = join(backupDir, `${latest!.version}-${target.item}-${stamp}.json`);
      writeFileSync(backup, JSON.stringify({ item: target.item, version: latest!.version, column: target.column ?? null, tables }, null, 1));
      dropped.push({ item: target.item, backup });
    }
    const remaining: RetiredStorage = {
      types: retired.types.filter((t) => !items.includes(t.name)),
      fields: retired.fields.filter((f) => !items.includes(`${f.entity}.${f.field.name}`) && !items.includes(f.entity)),
    };
    await db.transaction(async (tx) => {
      for (const target of targets) {
        for (const link of target.linkTables) await tx.query(`DROP TABLE IF EXISTS "${link}"`);
        await tx.query(target.column ? `ALTER TABLE "${target.table}" DROP COLUMN "${target.column}"` : `DROP TABLE "${target.table}" CASCADE`);
      }
      await recordVersion(tx, { registry: latest!.registry, retired: remaining, sources: latest!.sources, appliedBy });
    });
    return dropped;
  });
}

function dropTarget(retired: RetiredStorage, item: string): DropTarget {
  const [typeName, fieldName] = item.split('.');
  const available = () => [...retired.types.map((t) => t.name), ...retired.fields.map((f) => `${f.entity}.${f.field.name}`)];
  if (fieldName === undefined) {
    const type = retired.types.find((t) => t.name === typeName);
    if (!type) throw new RetiredNotFoundError(item, available());
    const links = [...type.fields, ...retired.fields.filter((f) => f.entity === type.name).map((f) => f.field)]
      .filter((f) => f.type === 'references')
      .map((f) => linkTableNames(type, f).table);
    return { item, table: tableName(type), linkTables: links };
  }
  const found = retired.fields.find((f) => f.entity === typeName && f.field.name === fieldName);
  if (!found) throw new RetiredNotFoundError(item, available());
  const owner = { name: found.entity };
  if (found.field.type === 'references') return { item, table: linkTableNames(owner, found.field).table, linkTables: [] };
  return { item, table: tableName(owner), column: columnName(found.field), linkTables: [] };
}
