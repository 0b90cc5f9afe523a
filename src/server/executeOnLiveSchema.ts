import type { IncomingMessage } from 'node:http';
import type { HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';
import type { RequestContext } from '../resolvers/context';
import type { DefinitionReloader } from './definitionReloader';
import type { LiveSchema, LiveState } from './liveSchema';
import { ranBehindStorage } from './storageAhead';

type ContextFor = (state: LiveState, request: IncomingMessage) => Promise<RequestContext>;

/**
 * Runs a GraphQL request on the live state current when it starts (issue 4, rule 3). When
 * it failed because another instance already renamed storage under it, the newer version
 * is picked up at once and the request runs again on it, so the swap fails no request.
 */
export function executeOnLiveSchema(live: LiveSchema, reloader: DefinitionReloader, contextFor: ContextFor) {
  const run = (given: HTTPGraphQLRequest, request: IncomingMessage) =>
    live.use(async (state) => {
      const httpGraphQLRequest = { ...given }; // a fresh key for ranBehindStorage per run
      const response = await state.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => contextFor(state, request) });
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
