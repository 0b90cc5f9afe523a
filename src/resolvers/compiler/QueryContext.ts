import type { FieldNode, FragmentDefinitionNode, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import type { MetadataRegistry } from '../../metadata/MetadataRegistry';
import { SqlBuilder } from './SqlBuilder';

/** What compiling one root field needs: the operation's fragments and variables, and SQL state. */
export class QueryContext {
  readonly sql: SqlBuilder;

  constructor(
    readonly registry: MetadataRegistry,
    readonly schema: GraphQLSchema,
    readonly fragments: Record<string, FragmentDefinitionNode>,
    readonly variables: Record<string, unknown>,
    params?: unknown[],
  ) {
    this.sql = new SqlBuilder(params);
  }

  /** `params`: values the statement already holds as `$1`... (see SqlBuilder). */
  static fromInfo(registry: MetadataRegistry, info: GraphQLResolveInfo, params?: unknown[]): QueryContext {
    return new QueryContext(registry, info.schema, info.fragments, info.variableValues, params);
  }

  /** Sub-selections of `nodes` by response key, with fragments, @include and @skip applied. */
  subfields(type: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, readonly FieldNode[]> {
    return collectSubfields(this.schema, this.fragments, this.variables, type, nodes);
  }
}
