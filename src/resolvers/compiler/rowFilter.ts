import type { Operation } from '../../metadata/roles/RoleDefinition';
import { OWNED_COLUMNS } from '../../metadata/traits/owned';
import type { RequestContext } from '../context';
import { and, ident, type RowFilter } from './SqlBuilder';

/**
 * The row scopes of the caller's roles for `operation` as SQL (issue 5): `own` is
 * owner = sub, `team` team = ANY(teams), `area` area = ANY(areas); no scope is FALSE.
 * The compiler adds it wherever it scans a table, so lists, counts, nested records and
 * filters through relations see only rows the caller may see. A write's filter is its
 * scope AND the read scope.
 */
export function rowFilterOf(context: Pick<RequestContext, 'access' | 'viewer'>, operation: Operation): RowFilter {
  const scoped = scopeFilter(context, operation);
  if (operation === 'read') return scoped;
  // A write reaches only rows the caller can also see: the others do not exist for them.
  const readable = scopeFilter(context, 'read');
  return (entity, alias, sql) => and([readable(entity, alias, sql), scoped(entity, alias, sql)]);
}

function scopeFilter(context: Pick<RequestContext, 'access' | 'viewer'>, operation: Operation): RowFilter {
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
