import { getNamedType, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import type { Queryable } from '../entities/database';
import type { EntityDefinition } from '../metadata/types';
import { compileConnection, type ConnectionArgs } from './compiler/compileConnection';
import { compileRecordById } from './compiler/compileSelection';
import { QueryContext } from './compiler/QueryContext';
import { rowFilterOf } from './compiler/rowFilter';
import type { RequestContext } from './context';
import { isUuid } from './validateInput';

/** `<type>(id:)`: the record shaped as selected, or null when missing or not visible (contract section 3). */
export function makeGetById(entity: EntityDefinition): GraphQLFieldResolver<unknown, RequestContext, { id: string }> {
  return (_source, args, context, info) => readRecord(context.db, context, entity, args.id, info);
}

/** `<plural>(where:, orderBy:, first:, after:, last:, before:)`: one statement for the whole tree. */
export function makeList(entity: EntityDefinition): GraphQLFieldResolver<unknown, RequestContext, ConnectionArgs> {
  return async (_source, args, context, info) => {
    const query = QueryContext.fromInfo(context.registry, info, rowFilterOf(context, 'read'));
    const type = getNamedType(info.returnType) as GraphQLObjectType;
    const connection = compileConnection(query, entity, type, info.fieldNodes, args);
    const rows = await context.db.query<{ connection: unknown }>(`SELECT ${connection} AS connection`, query.sql.params);
    return rows[0]!.connection;
  };
}

/** Reads one record for the selection in `info`, through `db` (which may be a transaction). */
export async function readRecord(
  db: Queryable,
  context: RequestContext,
  entity: EntityDefinition,
  id: string,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  if (!isUuid(id)) return null;
  const query = QueryContext.fromInfo(context.registry, info, rowFilterOf(context, 'read'));
  const type = getNamedType(info.returnType) as GraphQLObjectType;
  const rows = await db.query<{ record: unknown }>(compileRecordById(query, entity, type, info.fieldNodes, id), query.sql.params);
  return rows[0]?.record ?? null;
}
