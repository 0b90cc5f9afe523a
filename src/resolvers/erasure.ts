import { AUDIT_TABLE } from '../entities/engineTables';
import { SYSTEM_COLUMNS, columnName, tableName } from '../entities/storageNames';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { auditCte, cascadeAuditCtes, changesSql, type AuditAction } from './auditSql';
import type { Viewer } from './context';
import { ident, nameLiteral, type SqlBuilder } from './compiler/SqlBuilder';

/** What an erased value reads as in the audit trail. */
export const ERASED = '[erased]';

const TEXT_TYPES = new Set(['string', 'text', 'phone', 'url', 'choice']);

/**
 * The value a personal field gets when erased (issue 5, GDPR): NULL when optional; a
 * placeholder when required (unique ones carry the record's id so they stay unique).
 * Required fields of other types keep their value: they cannot be emptied.
 */
export function erasedValueSql(field: FieldDefinition, alias: string): string | undefined {
  if (!field.required) return 'NULL';
  const suffix = `left(${alias}.id::text, 8)`;
  if (field.type === 'email') return `'erased-' || ${alias}.id::text || '@erased.invalid'`;
  if (TEXT_TYPES.has(field.type) && !field.options) return field.unique ? `'erased-' || ${suffix}` : `'Erased'`;
  return undefined;
}

/** The fields erasure clears: personal and sensitive ones that have a column. */
export function erasableFields(entity: EntityDefinition): { field: FieldDefinition; value: string }[] {
  return entity.fields.flatMap((field) => {
    if (!field.personal || field.type === 'references') return [];
    const value = erasedValueSql(field, 'old');
    return value === undefined ? [] : [{ field, value }];
  });
}

/**
 * One statement that anonymises (or deletes) every row of `entity` matching `condition`
 * on alias `r` (issue 5): personal fields cleared in place, a new version, an `erase` (or
 * `delete`) audit entry per row, and the erased fields' values replaced by [erased] in the
 * earlier entries of those records. Returns the ids.
 */
export function eraseStatement(
  sql: SqlBuilder,
  viewer: Viewer,
  registry: MetadataRegistry,
  entity: EntityDefinition,
  condition: string,
  action: 'anonymise' | 'delete',
): string {
  const table = ident(tableName(entity));
  const fields = erasableFields(entity);
  const names = sql.param(fields.map((f) => f.field.name), 'text[]');
  const old = `old AS (SELECT r.* FROM ${table} r WHERE ${condition} FOR UPDATE)`;
  const write =
    action === 'delete'
      ? `w AS (DELETE FROM ${table} t USING old WHERE t.id = old.id RETURNING t.id)`
      : `w AS (UPDATE ${table} t SET ${[
          ...fields.map(({ field, value }) => `${ident(columnName(field))} = ${value}`),
          `${SYSTEM_COLUMNS.version} = t.${SYSTEM_COLUMNS.version} + 1`,
          `${SYSTEM_COLUMNS.updatedAt} = now()`,
        ].join(', ')} FROM old WHERE t.id = old.id RETURNING t.id)`;
  const audited = fields.map(({ field, value }) => ({ field, old: `${nameLiteral(ERASED)}::text`, new: action === 'delete' ? undefined : `(${value})::text` }));
  const auditAction: AuditAction = action === 'delete' ? 'delete' : 'erase';
  const scrub = `scrub AS (UPDATE ${AUDIT_TABLE} a SET changes = (
      SELECT coalesce(jsonb_object_agg(e.key, CASE WHEN e.key = ANY(${names}) THEN jsonb_build_object('old', ${nameLiteral(ERASED)}, 'new', ${nameLiteral(ERASED)}) ELSE e.value END), '{}'::jsonb)
      FROM jsonb_each(a.changes) e)
    WHERE a.type = ${nameLiteral(entity.name)} AND a.record_id IN (SELECT id FROM w))`;
  const cascades = action === 'delete' ? cascadeAuditCtes(sql, viewer, registry, entity) : [];
  return `WITH ${[old, write, scrub, auditCte(sql, viewer, entity, auditAction, 'w JOIN old ON old.id = w.id', changesSql(audited)), ...cascades].join(',\n    ')}
    SELECT id FROM w`;
}
