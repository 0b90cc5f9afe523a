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
import { ParamSlot } from './compiler/ParamSlot';
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

/** The one statement that answers a root read; its single row's `column` is the answer. */
export interface ReadStatement {
  readonly text: string;
  readonly params: readonly unknown[];
  readonly prepare: boolean;
  readonly column: string;
}

/**
 * A root read: its whole answer, already shaped by response key, from one statement.
 * Compiling is apart from running so that a statement can be compiled once and bound to
 * many requests (`src/server/statementCache.ts`).
 */
export interface RootRead {
  /**
   * Arguments whose value only fills one `$n` of the statement, once `accepts` it (otherwise
   * the answer is null without a statement): given as a `ParamSlot`, `compile` places the
   * slot and each request binds its own value.
   */
  readonly slotArguments: ReadonlyMap<string, (value: unknown) => boolean>;
  /** The statement, or null when the answer is null without one (an id that is no UUID). */
  compile(args: Record<string, unknown>, request: ReadRequest): ReadStatement | null;
}

const rootReads = new WeakMap<object, RootRead>();

/** The compiled read behind a root field's resolver, if it is one (`compiledQueryPlugin` runs it without graphql-js). */
export function rootReadOf(resolve: unknown): RootRead | undefined {
  return typeof resolve === 'function' ? rootReads.get(resolve) : undefined;
}

/** Runs a read's statement through `db` (which may be a transaction): its answer, null without a statement or row. */
export async function runRead(db: Queryable, statement: ReadStatement | null): Promise<unknown> {
  if (!statement) return null;
  const rows = await db.query<Record<string, unknown>>(statement.text, statement.params, { prepare: statement.prepare });
  return rows[0]?.[statement.column] ?? null;
}

const BY_ID_SLOTS: ReadonlyMap<string, (value: unknown) => boolean> = new Map([['id', isUuid]]);

/** `<type>(id:)`: the record shaped as selected, or null when missing or not visible (contract section 3). */
export function makeGetById(entity: EntityDefinition): GraphQLFieldResolver<unknown, RequestContext, { id: string }> {
  return rootResolver({
    slotArguments: BY_ID_SLOTS,
    compile: (args, request) => compileRecordRead(entity, args.id, request),
  });
}

/** `<plural>(where:, orderBy:, first:, after:, last:, before:)`: one statement for the whole tree. */
export function makeList(entity: EntityDefinition): GraphQLFieldResolver<unknown, RequestContext, ConnectionArgs> {
  return rootResolver({
    slotArguments: new Map(),
    compile(args, { query, type, fieldNodes, asText }) {
      const connection = compileConnection(query, entity, type, fieldNodes, args as ConnectionArgs);
      const column = asText ? `(${connection})::text` : connection;
      return { text: `SELECT ${column} AS connection`, params: query.sql.params, prepare: query.sql.preparable, column: 'connection' };
    },
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
  return runRead(db, compileRecordRead(entity, id, readRequestOf(context, info)));
}

function compileRecordRead(entity: EntityDefinition, id: unknown, request: ReadRequest): ReadStatement | null {
  // A slot's value is checked against BY_ID_SLOTS when a request binds it.
  if (!(id instanceof ParamSlot) && !isUuid(id)) return null;
  const { query, type, fieldNodes, asText } = request;
  const record = compileRecordById(query, entity, type, fieldNodes, id as string);
  // PostgreSQL flattens the sub-select: the cast costs nothing but pg's JSON.parse is skipped.
  const text = asText ? `SELECT r.record::text AS record FROM (${record}) r` : record;
  return { text, params: query.sql.params, prepare: query.sql.preparable, column: 'record' };
}

// Each root field has its own args: graphql-js types such a resolver's args as any.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function rootResolver(read: RootRead): GraphQLFieldResolver<unknown, RequestContext, any> {
  const resolve: GraphQLFieldResolver<unknown, RequestContext, Record<string, unknown>> = (_source, args, context, info) =>
    runRead(context.db, read.compile(args, readRequestOf(context, info)));
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
