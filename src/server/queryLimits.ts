import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import { QueryTooComplexError } from '../errors';

/** Bounds on every query: depth, aliases, directives, tokens and cost (QUERY_TOO_COMPLEX past them). */
export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxTokens: 5000, maxCost: 20000 };

/** graphql-armor's protections, reporting with our QUERY_TOO_COMPLEX code. */
export function queryLimitProtection(limits: QueryLimits, hideSuggestions: boolean) {
  const onReject = [(_ctx: unknown, error: GraphQLError) => toTooComplex(error)];
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, onReject, propagateOnRejection: true, exposeLimits: true },
    maxAliases: { n: limits.maxAliases, onReject, propagateOnRejection: true, exposeLimits: true },
    maxDirectives: { n: 50, onReject, propagateOnRejection: true },
    maxTokens: { n: limits.maxTokens, onReject, propagateOnRejection: true },
    costLimit: { maxCost: limits.maxCost, onReject, propagateOnRejection: true, exposeLimits: true },
    blockFieldSuggestion: { enabled: hideSuggestions },
  });
  return armor.protect();
}

function toTooComplex(error: GraphQLError): never {
  throw new QueryTooComplexError(error.message.replace(/^Syntax Error: /, ''));
}
