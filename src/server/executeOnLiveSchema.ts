import type { IncomingMessage } from 'node:http';
import type { HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';
import type { DefinitionReloader } from './definitionReloader';
import type { LiveSchema, LiveState } from './liveSchema';
import type { GraphQLTarget } from './roleSchemas';
import { ranBehindStorage } from './storageAhead';

/** The caller's Apollo server (the schema of their roles, issue 5) on a state, and their context. */
type TargetFor = (state: LiveState, request: IncomingMessage) => Promise<GraphQLTarget>;

/**
 * Runs a GraphQL request on the live state current when it starts (issue 4, rule 3). When
 * it failed because another instance already renamed storage under it, the newer version
 * is picked up at once and the request runs again on it, so the swap fails no request.
 */
export function executeOnLiveSchema(live: LiveSchema, reloader: DefinitionReloader, targetFor: TargetFor) {
  const run = (given: HTTPGraphQLRequest, request: IncomingMessage) =>
    live.use(async (state) => {
      const httpGraphQLRequest = { ...given }; // a fresh key for ranBehindStorage per run
      const target = await targetFor(state, request);
      const response = await target.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: target.context });
      return { response, version: state.version, behind: ranBehindStorage(httpGraphQLRequest) };
    });
  return async (httpGraphQLRequest: HTTPGraphQLRequest, request: IncomingMessage): Promise<HTTPGraphQLResponse> => {
    const first = await run(httpGraphQLRequest, request);
    if (!first.behind) return first.response;
    await reloader.followDatabase();
    if (live.current().version === first.version) return first.response;
    return (await run(httpGraphQLRequest, request)).response;
  };
}
