import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DateResolver, DateTimeISOResolver, EmailAddressResolver, JSONResolver, URLResolver } from 'graphql-scalars';

/**
 * Scalars of the generated API. Dates, e-mail, URL and JSON come from graphql-scalars;
 * Decimal and Money travel as strings so that no value passes through a float.
 */
/**
 * DateTime in UTC keeping PostgreSQL's microseconds (a Date would cut them to
 * milliseconds, and a value read back would then no longer match itself in a filter).
 * Validation is graphql-scalars' DateTimeISO; the value itself stays text.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A point in time, ISO 8601, e.g. 2026-11-23T10:15:00.123456Z; input may carry any offset.',
  serialize: (value) => toUtcIso(value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    DateTimeISOResolver.parseValue(value);
    return toUtcIso(String(value));
  },
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime expects an ISO 8601 string');
    DateTimeISOResolver.parseLiteral(ast, {});
    return toUtcIso(ast.value);
  },
});

/** `2026-11-23T18:56:24.179786+01:00` -> `2026-11-23T17:56:24.179786Z` (sub-millisecond digits kept). */
function toUtcIso(text: string): string {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new GraphQLError(`Invalid DateTime ${JSON.stringify(text)}`);
  const iso = date.toISOString();
  const fraction = /T\d{2}:\d{2}:\d{2}\.(\d{4,})/.exec(text)?.[1];
  return fraction ? `${iso.slice(0, 20)}${fraction}Z` : iso;
}
export const DateScalar = DateResolver;
export const EmailScalar = EmailAddressResolver;
export const UrlScalar = URLResolver;
export const JsonScalar = JSONResolver;

const DECIMAL = /^-?\d+(\.\d+)?$/;

function decimalScalar(name: string, description: string, format: (text: string) => string): GraphQLScalarType {
  const parse = (value: unknown): string => {
    const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
    if (typeof text !== 'string' || !DECIMAL.test(text.trim())) {
      throw new GraphQLError(`${name} expects a decimal number such as "1234.50", got ${JSON.stringify(value)}`);
    }
    return text.trim();
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => format(String(value)),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => {
      // The literal's source text: 0.1 stays "0.1", never a float.
      if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT || ast.kind === Kind.STRING) return parse(ast.value);
      throw new GraphQLError(`${name} expects a number or a numeric string`);
    },
  });
}

export const DecimalScalar = decimalScalar(
  'Decimal',
  'An exact decimal number, serialised as a string ("1234.5678") so that no precision is lost.',
  (text) => text,
);

/** Money is stored with 4 decimals; clients see at least 2 ("100000.00", "19.9950"). */
export const MoneyScalar = decimalScalar(
  'Money',
  'An exact amount of money, serialised as a string with at least two decimals ("100000.00").',
  (text) => {
    const [whole, fraction = ''] = text.split('.');
    const trimmed = fraction.replace(/0+$/, '');
    return `${whole}.${trimmed.padEnd(2, '0')}`;
  },
);
