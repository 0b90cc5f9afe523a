import type { GraphQLSchema } from 'graphql';
import type { RequestContext } from '../resolvers/context';

/** The caller of an upload or export route and the schema live when the request came in. */
export interface TransferSession {
  readonly context: RequestContext;
  readonly schema: GraphQLSchema;
}
