import type { FieldDefinition } from '../metadata/types';

/**
 * A validated selection condition (contract section 7): the `where` language as graphql-js
 * would have coerced it, so `compileWhere` takes it as it is, plus two keys at any level:
 * `aggregate` (an AggregateCondition) and `selection` (the id of another saved selection).
 */
export type ConditionTree = Record<string, unknown>;

export const AGGREGATE_FUNCTIONS = ['sum', 'count', 'min', 'max', 'avg'] as const;
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

export const AGGREGATE_OPERATORS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte'] as const;

/** `fn(field)` over the related rows of `relation` that match `where`, compared by `filter`. */
export interface AggregateCondition {
  readonly relation: string;
  readonly where: ConditionTree | undefined;
  readonly fn: AggregateFunction;
  /** Absent for `count`, which counts rows. */
  readonly field: FieldDefinition | undefined;
  /** Operator to value, e.g. `{ gte: '100000' }`, compared as `sqlType`. */
  readonly filter: Readonly<Record<string, unknown>>;
  readonly sqlType: string;
}

/** A `{ "selection": id }` node and the type it must select there. */
export interface SelectionReference {
  readonly id: string;
  readonly type: string;
  readonly path: string;
}

export interface ParsedCondition {
  readonly type: string;
  readonly where: ConditionTree;
  readonly references: readonly SelectionReference[];
}
