import { isObjectType, type FieldNode, type GraphQLObjectType } from 'graphql';
import { tableName } from '../../entities/storageNames';
import { compileRecord } from '../../resolvers/compiler/compileSelection';
import type { QueryContext } from '../../resolvers/compiler/QueryContext';
import { and, ident, nameLiteral } from '../../resolvers/compiler/SqlBuilder';
import { computedField } from '../../schema/bindings';
import type { GeneratedTypes } from '../../schema/GeneratedTypes';
import { inflection } from '../../schema/inflection';
import type { EntityDefinition } from '../types';

/**
 * Which records a row names, typed (`Record`), so a follow-up list or a timeline shows a
 * company's name without a query per type (`record { id ... on Company { name } }`):
 * - `record`: the row's `record_type` and `record_id` (an entry's record, a link's target);
 * - `person`: an entry's `person_id`, a record of a type that refers to the entry's record type.
 * Each is compiled into the same statement, once per type the caller's schema has, and reads
 * as null when the caller may not see it.
 */
export type NamedRecord = 'record' | 'person';

export function typedRecordField(types: GeneratedTypes, named: NamedRecord, description: string) {
  return computedField({ type: types.recordInterface, description }, (ctx, alias, nodes) => typedRecordSql(ctx, alias, nodes, named));
}

function typedRecordSql(ctx: QueryContext, alias: string, nodes: readonly FieldNode[], named: NamedRecord): string {
  const readable = ctx.registry.entities.filter((e) => !e.builtIn && isObjectType(ctx.schema.getType(inflection.typeName(e))));
  const idColumn = named === 'record' ? 'record_id' : 'person_id';
  const branches = readable.flatMap((recordType) => {
    const candidates = named === 'record' ? [recordType] : readable.filter((e) => refersTo(e, recordType));
    if (candidates.length === 0) return [];
    const found = candidates.map((entity) => {
      const type = ctx.schema.getType(inflection.typeName(entity)) as GraphQLObjectType;
      const r = ctx.sql.alias();
      const where = and([`${r}.id = ${alias}.${idColumn}::uuid`, ctx.sql.visible(entity, r)]);
      return `(SELECT ${compileRecord(ctx, type, nodes, r, true)} FROM ${ident(tableName(entity))} ${r} WHERE ${where})`;
    });
    return [`WHEN ${nameLiteral(recordType.name)} THEN ${found.length === 1 ? found[0] : `coalesce(${found.join(', ')})`}`];
  });
  return branches.length === 0 ? 'NULL::json' : `CASE ${alias}.record_type ${branches.join(' ')} END`;
}

/** Whether records of `entity` can be the person of an entry about a record of `recordType` (as createJournalEntry checks). */
function refersTo(entity: EntityDefinition, recordType: EntityDefinition): boolean {
  return entity.fields.some((f) => f.type === 'reference' && f.target === recordType.name);
}
