import { GraphQLBoolean, GraphQLInt, GraphQLString, type GraphQLScalarType } from 'graphql';
import { assertNever } from '../entities/columnTypes';
import type { FieldType } from '../metadata/types';
import { DateScalar, DateTimeScalar, DecimalScalar, EmailScalar, JsonScalar, MoneyScalar, UrlScalar } from './scalars';
import type { FilterKind } from './filterInputs';

/** How a scalar field type appears in GraphQL: its output scalar, input scalar and filter. */
export interface ScalarFieldMapping {
  readonly output: GraphQLScalarType;
  /** Input scalar; semantic checks (pattern, e-mail, options...) run in `validateInput`. */
  readonly input: GraphQLScalarType;
  readonly filter: FilterKind;
  readonly sortable: boolean;
  /** Whether the element is a list of the scalar (multiChoice). */
  readonly list: boolean;
}

const scalar = (
  output: GraphQLScalarType,
  filter: FilterKind,
  input: GraphQLScalarType = output,
  sortable = true,
): ScalarFieldMapping => ({ output, input, filter, sortable, list: false });

/** The mapping of every field type with a column of its own; exhaustive over FieldType. */
export function scalarFieldMapping(type: Exclude<FieldType, 'reference' | 'references'>): ScalarFieldMapping {
  switch (type) {
    case 'string':
    case 'text':
    case 'phone':
    case 'choice':
      return scalar(GraphQLString, 'string');
    case 'email':
      return scalar(EmailScalar, 'string', GraphQLString);
    case 'url':
      return scalar(UrlScalar, 'string', GraphQLString);
    case 'integer':
      return scalar(GraphQLInt, 'int');
    case 'decimal':
      return scalar(DecimalScalar, 'decimal');
    case 'money':
      return scalar(MoneyScalar, 'money');
    case 'boolean':
      return scalar(GraphQLBoolean, 'boolean');
    case 'date':
      return scalar(DateScalar, 'date');
    case 'datetime':
      return scalar(DateTimeScalar, 'datetime');
    case 'multiChoice':
      return { output: GraphQLString, input: GraphQLString, filter: 'multiChoice', sortable: false, list: true };
    case 'json':
      return scalar(JsonScalar, 'json', JsonScalar, false);
    default:
      return assertNever(type);
  }
}
