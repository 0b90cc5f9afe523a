import { columnStorage } from '../entities/columnTypes';
import type { Queryable } from '../entities/database';
import { SYSTEM_COLUMNS, columnName, linkTableNames, tableName } from '../entities/storageNames';
import type { EntityDefinition } from '../metadata/types';
import { auditCte, changesSql, linkedIdsSql } from '../resolvers/auditSql';
import { ident, SqlBuilder } from '../resolvers/compiler/SqlBuilder';
import type { Viewer } from '../resolvers/context';

export interface RecordUpdate {
  readonly id: string;
  /** Validated values by field name; fields left out keep their stored value. */
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * Updates many records with one statement per set of changed fields (usually one per batch):
 * `UPDATE ... FROM jsonb_to_recordset($1)`, version + 1 and updated_at as the API does, with
 * the audit entry of each record by `viewer` in the same statement (old and new value of each
 * changed field, as `update<Type>` records them); link tables of `references` fields are
 * replaced after it.
 */
export async function updateRecords(db: Queryable, viewer: Viewer, entity: EntityDefinition, updates: readonly RecordUpdate[]): Promise<void> {
  const groups = new Map<string, RecordUpdate[]>();
  for (const update of updates) {
    const signature = Object.keys(update.values).sort().join(',');
    groups.set(signature, [...(groups.get(signature) ?? []), update]);
  }
  const table = ident(tableName(entity));
  for (const [signature, group] of groups) {
    const fields = entity.fields.filter((f) => signature.split(',').includes(f.name));
    const columns = fields.filter((f) => f.type !== 'references');
    const links = fields.filter((f) => f.type === 'references');
    // Link fields travel as uuid[] for the audit only; their tables are rewritten below.
    const definitions = [
      `id uuid`,
      ...columns.map((f) => `${ident(columnName(f))} ${columnStorage(f).sqlType}`),
      ...links.map((f) => `${ident(columnName(f))} uuid[]`),
    ];
    const assignments = [
      ...columns.map((f) => `${ident(columnName(f))} = v.${ident(columnName(f))}`),
      `${SYSTEM_COLUMNS.version} = t.${SYSTEM_COLUMNS.version} + 1`,
      `${SYSTEM_COLUMNS.updatedAt} = now()`,
    ];
    const rows = group.map((u) => Object.fromEntries([['id', u.id], ...fields.map((f) => [columnName(f), u.values[f.name]])]));
    const sql = new SqlBuilder();
    const values = sql.param(JSON.stringify(rows), 'jsonb');
    const audited = [
      ...columns.map((field) => ({ field, old: `old.${ident(columnName(field))}`, new: `w.${ident(columnName(field))}` })),
      ...links.map((field) => ({ field, old: linkedIdsSql(entity, field, 'old'), new: `ARRAY(SELECT unnest(v.${ident(columnName(field))}) ORDER BY 1)` })),
    ];
    // The UPDATE reads `old`, so the rows are read and locked before it changes them.
    await db.query(
      `WITH v AS (SELECT * FROM jsonb_to_recordset(${values}) AS v(${definitions.join(', ')})),
        old AS (SELECT t.* FROM ${table} t JOIN v ON v.id = t.id FOR UPDATE OF t),
        w AS (UPDATE ${table} t SET ${assignments.join(', ')} FROM old JOIN v ON v.id = old.id WHERE t.id = old.id RETURNING t.*),
        ${auditCte(sql, viewer, entity, 'update', 'w JOIN old ON old.id = w.id JOIN v ON v.id = w.id', changesSql(audited))}
      SELECT 1`,
      sql.params,
    );
    for (const field of links) {
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
