import { getNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import type { EntityDefinition } from '../metadata/types';
import { compileConnection, type Scope } from '../resolvers/compiler/compileConnection';
import { compileWhere } from '../resolvers/compiler/compileWhere';
import { rowFilterOf } from '../resolvers/compiler/rowFilter';
import { QueryContext } from '../resolvers/compiler/QueryContext';
import type { SqlBuilder } from '../resolvers/compiler/SqlBuilder';
import type { RequestContext } from '../resolvers/context';
import { conditionExtension } from './conditionExtension';
import type { ResolvedCondition } from './resolveCondition';

export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

/** The SQL condition of a resolved selection on row `alias`, with its parameters in `sql`. */
export function conditionSql(context: RequestContext, resolved: ResolvedCondition, alias: string, sql: SqlBuilder): string {
  const entity = context.registry.get(resolved.type);
  const extension = conditionExtension(context.registry, resolved.referenced);
  return compileWhere(context.registry, entity, resolved.where, alias, sql, extension) ?? 'TRUE';
}

/** A `RecordConnection` of the rows in `scope`, the whole selection as one statement. */
export async function recordConnection(
  context: RequestContext,
  info: GraphQLResolveInfo,
  entity: EntityDefinition,
  scope: (alias: string, sql: SqlBuilder) => string,
  args: PageArgs,
): Promise<unknown> {
  // The records a selection reaches are those the caller may see (issue 5).
  const query = QueryContext.fromInfo(context.registry, info, rowFilterOf(context, 'read'));
  const type = getNamedType(info.returnType) as GraphQLObjectType;
  const scoped: Scope = (alias) => scope(alias, query.sql);
  const connection = compileConnection(query, entity, type, info.fieldNodes, { first: args.first, after: args.after }, scoped);
  const rows = await context.db.query<{ connection: unknown }>(`SELECT ${connection} AS connection`, query.sql.params);
  return rows[0]!.connection;
}
