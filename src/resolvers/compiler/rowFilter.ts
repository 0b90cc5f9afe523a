import { tableName } from '../../entities/storageNames';
import type { Operation } from '../../metadata/roles/RoleDefinition';
import { JOURNAL_ENTRY_MODEL } from '../../metadata/traits/journalModel';
import { OWNED_COLUMNS } from '../../metadata/traits/owned';
import type { EntityDefinition } from '../../metadata/types';
import type { RequestContext, Viewer } from '../context';
import { and, ident, nameLiteral, type RowFilter, type SqlBuilder } from './SqlBuilder';

/**
 * The row scopes of the caller's roles for `operation` as SQL (issue 5): `own` is
 * owner = sub, `team` team = ANY(teams), `area` area = ANY(areas); no scope is FALSE.
 * The compiler adds it wherever it scans a table, so lists, counts, nested records and
 * filters through relations see only rows the caller may see. A write's filter is its
 * scope AND the read scope. A journal entry is read only with its record (journalRecordVisible).
 */
export function rowFilterOf(context: ScopeContext, operation: Operation): RowFilter {
  const scoped = scopeFilter(context, operation);
  if (operation === 'read') return scoped;
  // A write reaches only rows the caller can also see: the others do not exist for them.
  const readable = scopeFilter(context, 'read');
  return (entity, alias, sql) => and([readable(entity, alias, sql), scoped(entity, alias, sql)]);
}

/** The viewer's values only fill parameters, so a statement compiled with `VIEWER_SLOTS` serves every viewer. */
type ScopeContext = Pick<RequestContext, 'access'> & { readonly viewer: Pick<Viewer, 'sub' | 'teams' | 'areas'> };

function scopeFilter(context: ScopeContext, operation: Operation): RowFilter {
  const ofRoles = roleScope(context, operation);
  if (operation !== 'read') return ofRoles;
  return (entity, alias, sql) => {
    const scope = ofRoles(entity, alias, sql);
    return entity.name === JOURNAL_ENTRY_MODEL.name && scope !== 'FALSE' ? and([scope, journalRecordVisible(context, alias, sql)]) : scope;
  };
}

/**
 * An entry's subject and text are about its record, so a journal entry is read only when its
 * record is (entries, timelines, myFollowUps): an account manager who reads every entry still
 * sees only those about companies they may see.
 */
function journalRecordVisible(context: ScopeContext, alias: string, sql: SqlBuilder): string | undefined {
  const journalTypes = context.access.registry.entities.filter((e) => e.traits.includes('journal'));
  return namedRecordVisible(journalTypes, alias, sql, roleScope(context, 'read'));
}

/**
 * The condition that the record row `alias` names by `record_type` and `record_id` (a journal
 * entry, a journal link) is one of `types` that `filter` lets through; undefined when every one
 * of them is wholly visible. Types read in full need no sub-select, types not readable at all
 * match nothing.
 */
export function namedRecordVisible(types: readonly EntityDefinition[], alias: string, sql: SqlBuilder, filter: RowFilter): string | undefined {
  const type = `${alias}.${ident('record_type')}`;
  const whole: string[] = [];
  const scoped: string[] = [];
  for (const entity of types) {
    const r = sql.alias();
    const visible = filter(entity, r, sql);
    if (visible === undefined) whole.push(nameLiteral(entity.name));
    else if (visible !== 'FALSE') {
      const where = `${r}.id = ${alias}.${ident('record_id')}::uuid AND (${visible})`;
      scoped.push(`(${type} = ${nameLiteral(entity.name)} AND EXISTS (SELECT 1 FROM ${ident(tableName(entity))} ${r} WHERE ${where}))`);
    }
  }
  if (whole.length === types.length) return undefined;
  return [...(whole.length > 0 ? [`${type} IN (${whole.join(', ')})`] : []), ...scoped].join(' OR ') || 'FALSE';
}

/** The scopes the roles grant on `entity` itself. */
function roleScope(context: ScopeContext, operation: Operation): RowFilter {
  return (entity, alias, sql) => {
    // Rows a trait keeps per record (addresses, attributes, periods) are as visible as their record,
    // which every path to them has already filtered.
    if (context.access.registry.find(entity.name) !== entity) return undefined;
    const reach = context.access.reach(entity, operation);
    if (reach.all) return undefined;
    const column = (name: keyof typeof OWNED_COLUMNS) => `${alias}.${ident(OWNED_COLUMNS[name])}`;
    const conditions = reach.rows.map((scope) => {
      switch (scope) {
        case 'own':
          return `${column('owner')} = ${sql.param(context.viewer.sub, 'text')}`;
        case 'team':
          return `${column('team')} = ANY(${sql.param(context.viewer.teams, 'text[]')})`;
        case 'area':
          return `${column('area')} = ANY(${sql.param(context.viewer.areas, 'text[]')})`;
      }
    });
    return conditions.length === 0 ? 'FALSE' : conditions.map((c) => `(${c})`).join(' OR ');
  };
}
