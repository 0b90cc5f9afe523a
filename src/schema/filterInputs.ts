import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLInputFieldConfigMap,
  type GraphQLScalarType,
} from 'graphql';
import { DateScalar, DateTimeScalar, DecimalScalar, JsonScalar, MoneyScalar } from './scalars';

/** Filter operators (contract section 3), generated per scalar from this table. */
export type FilterOperator =
  | 'eq' | 'neq' | 'in' | 'nin' | 'lt' | 'lte' | 'gt' | 'gte' | 'like' | 'ilike' | 'isNull'
  | 'hasAny' | 'hasAll' | 'contains';

export type FilterKind = 'string' | 'int' | 'decimal' | 'money' | 'boolean' | 'date' | 'datetime' | 'multiChoice' | 'json' | 'id';

const COMPARABLE: readonly FilterOperator[] = ['eq', 'neq', 'in', 'nin', 'lt', 'lte', 'gt', 'gte', 'isNull'];

const FILTERS: Record<FilterKind, { name: string; scalar: GraphQLScalarType; operators: readonly FilterOperator[] }> = {
  string: { name: 'StringFilter', scalar: GraphQLString, operators: [...COMPARABLE, 'like', 'ilike'] },
  int: { name: 'IntFilter', scalar: GraphQLInt, operators: COMPARABLE },
  decimal: { name: 'DecimalFilter', scalar: DecimalScalar, operators: COMPARABLE },
  money: { name: 'MoneyFilter', scalar: MoneyScalar, operators: COMPARABLE },
  boolean: { name: 'BooleanFilter', scalar: GraphQLBoolean, operators: ['eq', 'neq', 'isNull'] },
  date: { name: 'DateFilter', scalar: DateScalar, operators: COMPARABLE },
  datetime: { name: 'DateTimeFilter', scalar: DateTimeScalar, operators: COMPARABLE },
  multiChoice: { name: 'MultiChoiceFilter', scalar: GraphQLString, operators: ['hasAny', 'hasAll', 'isNull'] },
  json: { name: 'JSONFilter', scalar: JsonScalar, operators: ['contains', 'isNull'] },
  id: { name: 'IDFilter', scalar: GraphQLID, operators: ['eq', 'neq', 'in', 'nin'] },
};

const DESCRIPTIONS: Record<FilterOperator, string> = {
  eq: 'equal to (null: is null)',
  neq: 'not equal to (null values match)',
  in: 'one of',
  nin: 'none of (null values match)',
  lt: 'less than',
  lte: 'less than or equal to',
  gt: 'greater than',
  gte: 'greater than or equal to',
  like: 'SQL LIKE pattern, % for any text, _ for one character',
  ilike: 'like `like`, ignoring case',
  isNull: 'true: no value; false: any value',
  hasAny: 'holds at least one of these values',
  hasAll: 'holds all of these values',
  contains: 'JSON containment (@>)',
};

const LIST_OPERATORS = new Set<FilterOperator>(['in', 'nin', 'hasAny', 'hasAll']);

/** Builds the filter input types once per schema. */
export function buildFilterInputs(): Record<FilterKind, GraphQLInputObjectType> {
  const entries = Object.entries(FILTERS).map(([kind, spec]) => {
    const fields: GraphQLInputFieldConfigMap = {};
    for (const op of spec.operators) {
      const type =
        op === 'isNull'
          ? GraphQLBoolean
          : LIST_OPERATORS.has(op)
            ? new GraphQLList(new GraphQLNonNull(spec.scalar))
            : spec.scalar;
      fields[op] = { type, description: DESCRIPTIONS[op] };
    }
    return [kind, new GraphQLInputObjectType({ name: spec.name, fields })] as const;
  });
  return Object.fromEntries(entries) as Record<FilterKind, GraphQLInputObjectType>;
}
