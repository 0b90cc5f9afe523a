import { getNamedType, type FieldNode, type GraphQLObjectType } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { columnStorage } from '../../entities/columnTypes';
import { SYSTEM_COLUMNS, columnName, tableName } from '../../entities/storageNames';
import type { ToManyRelation } from '../../entities/relations';
import type { EntityDefinition } from '../../metadata/types';
import { fieldBindingOf } from '../../schema/bindings';
import { belongsToParentSql } from './compileWhere';
import { compileConnection, type ConnectionArgs } from './compileConnection';
import { outputSql } from './outputSql';
import type { QueryContext } from './QueryContext';
import { and, ident, jsonObject, nameLiteral } from './SqlBuilder';

/**
 * The JSON of one record of `type` (row alias `alias`) shaped exactly like the selection:
 * one key per response key, references and to-many connections as correlated sub-selects,
 * so a whole tree is one statement whatever the number of rows (issue 2, item 5).
 * `tagged` adds `__typename` for fields typed by the `Record` interface (graphql-js resolves
 * the concrete type from it).
 */
export function compileRecord(
  ctx: QueryContext,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  alias: string,
  tagged = false,
): string {
  const pairs: (readonly [string, string])[] = tagged ? [['__typename', nameLiteral(type.name)]] : [];
  const fieldDefs = type.getFields();
  for (const [key, fieldNodes] of ctx.subfields(type, nodes)) {
    const name = fieldNodes[0]!.name.value;
    if (name === '__typename') {
      pairs.push([key, nameLiteral(type.name)]);
      continue;
    }
    const def = fieldDefs[name]!;
    const binding = fieldBindingOf(def);
    if (!binding) throw new Error(`Field ${type.name}.${name} has no storage binding`);
    switch (binding.kind) {
      case 'system':
        pairs.push([key, outputSql(`${alias}.${ident(binding.column)}`, binding.sqlType)]);
        break;
      case 'byRecordId':
        pairs.push([key, `${alias}.${SYSTEM_COLUMNS.id}`]);
        break;
      case 'column':
        pairs.push([key, outputSql(`${alias}.${ident(columnName(binding.field))}`, columnStorage(binding.field).sqlType, binding.field.type)]);
        break;
      case 'reference': {
        const r = ctx.sql.alias();
        const target = getNamedType(def.type) as GraphQLObjectType;
        const record = compileRecord(ctx, target, fieldNodes, r);
        const fk = `${alias}.${ident(columnName(binding.field))}`;
        // A referenced record the caller may not see reads as null.
        const where = and([`${r}.id = ${fk}`, ctx.sql.visible(binding.target, r)]);
        pairs.push([key, `(SELECT ${record} FROM ${ident(tableName(binding.target))} ${r} WHERE ${where})`]);
        break;
      }
      case 'toMany': {
        const args = getArgumentValues(def, fieldNodes[0]!, ctx.variables) as ConnectionArgs;
        const connection = getNamedType(def.type) as GraphQLObjectType;
        const relation: ToManyRelation = binding.relation;
        pairs.push([
          key,
          compileConnection(ctx, relation.target, connection, fieldNodes, args, (child) =>
            belongsToParentSql(relation, alias, child, ctx.sql),
          ),
        ]);
        break;
      }
      case 'computed':
        pairs.push([key, binding.compile(ctx, alias, fieldNodes, getArgumentValues(def, fieldNodes[0]!, ctx.variables))]);
        break;
    }
  }
  return jsonObject(pairs);
}

/**
 * `<WITH clause whose last CTE w returns the written row> SELECT <record json> FROM w`: a
 * write and the selection of the row it wrote in one statement. Sub-selects see the
 * database as it was before the statement, so only for selections that read no other row
 * of the written table (`readsOnlyOtherRows`). `asText`: the record as JSON text (a
 * data-modifying WITH cannot sit in a sub-select, so the cast is on the record itself).
 */
export function compileWrittenRecord(ctx: QueryContext, type: GraphQLObjectType, nodes: readonly FieldNode[], withClause: string, asText = false): string {
  const t = ctx.sql.alias();
  const record = compileRecord(ctx, type, nodes, t);
  return `${withClause} SELECT ${asText ? `(${record})::text` : record} AS record FROM w ${t}`;
}

/** Whether the selection reads nothing of `entity`'s table but the row itself: no to-many, no reference back to it. */
export function readsOnlyOtherRows(ctx: QueryContext, entity: EntityDefinition, type: GraphQLObjectType, nodes: readonly FieldNode[]): boolean {
  const fieldDefs = type.getFields();
  for (const fieldNodes of ctx.subfields(type, nodes).values()) {
    const def = fieldDefs[fieldNodes[0]!.name.value];
    const binding = def && fieldBindingOf(def);
    if (binding?.kind === 'toMany') return false;
    if (binding?.kind === 'reference') {
      if (binding.target.name === entity.name) return false;
      if (!readsOnlyOtherRows(ctx, entity, getNamedType(def!.type) as GraphQLObjectType, fieldNodes)) return false;
    }
  }
  return true;
}

/** `SELECT <record json> FROM <table> WHERE id = $1`: the statement of a single-record query. */
export function compileRecordById(
  ctx: QueryContext,
  entity: EntityDefinition,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  id: string,
): string {
  const t = ctx.sql.alias();
  const record = compileRecord(ctx, type, nodes, t);
  const where = and([`${t}.${SYSTEM_COLUMNS.id} = ${ctx.sql.param(id, 'uuid')}`, ctx.sql.visible(entity, t)]);
  return `SELECT ${record} AS record FROM ${ident(tableName(entity))} ${t} WHERE ${where}`;
}
