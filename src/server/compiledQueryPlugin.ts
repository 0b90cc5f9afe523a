import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener, type GraphQLResponse } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import type { RequestContext } from '../resolvers/context';
import { runRead } from '../resolvers/readResolvers';
import { compiledPlanOf } from './compiledPlan';
import { JsonText } from './JsonText';
import { statementsFor } from './statementCache';

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
  // Each root field is its own statement (with its own parameters), as the resolvers do.
  const statements = statementsFor(plan, operation, context, variables);
  const values = await Promise.all(statements.map((statement) => runRead(context.db, statement)));
  const data: Record<string, unknown> = {};
  plan.reads.forEach(({ key }, i) => {
    const value = values[i];
    data[key] = plan.asText && typeof value === 'string' ? JsonText.fromPostgres(value) : value;
  });
  return data;
}
