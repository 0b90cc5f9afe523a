import { isObjectType, type FieldNode } from 'graphql';
import { tableName } from '../../entities/storageNames';
import { compileRecord } from '../../resolvers/compiler/compileSelection';
import type { QueryContext } from '../../resolvers/compiler/QueryContext';
import { and, ident, nameLiteral } from '../../resolvers/compiler/SqlBuilder';
import { computedField } from '../../schema/bindings';
import type { GeneratedTypes } from '../../schema/GeneratedTypes';
import { inflection } from '../../schema/inflection';

/**
 * `record: Record` on a journal entry and on each of its links: the record itself, typed, so a
 * follow-up list or a timeline shows a company's name without a query per type
 * (`record { id ... on Company { name } }`). The row names its record by type and id
 * (`record_type`, `record_id`); the record is compiled into the same statement, once per type
 * the caller's schema has, and reads as null when the caller may not see it.
 */
export function typedRecordField(types: GeneratedTypes, description: string) {
  return computedField({ type: types.recordInterface, description }, (ctx, alias, nodes) => typedRecordSql(ctx, alias, nodes));
}

function typedRecordSql(ctx: QueryContext, alias: string, nodes: readonly FieldNode[]): string {
  const branches = ctx.registry.entities.flatMap((entity) => {
    const type = ctx.schema.getType(inflection.typeName(entity));
    if (entity.builtIn || !isObjectType(type)) return [];
    const r = ctx.sql.alias();
    const where = and([`${r}.id = ${alias}.record_id::uuid`, ctx.sql.visible(entity, r)]);
    const record = compileRecord(ctx, type, nodes, r, true);
    return [`WHEN ${nameLiteral(entity.name)} THEN (SELECT ${record} FROM ${ident(tableName(entity))} ${r} WHERE ${where})`];
  });
  return branches.length === 0 ? 'NULL::json' : `CASE ${alias}.record_type ${branches.join(' ')} END`;
}
