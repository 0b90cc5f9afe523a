import {
  getNamedType,
  type FieldNode,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
} from 'graphql';
import type { Queryable } from '../entities/database';
import type { EntityDefinition } from '../metadata/types';
import { compileConnection, type ConnectionArgs } from './compiler/compileConnection';
import { compileRecordById } from './compiler/compileSelection';
import { QueryContext } from './compiler/QueryContext';
import { rowFilterOf } from './compiler/rowFilter';
import type { RequestContext } from './context';
import { isUuid } from './validateInput';

/** One root field of an operation, as the compiler needs it (from `info`, or from the operation itself). */
export interface ReadRequest {
  readonly query: QueryContext;
  /** The field's named return type (the record or connection type). */
  readonly type: GraphQLObjectType;
  readonly fieldNodes: readonly FieldNode[];
  /**
   * Answer with the JSON text PostgreSQL built (null for a missing record) instead of the
   * parsed value, for a caller that writes it into the response as it is (`compiledQueryPlugin`).
   */
  readonly asText?: boolean;
}

/** A root read: its whole answer, already shaped by response key, from one statement. */
export type RootRead = (context: RequestContext, args: Record<string, unknown>, request: ReadRequest) => Promise<unknown>;

const rootReads = new WeakMap<object, RootRead>();

/** The compiled read behind a root field's resolver, if it is one (`compiledQueryPlugin` runs it without graphql-js). */
export function rootReadOf(resolve: unknown): RootRead | undefined {
  return typeof resolve === 'function' ? rootReads.get(resolve) : undefined;
}

/** `<type>(id:)`: the record shaped as selected, or null when missing or not visible (contract section 3). */
export function makeGetById(entity: EntityDefinition): GraphQLFieldResolver<unknown, RequestContext, { id: string }> {
  return rootResolver((context, args, request) => readRecordFor(context.db, entity, args.id as string, request));
}

/** `<plural>(where:, orderBy:, first:, after:, last:, before:)`: one statement for the whole tree. */
export function makeList(entity: EntityDefinition): GraphQLFieldResolver<unknown, RequestContext, ConnectionArgs> {
  return rootResolver(async (context, args, { query, type, fieldNodes, asText }) => {
    const connection = compileConnection(query, entity, type, fieldNodes, args as ConnectionArgs);
    const column = asText ? `(${connection})::text` : connection;
    const rows = await context.db.query<{ connection: unknown }>(`SELECT ${column} AS connection`, query.sql.params, {
      prepare: query.sql.preparable,
    });
    return rows[0]!.connection;
  });
}

/** Reads one record for the selection in `info`, through `db` (which may be a transaction). */
export function readRecord(
  db: Queryable,
  context: RequestContext,
  entity: EntityDefinition,
  id: string,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  return readRecordFor(db, entity, id, readRequestOf(context, info));
}

async function readRecordFor(db: Queryable, entity: EntityDefinition, id: string, request: ReadRequest): Promise<unknown> {
  if (!isUuid(id)) return null;
  const { query, type, fieldNodes, asText } = request;
  const record = compileRecordById(query, entity, type, fieldNodes, id);
  // PostgreSQL flattens the sub-select: the cast costs nothing but pg's JSON.parse is skipped.
  const sql = asText ? `SELECT r.record::text AS record FROM (${record}) r` : record;
  const rows = await db.query<{ record: unknown }>(sql, query.sql.params, { prepare: query.sql.preparable });
  return rows[0]?.record ?? null;
}

// Each root field has its own args: graphql-js types such a resolver's args as any.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function rootResolver(read: RootRead): GraphQLFieldResolver<unknown, RequestContext, any> {
  const resolve: GraphQLFieldResolver<unknown, RequestContext, Record<string, unknown>> = (_source, args, context, info) =>
    read(context, args, readRequestOf(context, info));
  rootReads.set(resolve, read);
  return resolve;
}

function readRequestOf(context: RequestContext, info: GraphQLResolveInfo): ReadRequest {
  return {
    // Every read is limited to the rows the caller may see (issue 5).
    query: QueryContext.fromInfo(context.registry, info, rowFilterOf(context, 'read')),
    type: getNamedType(info.returnType) as GraphQLObjectType,
    fieldNodes: info.fieldNodes,
  };
}
