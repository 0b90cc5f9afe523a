import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import {
  getNamedType,
  isEnumType,
  isLeafType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields } from 'graphql/execution/collectFields';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import type { RequestContext } from '../resolvers/context';
import { QueryContext } from '../resolvers/compiler/QueryContext';
import { rowFilterOf } from '../resolvers/compiler/rowFilter';
import { rootReadOf, type RootRead } from '../resolvers/readResolvers';
import { byResponseKey } from '../schema/bindings';

/**
 * Scalars whose value in the JSON PostgreSQL builds is already what `serialize` returns
 * (`outputSql` formats DateTime and Money in SQL). Not URL: graphql-scalars normalises it.
 */
const SQL_SHAPED_SCALARS = new Set(['ID', 'String', 'Int', 'Boolean', 'Decimal', 'Money', 'DateTime', 'Date', 'JSON', 'EmailAddress']);

/** json_build_object keeps key order up to 50 pairs (SqlBuilder merges larger objects as jsonb). */
const MAX_KEYS_IN_ORDER = 50;

/**
 * Answers a query whose root fields are all compiled reads (`<type>(id:)`, `<plural>(...)`)
 * straight from the JSON PostgreSQL built, without graphql-js walking every field of it: that
 * walk was most of a read's CPU in Node (issue 3). Parsing, validation, limits, cost and
 * the context (authentication) have run before this hook. Anything else falls back to normal
 * execution, which also reports every error: other root fields, a leaf whose SQL value is
 * not its serialised value, variables or arguments that do not coerce, a failed statement.
 */
export function compiledQueryPlugin(observe?: ExecutionObserver): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, document, operation, request, contextValue }): Promise<GraphQLResponse | null> {
          let data: Record<string, unknown> | undefined;
          try {
            if (operation.operation === 'query') {
              data = await runCompiled(schema, document.definitions, operation, request.variables ?? {}, contextValue);
            }
          } catch {
            // graphql-js runs it again and reports the error with its path.
            data = undefined;
          }
          observe?.(data ? 'compiled' : 'graphql-js');
          return data ? { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } } : null;
        },
      };
    },
  };
}

/** Told how each operation was answered (tests check that the compiled path is taken). */
export type ExecutionObserver = (answeredBy: 'compiled' | 'graphql-js') => void;

async function runCompiled(
  schema: GraphQLSchema,
  definitions: readonly { kind: string }[],
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown>,
  context: RequestContext,
): Promise<Record<string, unknown> | undefined> {
  const queryType = schema.getQueryType();
  if (!queryType) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return undefined;
  const variables = coerced.coerced;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      fragments[fragment.name.value] = fragment;
    }
  }
  const readable = rowFilterOf(context, 'read');
  const shape = new QueryContext(context.registry, schema, fragments, variables, readable);
  const reads: { key: string; read: RootRead; args: Record<string, unknown>; type: GraphQLObjectType; nodes: readonly FieldNode[] }[] = [];
  for (const [key, nodes] of collectFields(schema, fragments, variables, queryType, operation.selectionSet)) {
    const field = queryType.getFields()[nodes[0]!.name.value];
    const read = rootReadOf(field?.resolve);
    const type = field && getNamedType(field.type);
    if (!field || !read || !isObjectType(type) || !isSqlShaped(shape, type, nodes)) return undefined;
    reads.push({ key, read, args: getArgumentValues(field, nodes[0]!, variables), type, nodes });
  }
  if (reads.length > MAX_KEYS_IN_ORDER) return undefined;
  // Each root field compiles into its own statement (with its own parameters), as the resolvers do.
  const values = await Promise.all(
    reads.map(({ read, args, type, nodes }) =>
      read(context, args, { query: new QueryContext(context.registry, schema, fragments, variables, readable), type, fieldNodes: nodes }),
    ),
  );
  const data: Record<string, unknown> = {};
  reads.forEach(({ key }, i) => (data[key] = values[i]));
  return data;
}

/** Whether every leaf selected under `type` comes out of SQL exactly as graphql-js would serialise it. */
function isSqlShaped(shape: QueryContext, type: GraphQLObjectType, nodes: readonly FieldNode[]): boolean {
  const subfields = shape.subfields(type, nodes);
  if (subfields.size > MAX_KEYS_IN_ORDER) return false;
  for (const fieldNodes of subfields.values()) {
    const name = fieldNodes[0]!.name.value;
    if (name === '__typename') continue;
    const field = type.getFields()[name];
    // A field with a resolver of its own (a trait's, history) is not in the JSON PostgreSQL built.
    if (!field || field.resolve !== byResponseKey) return false;
    const fieldType = getNamedType(field.type);
    if (isObjectType(fieldType)) {
      if (!isSqlShaped(shape, fieldType, fieldNodes)) return false;
    } else if (isEnumType(fieldType)) {
      if (!fieldType.getValues().every((v) => v.value === v.name)) return false;
    } else if (!isLeafType(fieldType) || !SQL_SHAPED_SCALARS.has(fieldType.name)) {
      return false;
    }
  }
  return true;
}
