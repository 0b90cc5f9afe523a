import { columnStorage } from '../entities/columnTypes';
import type { Queryable } from '../entities/database';
import { SYSTEM_COLUMNS, columnName, linkTableNames, tableName } from '../entities/storageNames';
import type { EntityDefinition } from '../metadata/types';
import { ident } from '../resolvers/compiler/SqlBuilder';

export interface RecordUpdate {
  readonly id: string;
  /** Validated values by field name; fields left out keep their stored value. */
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * Updates many records with one statement per set of changed fields (usually one per batch):
 * `UPDATE ... FROM jsonb_to_recordset($1)`, version + 1 and updated_at as the API does;
 * link tables of `references` fields are replaced.
 */
export async function updateRecords(db: Queryable, entity: EntityDefinition, updates: readonly RecordUpdate[]): Promise<void> {
  const groups = new Map<string, RecordUpdate[]>();
  for (const update of updates) {
    const signature = Object.keys(update.values).sort().join(',');
    groups.set(signature, [...(groups.get(signature) ?? []), update]);
  }
  const table = ident(tableName(entity));
  for (const [signature, group] of groups) {
    const fields = entity.fields.filter((f) => signature.split(',').includes(f.name));
    const columns = fields.filter((f) => f.type !== 'references');
    const definitions = [`id uuid`, ...columns.map((f) => `${ident(columnName(f))} ${columnStorage(f).sqlType}`)];
    const assignments = [
      ...columns.map((f) => `${ident(columnName(f))} = v.${ident(columnName(f))}`),
      `${SYSTEM_COLUMNS.version} = t.${SYSTEM_COLUMNS.version} + 1`,
      `${SYSTEM_COLUMNS.updatedAt} = now()`,
    ];
    const rows = group.map((u) => Object.fromEntries([['id', u.id], ...columns.map((f) => [columnName(f), u.values[f.name]])]));
    await db.query(
      `UPDATE ${table} t SET ${assignments.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS v(${definitions.join(', ')}) WHERE t.id = v.id`,
      [JSON.stringify(rows)],
    );
    for (const field of fields.filter((f) => f.type === 'references')) {
      const link = linkTableNames(entity, field);
      const ids = group.map((u) => u.id);
      await db.query(`DELETE FROM ${ident(link.table)} WHERE ${ident(link.sourceColumn)} = ANY($1::uuid[])`, [ids]);
      const pairs = group.flatMap((u) => (u.values[field.name] as string[]).map((target) => [u.id, target] as const));
      await db.query(
        `INSERT INTO ${ident(link.table)} (${ident(link.sourceColumn)}, ${ident(link.targetColumn)}) SELECT unnest($1::uuid[]), unnest($2::uuid[])`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
    }
  }
}
