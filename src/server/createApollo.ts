import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { RequestContext } from '../resolvers/context';
import { compiledQueryPlugin, type ExecutionObserver } from './compiledQueryPlugin';
import { makeFormatError } from './formatError';
import { queryCostPlugin } from './queryCost';
import { DEFAULT_QUERY_LIMITS, queryLimitProtection } from './queryLimits';
import { storageAheadPlugin } from './storageAhead';

/** A started ApolloServer for one schema, with the query limits and error masking (contract section 4). */
export async function createApollo(
  schema: GraphQLSchema,
  development: boolean,
  observeExecution?: ExecutionObserver,
): Promise<ApolloServer<RequestContext>> {
  const protection = queryLimitProtection(DEFAULT_QUERY_LIMITS, !development);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    ...protection,
    plugins: [
      ...protection.plugins,
      queryCostPlugin(DEFAULT_QUERY_LIMITS.maxCost),
      compiledQueryPlugin(observeExecution),
      storageAheadPlugin,
      // No cache hints or federation traces here; both plugins would hook every field.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...(development ? [] : [ApolloServerPluginLandingPageDisabled()]),
    ],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: DEFAULT_QUERY_LIMITS.maxTokens },
    introspection: true,
    includeStacktraceInErrorResponses: development,
    formatError: makeFormatError(development, (error) => console.error(error)),
    csrfPrevention: true,
  });
  await apollo.start();
  return apollo;
}
