import type { FieldNode, FragmentDefinitionNode, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { getArgumentValues } from 'graphql/execution/values';
import type { MetadataRegistry } from '../../metadata/MetadataRegistry';
import { SqlBuilder, type RowFilter } from './SqlBuilder';

/** What compiling one root field needs: the operation's fragments and variables, and SQL state. */
export class QueryContext {
  readonly sql: SqlBuilder;

  /**
   * `rowFilter`: the caller's row scope, applied to every table the statement scans (issue 5).
   * Required, so that no new way of compiling a query can forget it (EVERY_ROW says so openly).
   */
  constructor(
    readonly registry: MetadataRegistry,
    readonly schema: GraphQLSchema,
    readonly fragments: Record<string, FragmentDefinitionNode>,
    readonly variables: Record<string, unknown>,
    rowFilter: RowFilter,
    params?: unknown[],
    /** The root field's `asOf` (`YYYY-MM-DD`): temporal fields of the whole tree are read as of that day. */
    readonly asOf?: string,
  ) {
    this.sql = new SqlBuilder(rowFilter, params);
  }

  /** `params`: values the statement already holds as `$1`... (see SqlBuilder). */
  static fromInfo(registry: MetadataRegistry, info: GraphQLResolveInfo, rowFilter: RowFilter, params?: unknown[]): QueryContext {
    const root = info.parentType.getFields()[info.fieldName];
    const args = root?.args.some((a) => a.name === 'asOf') ? getArgumentValues(root, info.fieldNodes[0]!, info.variableValues) : {};
    return new QueryContext(registry, info.schema, info.fragments, info.variableValues, rowFilter, params, QueryContext.asOfOf(args));
  }

  /** The day of a root field's `asOf` argument (a Date scalar), if it has one. */
  static asOfOf(args: Record<string, unknown>): string | undefined {
    return args.asOf instanceof Date ? args.asOf.toISOString().slice(0, 10) : undefined;
  }

  /** Sub-selections of `nodes` by response key, with fragments, @include and @skip applied. */
  subfields(type: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, readonly FieldNode[]> {
    return collectSubfields(this.schema, this.fragments, this.variables, type, nodes);
  }
}
