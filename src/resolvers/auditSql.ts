import { AUDIT_TABLE } from '../entities/engineTables';
import { columnName, linkTableNames, tableName } from '../entities/storageNames';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
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
  const pairOf = ({ old, new: next }: AuditedField) =>
    [old !== undefined ? `'old', to_jsonb(${old})` : '', next !== undefined ? `'new', to_jsonb(${next})` : ''].filter(Boolean).join(', ');
  // Fields with one side only (create, delete) always go in: one object for them all, in
  // chunks of json's 100-argument limit, is cheaper than one object per field joined by ||.
  const unconditional = fields.filter((f) => f.old === undefined || f.new === undefined);
  const parts: string[] = [];
  for (let i = 0; i < unconditional.length; i += MAX_FIELDS_PER_OBJECT) {
    const entries = unconditional.slice(i, i + MAX_FIELDS_PER_OBJECT).map((f) => `${nameLiteral(f.field.name)}, jsonb_build_object(${pairOf(f)})`);
    parts.push(`jsonb_build_object(${entries.join(', ')})`);
  }
  for (const f of fields.filter((f) => f.old !== undefined && f.new !== undefined)) {
    const entry = `jsonb_build_object(${nameLiteral(f.field.name)}, jsonb_build_object(${pairOf(f)}))`;
    parts.push(`CASE WHEN (${f.old}) IS DISTINCT FROM (${f.new}) THEN ${entry} ELSE '{}'::jsonb END`);
  }
  return parts.length === 0 ? `'{}'::jsonb` : parts.join(' || ');
}

/** jsonb_build_object takes at most 100 arguments: 50 key-value pairs. */
const MAX_FIELDS_PER_OBJECT = 50;

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
  { name = 'audit', recordId = 'w.id' }: { name?: string; recordId?: string } = {},
): string {
  const who = `${sql.param(viewer.sub, 'text')}, ${sql.param(viewer.apiKey ?? null, 'uuid')}`;
  return `${name} AS (INSERT INTO ${AUDIT_TABLE} (actor, api_key, type, record_id, action, changes)
    SELECT ${who}, ${nameLiteral(entity.name)}, ${recordId}, ${nameLiteral(action)}, ${changes} FROM ${from})`;
}

/**
 * Audit entries for what deleting rows of `entity` (CTE `old`) does to records referencing
 * them (issue 5: every change attributable): `cascade` deletes them, recursively, and
 * `setNull` clears the reference. The rows are read in the statement's snapshot, before the
 * foreign keys act.
 */
export function cascadeAuditCtes(sql: SqlBuilder, viewer: Viewer, registry: MetadataRegistry, entity: EntityDefinition): string[] {
  const ctes: string[] = [];
  const visit = (parent: EntityDefinition, parentRows: string, seen: ReadonlySet<string>) => {
    for (const inverse of registry.inversesOf(parent.name)) {
      const { field } = inverse;
      if (field.type !== 'reference' || field.onDelete === 'restrict') continue;
      const child = registry.get(inverse.source);
      const n = ctes.length;
      const rows = `c${n}`;
      const fk = ident(columnName(field));
      ctes.push(`${rows} AS (SELECT c.* FROM ${ident(tableName(child))} c JOIN ${parentRows} p ON c.${fk} = p.id)`);
      if (field.onDelete === 'setNull') {
        const changes = changesSql([{ field, old: `${rows}.${fk}`, new: 'NULL::uuid' }]);
        ctes.push(auditCte(sql, viewer, child, 'update', rows, changes, { name: `a${n}`, recordId: `${rows}.id` }));
      } else if (!seen.has(child.name)) {
        const fields = child.fields.filter((f) => f.type !== 'references').map((f) => ({ field: f, old: `${rows}.${ident(columnName(f))}` }));
        ctes.push(auditCte(sql, viewer, child, 'delete', rows, changesSql(fields), { name: `a${n}`, recordId: `${rows}.id` }));
        visit(child, rows, new Set([...seen, child.name]));
      }
    }
  };
  visit(entity, 'old', new Set([entity.name]));
  return ctes;
}
