import type { Queryable } from '../entities/database';
import { columnName, tableName } from '../entities/storageNames';
import type { EntityDefinition } from '../metadata/types';
import { auditCte, changesSql, linkedIdsSql } from '../resolvers/auditSql';
import { ident, nameLiteral, SqlBuilder } from '../resolvers/compiler/SqlBuilder';
import type { Viewer } from '../resolvers/context';

/**
 * The audit entries of the records an import batch created (issue 5: every write is
 * attributable, imports too), one statement for the batch, read back from the rows as
 * stored: each entry holds the fields the record got. Empty cells set nothing, so null and
 * empty values are left out, as `create<Type>` records only the fields it was given.
 */
export async function auditCreated(db: Queryable, viewer: Viewer, entity: EntityDefinition, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const sql = new SqlBuilder();
  const rows = `w AS (SELECT * FROM ${ident(tableName(entity))} WHERE id = ANY(${sql.param(ids, 'uuid[]')}))`;
  const fields = entity.fields.map((field) => ({
    field,
    new: field.type === 'references' ? linkedIdsSql(entity, field, 'w') : `w.${ident(columnName(field))}`,
  }));
  // Removing the keys of empty values from the object is one pass per row; rebuilding it from
  // jsonb_each cost as much as the rest of the import.
  const empty = fields.map(({ field, new: value }) => {
    const isEmpty = field.type === 'references' || field.type === 'multiChoice' ? `coalesce(cardinality(${value}), 0) = 0` : `${value} IS NULL`;
    return `CASE WHEN ${isEmpty} THEN ${nameLiteral(field.name)} END`;
  });
  const given = `(${changesSql(fields)}) - array_remove(ARRAY[${empty.join(', ')}]::text[], NULL)`;
  await db.query(`WITH ${rows}, ${auditCte(sql, viewer, entity, 'create', 'w', given)} SELECT 1`, sql.params);
}
