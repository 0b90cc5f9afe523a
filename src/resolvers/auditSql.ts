import { AUDIT_TABLE } from '../entities/engineTables';
import { linkTableNames } from '../entities/storageNames';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import type { Viewer } from './context';
import { ident, nameLiteral, type SqlBuilder } from './compiler/SqlBuilder';

export type AuditAction = 'create' | 'update' | 'delete' | 'reassign' | 'erase';

/** One audited field: SQL expressions of its value before and after (absent: not applicable). */
export interface AuditedField {
  readonly field: FieldDefinition;
  readonly old?: string;
  readonly new?: string;
}

/**
 * `{ field: { old, new } }` as a jsonb expression over the statement's rows, keeping only
 * fields whose value changed (issue 5: per-field old and new values).
 */
export function changesSql(fields: readonly AuditedField[]): string {
  if (fields.length === 0) return `'{}'::jsonb`;
  return fields
    .map(({ field, old, new: next }) => {
      const pair = [old !== undefined ? `'old', to_jsonb(${old})` : '', next !== undefined ? `'new', to_jsonb(${next})` : '']
        .filter(Boolean)
        .join(', ');
      const entry = `jsonb_build_object(${nameLiteral(field.name)}, jsonb_build_object(${pair}))`;
      return old !== undefined && next !== undefined ? `CASE WHEN (${old}) IS DISTINCT FROM (${next}) THEN ${entry} ELSE '{}'::jsonb END` : entry;
    })
    .join(' || ');
}

/** The ids a `references` field of row `alias` links to now, as a sorted uuid[] expression. */
export function linkedIdsSql(entity: EntityDefinition, field: FieldDefinition, alias: string): string {
  const names = linkTableNames(entity, field);
  return `ARRAY(SELECT l.${ident(names.targetColumn)} FROM ${ident(names.table)} l WHERE l.${ident(names.sourceColumn)} = ${alias}.id ORDER BY 1)`;
}

/**
 * The CTE that appends the audit entry of a write (issue 5): it selects from the write's own
 * CTE, so the entry exists exactly when the write happened, in the same statement.
 */
export function auditCte(
  sql: SqlBuilder,
  viewer: Viewer,
  entity: EntityDefinition,
  action: AuditAction,
  from: string,
  changes: string,
): string {
  const who = `${sql.param(viewer.sub, 'text')}, ${sql.param(viewer.apiKey ?? null, 'uuid')}`;
  return `audit AS (INSERT INTO ${AUDIT_TABLE} (actor, api_key, type, record_id, action, changes)
    SELECT ${who}, ${nameLiteral(entity.name)}, w.id, ${nameLiteral(action)}, ${changes} FROM ${from})`;
}
