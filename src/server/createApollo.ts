import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { RequestContext } from '../resolvers/context';
import { compiledQueryPlugin, type ExecutionObserver } from './compiledQueryPlugin';
import { makeFormatError } from './formatError';
import { queryCostPlugin } from './queryCost';
import { DEFAULT_QUERY_LIMITS, queryLimitProtection } from './queryLimits';
import { storageAheadPlugin } from './storageAhead';
import { stringifyResult } from './stringifyResult';

/**
 * A started Apollo server for one schema, with the query limits, error masking and CSRF
 * prevention every schema gets. Introspection and field suggestions are off in production
 * unless `INTROSPECTION=on` (issue 5, item 5).
 */
export async function createApollo(schema: GraphQLSchema, config: Config, observeExecution?: ExecutionObserver): Promise<ApolloServer<RequestContext>> {
  const protection = queryLimitProtection(DEFAULT_QUERY_LIMITS, !config.development && !config.introspection);
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
      ...(config.development ? [] : [ApolloServerPluginLandingPageDisabled()]),
    ],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: DEFAULT_QUERY_LIMITS.maxTokens },
    introspection: config.development || config.introspection,
    includeStacktraceInErrorResponses: config.development,
    formatError: makeFormatError(config.development, (error) => console.error(error)),
    csrfPrevention: true,
    // Compiled answers carry PostgreSQL's JSON text, spliced in instead of re-serialised.
    stringifyResult,
  });
  await apollo.start();
  return apollo;
}
