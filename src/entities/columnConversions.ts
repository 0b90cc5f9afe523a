import type { FieldDefinition, FieldType } from '../metadata/types';
import { columnStorage } from './columnTypes';

/**
 * How a stored column follows a change of its field's type (issue 4, rule "widening" and
 * "refused"). `undefined` means there is no conversion: the change is refused.
 */
export interface ColumnConversion {
  /** `ALTER COLUMN ... TYPE <sqlType> USING <using>`; the column is `"col"`-quoted by the caller. */
  readonly using: (column: string) => string;
  /** Rows that would not convert (or would lose something); none means the conversion is safe. */
  readonly loss?: { readonly where: (column: string) => string; readonly params: readonly unknown[]; readonly reason: string };
  /** Whether PostgreSQL keeps every value as it is (a widening). */
  readonly widening: boolean;
}

const VARCHAR_TYPES: readonly FieldType[] = ['string', 'email', 'phone', 'url', 'choice'];
const TEXT_LIKE: readonly FieldType[] = [...VARCHAR_TYPES, 'text'];
const INT4_RANGE = 'NOT BETWEEN -2147483648 AND 2147483647';

/** The SQL type of a column, with its length, as `ALTER COLUMN ... TYPE` takes it. */
export function columnSqlType(field: FieldDefinition): string {
  const storage = columnStorage(field);
  if (storage.length !== undefined) return `varchar(${storage.length})`;
  if (storage.precision !== undefined) return `numeric(${storage.precision},${storage.scale ?? 0})`;
  return storage.sqlType;
}

/** Whether the column of `field` must change type when `previous` becomes `next`. */
export function storageChanged(previous: FieldDefinition, next: FieldDefinition): boolean {
  return columnSqlType(previous) !== columnSqlType(next);
}

/**
 * The conversion from the column of `previous` to that of `next` (both not `references`,
 * and `storageChanged`). Conversions are declared here, by the engine: each one lists the
 * rows it cannot convert, and the planner applies it only when there are none.
 */
export function conversionOf(previous: FieldDefinition, next: FieldDefinition): ColumnConversion | undefined {
  const from = previous.type;
  const to = next.type;
  const target = columnSqlType(next);
  const cast = (c: string) => `"${c}"::${target}`;
  const length = columnStorage(next).length;
  if (from === 'reference' || to === 'reference') return undefined;
  if (TEXT_LIKE.includes(to) && from !== 'multiChoice' && from !== 'json') {
    const fromText = TEXT_LIKE.includes(from);
    const previousLength = fromText ? columnStorage(previous).length : undefined;
    const fits = length === undefined || (previousLength !== undefined && previousLength <= length);
    if (fits) return { using: fromText ? cast : (c) => `"${c}"::text::${target}`, widening: fromText };
    return {
      using: (c) => `"${c}"::text::${target}`,
      widening: false,
      loss: { where: (c) => `length("${c}"::text) > $1`, params: [length], reason: `longer than ${length} characters` },
    };
  }
  if (from === 'integer' && (to === 'decimal' || to === 'money')) return { using: cast, widening: true };
  if (from === 'money' && to === 'decimal') return { using: cast, widening: true };
  if (from === 'decimal' && to === 'money') {
    return { using: cast, widening: false, loss: { where: (c) => `("${c}" <> round("${c}", 4) OR abs("${c}") >= 1e15)`, params: [], reason: 'more than 4 decimals or 15 digits' } };
  }
  if ((from === 'decimal' || from === 'money') && to === 'integer') {
    return { using: cast, widening: false, loss: { where: (c) => `("${c}" <> trunc("${c}") OR "${c}" ${INT4_RANGE})`, params: [], reason: 'not a whole number in the integer range' } };
  }
  if (from === 'integer' && to === 'boolean') {
    return { using: (c) => `"${c}" <> 0`, widening: false, loss: { where: (c) => `"${c}" NOT IN (0, 1)`, params: [], reason: 'neither 0 nor 1' } };
  }
  if (from === 'boolean' && to === 'integer') return { using: (c) => `CASE WHEN "${c}" THEN 1 ELSE 0 END`, widening: true };
  if (from === 'date' && to === 'datetime') return { using: cast, widening: true };
  if (from === 'choice' && to === 'multiChoice') return { using: (c) => `CASE WHEN "${c}" IS NULL THEN NULL ELSE ARRAY["${c}"]::text[] END`, widening: true };
  if (from === 'multiChoice' && to === 'choice') {
    return { using: (c) => `"${c}"[1]::${target}`, widening: false, loss: { where: (c) => `cardinality("${c}") > 1`, params: [], reason: 'holding more than one value' } };
  }
  if (TEXT_LIKE.includes(from)) return textConversion(to, target);
  return undefined;
}

/** Text to a number, a date or a boolean: only when every stored text reads as one. */
function textConversion(to: FieldType, target: string): ColumnConversion | undefined {
  const patterns: Partial<Record<FieldType, string>> = {
    integer: '^\\s*[-+]?[0-9]{1,9}\\s*$',
    decimal: '^\\s*[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)\\s*$',
    date: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
    boolean: '^(true|false)$',
  };
  const pattern = patterns[to];
  if (!pattern) return undefined;
  return {
    using: (c) => `trim("${c}")::${target}`,
    widening: false,
    loss: { where: (c) => `"${c}" !~ $1`, params: [pattern], reason: `not readable as ${to}` },
  };
}
