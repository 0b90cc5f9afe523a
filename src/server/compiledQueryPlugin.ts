import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener, type GraphQLResponse } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import type { RequestContext } from '../resolvers/context';
import { runRead } from '../resolvers/readResolvers';
import { compiledPlanOf, type CompiledPlan, type PlannedWrite } from './compiledPlan';
import { JsonText } from './JsonText';
import { statementsFor } from './statementCache';

/**
 * Answers a query whose root fields are all compiled reads (`<type>(id:)`, `<plural>(...)`),
 * or a mutation of one `create<Type>` or `update<Type>` field, straight from the JSON
 * PostgreSQL built, without graphql-js walking every field of it: that walk was most of a
 * read's CPU in Node, and a write's graphql-js execution a good part of its own (issue 3). The JSON text goes into the response as it
 * is (`JsonText`, `stringifyResult`), and whether a query qualifies is decided once per
 * document (`compiledPlanOf`). Parsing, validation, limits, cost and the context
 * (authentication) have run before this hook. Anything else falls back to normal execution,
 * which also reports every error: other root fields, a leaf whose SQL value is not its
 * serialised value, variables or arguments that do not coerce, a failed statement, a write
 * that refused or failed (it wrote nothing, see `runWrite`).
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
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return undefined;
  const variables = coerced.coerced;
  const plan = compiledPlanOf(schema, document, operation, variables);
  if (!plan) return undefined;
  if (plan.write) return { [plan.write.key]: asAnswer(plan, await runWrite(plan, plan.write, context, variables)) };
  // Each root field is its own statement (with its own parameters), as the resolvers do.
  const statements = statementsFor(plan, operation, context, variables);
  const values = await Promise.all(statements.map((statement) => runRead(context.db, statement)));
  const data: Record<string, unknown> = {};
  plan.reads.forEach(({ key }, i) => (data[key] = asAnswer(plan, values[i])));
  return data;
}

/**
 * The mutation's write with the plan's selection. It either answers with the record it
 * wrote (one statement, so never null), or throws before anything is written: its own
 * refusals (validation, a conflict) and a failed statement write nothing, and a write that
 * would take several statements refuses to start without graphql-js (`OnlyOneStatementError`).
 * So graphql-js can always run the mutation again, and reports the error as usual.
 */
function runWrite(plan: CompiledPlan, { field, write, type, nodes }: PlannedWrite, context: RequestContext, variables: Record<string, unknown>) {
  const args = getArgumentValues(field, nodes[0]!, variables);
  const { schema, fragments, asText } = plan;
  return write.answer(context, args, { schema, fragments, variables, type, fieldNodes: nodes, asText });
}

function asAnswer(plan: CompiledPlan, value: unknown): unknown {
  return plan.asText && typeof value === 'string' ? JsonText.fromPostgres(value) : value;
}
