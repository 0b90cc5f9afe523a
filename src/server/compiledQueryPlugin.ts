import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener, type GraphQLResponse } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import type { RequestContext } from '../resolvers/context';
import { QueryContext } from '../resolvers/compiler/QueryContext';
import { compiledPlanOf } from './compiledPlan';
import { JsonText } from './JsonText';
import { rowFilterOf } from '../resolvers/compiler/rowFilter';

/**
 * Answers a query whose root fields are all compiled reads (`<type>(id:)`, `<plural>(...)`)
 * straight from the JSON PostgreSQL built, without graphql-js walking every field of it: that
 * walk was most of a read's CPU in Node (issue 3). The JSON text goes into the response as it
 * is (`JsonText`, `stringifyResult`), and whether a query qualifies is decided once per
 * document (`compiledPlanOf`). Parsing, validation, limits, cost and the context
 * (authentication) have run before this hook. Anything else falls back to normal execution,
 * which also reports every error: other root fields, a leaf whose SQL value is not its
 * serialised value, variables or arguments that do not coerce, a failed statement.
 */
export function compiledQueryPlugin(observe?: ExecutionObserver): ApolloServerPlugin<RequestContext> {
  // Stateless, so one listener serves every request.
  const listener: GraphQLRequestListener<RequestContext> = {
    async responseForOperation({ schema, document, operation, request, contextValue }): Promise<GraphQLResponse | null> {
      let data: Record<string, unknown> | undefined;
      try {
        data = await runCompiled(schema, document, operation, request.variables ?? {}, contextValue);
      } catch {
        // graphql-js runs it again and reports the error with its path.
        data = undefined;
      }
      observe?.(data ? 'compiled' : 'graphql-js');
      return data ? { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } } : null;
    },
  };
  return { requestDidStart: async () => listener };
}

/** Told how each operation was answered (tests check that the compiled path is taken). */
export type ExecutionObserver = (answeredBy: 'compiled' | 'graphql-js') => void;

async function runCompiled(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown>,
  context: RequestContext,
): Promise<Record<string, unknown> | undefined> {
  if (operation.operation !== 'query') return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return undefined;
  const variables = coerced.coerced;
  const plan = compiledPlanOf(schema, document, operation, variables);
  if (!plan) return undefined;
  const { fragments, reads, asText } = plan;
  // Each root field compiles into its own statement (with its own parameters), as the resolvers do.
  const readable = rowFilterOf(context, 'read');
  const values = await Promise.all(
    reads.map(({ field, read, type, nodes }) => {
      const args = getArgumentValues(field, nodes[0]!, variables);
      return read(context, args, {
        query: new QueryContext(context.registry, schema, fragments, variables, readable, undefined, QueryContext.asOfOf(args)),
        type,
        fieldNodes: nodes,
        asText,
      });
    }),
  );
  const data: Record<string, unknown> = {};
  reads.forEach(({ key }, i) => {
    const value = values[i];
    data[key] = asText && typeof value === 'string' ? JsonText.fromPostgres(value) : value;
  });
  return data;
}
