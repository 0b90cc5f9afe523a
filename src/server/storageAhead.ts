import type { ApolloServerPlugin, GraphQLRequestListener, HTTPGraphQLRequest } from '@apollo/server';
import type { RequestContext } from '../resolvers/context';

/**
 * PostgreSQL errors that mean storage is ahead of the schema a request ran on: another
 * instance renamed a table or column (undefined_table, undefined_column) before this one
 * swapped in the new version (issue 4, rule 4). The failed statement wrote nothing.
 */
const STORAGE_AHEAD_CODES = new Set(['42P01', '42703']);

// Keyed by the HTTP request Apollo was given: Apollo may copy the context object.
const flagged = new WeakSet<HTTPGraphQLRequest>();

/** Marks the HTTP request when an error came from storage being ahead of its schema. */
export const storageAheadPlugin: ApolloServerPlugin<RequestContext> = {
  // Stateless, so one listener serves every request.
  requestDidStart: async () => storageAheadListener,
};

const storageAheadListener: GraphQLRequestListener<RequestContext> = {
  async didEncounterErrors({ request, errors }) {
    const ahead = errors.some((error) => STORAGE_AHEAD_CODES.has((error.originalError as { code?: string } | undefined)?.code ?? ''));
    if (ahead && request.http) flagged.add(request.http);
  },
};

export function ranBehindStorage(request: HTTPGraphQLRequest): boolean {
  return flagged.has(request);
}
