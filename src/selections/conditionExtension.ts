import { columnName } from '../entities/storageNames';
import { toManyRelationsOf } from '../entities/relations';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition } from '../metadata/types';
import { belongsToParentSql, compileFilter, compileWhere, type WhereExtension } from '../resolvers/compiler/compileWhere';
import { and, ident, type SqlBuilder } from '../resolvers/compiler/SqlBuilder';
import type { AggregateCondition, ConditionTree } from './ParsedCondition';

/**
 * Compiles the keys selections add to `where` (contract section 7), inside the one statement:
 * `aggregate` as a grouped sub-query over the related rows compared with its value, and
 * `selection` as the referenced selection's own condition on the same row (union,
 * intersection and exclusion are then AND, OR and NOT of plain conditions).
 * `referenced` holds the resolved conditions of every selection reachable from the root.
 * Related rows are limited by `sql`'s row filter, like every other scan (issue 5).
 */
export function conditionExtension(registry: MetadataRegistry, referenced: ReadonlyMap<string, ConditionTree>): WhereExtension {
  const extension: WhereExtension = {
    keys: new Set(['aggregate', 'selection']),
    compile(entity, key, value, alias, sql) {
      if (key === 'selection') {
        const where = referenced.get(value as string);
        if (!where) throw new Error(`Selection ${String(value)} was not resolved before compiling`);
        return compileWhere(registry, entity, where, alias, sql, extension) ?? 'TRUE';
      }
      return aggregateSql(registry, entity, value as AggregateCondition, alias, sql, extension);
    },
  };
  return extension;
}

function aggregateSql(
  registry: MetadataRegistry,
  entity: EntityDefinition,
  aggregate: AggregateCondition,
  alias: string,
  sql: SqlBuilder,
  extension: WhereExtension,
): string {
  const { relation } = toManyRelationsOf(registry, entity).find((r) => r.name === aggregate.relation)!;
  const c = sql.alias();
  const inner = compileWhere(registry, relation.target, aggregate.where, c, sql, extension);
  const column = aggregate.field ? `${c}.${ident(columnName(aggregate.field))}` : '*';
  // A sum over no rows is 0, not unknown: "revenue < 1000" includes customers without orders.
  const value = aggregate.fn === 'sum' ? `coalesce(sum(${column}), 0)` : `${aggregate.fn}(${column})`;
  // Only rows the caller may see are aggregated: a hidden order neither adds to a sum nor shows through it.
  const where = and([belongsToParentSql(relation, alias, c, sql), sql.visible(relation.target, c), inner]);
  const rows = `SELECT ${value} FROM ${ident(relation.table)} ${c} WHERE ${where}`;
  return compileFilter(`(${rows})`, aggregate.sqlType, aggregate.filter as Record<string, unknown>, sql) ?? 'TRUE';
}
