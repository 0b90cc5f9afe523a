import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Bounds on every query: depth, aliases, directives, tokens and cost (QUERY_TOO_COMPLEX past them). */
export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxCost: number;
}

/** maxCost counts values a query may return, page sizes multiplied (see queryCost.ts). */
export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxDirectives: 50, maxTokens: 5000, maxCost: 50000 };

/** graphql-armor's protections (Apollo plugins and validation rules); cost is ours (queryCost.ts). */
export function queryLimitProtection(limits: QueryLimits, hideSuggestions: boolean) {
  const common = { propagateOnRejection: true, exposeLimits: true } as const;
  const armor = new ApolloArmor({
    maxDepth: { ...common, n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { ...common, n: limits.maxAliases },
    maxDirectives: { ...common, n: limits.maxDirectives },
    // Tokens are counted by graphql-js's own parser (parseOptions): armor's plugin re-parses
    // in a hook and turned every plain syntax error into a 500.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: hideSuggestions },
  });
  return armor.protect();
}

// graphql-armor and graphql-js's token limit report rejections as syntax errors with these phrases.
const LIMIT_MESSAGE = /^Syntax Error: (Query depth limit|Aliases limit|Directives limit|Document contains more th(?:an|at) \d+ tokens)/;

/** Whether an Apollo request error is one of graphql-armor's limit rejections. */
export function isQueryLimitRejection(message: string): boolean {
  return LIMIT_MESSAGE.test(message);
}
