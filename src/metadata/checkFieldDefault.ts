import type { PathSegment, Report } from './formatPath';
import type { FieldType } from './types';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;
const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * Checks that a field's `default` fits its type and its own constraints (contract section 2):
 * a string for string-like and choice types, 'YYYY-MM-DD' for dates, an ISO date-time, an
 * integer, a number or numeric string for decimal and money, a boolean, a list of strings for
 * multiChoice; choices must be among the `options` when those are given.
 */
export function checkFieldDefault(
  field: Readonly<Record<string, unknown>>,
  type: FieldType,
  path: readonly PathSegment[],
  report: Report,
): void {
  const value = field.default;
  const at = [...path, 'default'];
  switch (type) {
    case 'string':
    case 'text':
    case 'email':
    case 'phone':
    case 'url':
      if (typeof value !== 'string') return report(at, 'must be a string');
      return checkText(value, field, at, report);
    case 'choice':
      if (typeof value !== 'string') return report(at, 'must be a string');
      return checkOption(value, field, at, report);
    case 'multiChoice':
      if (!Array.isArray(value)) return report(at, 'must be a list of strings');
      value.forEach((item: unknown, index) => {
        if (typeof item !== 'string') report([...at, index], 'must be a string');
        else checkOption(item, field, [...at, index], report);
      });
      return;
    case 'date':
      if (typeof value !== 'string' || !isDate(value)) return report(at, 'must be a date like 2024-12-31');
      return;
    case 'datetime':
      if (typeof value !== 'string' || !isDateTime(value)) {
        return report(at, 'must be an ISO date-time like 2024-12-31T09:30:00Z');
      }
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return report(at, 'must be an integer');
      return checkRange(value, field, at, report);
    case 'decimal':
    case 'money':
      if (typeof value === 'number' && Number.isFinite(value)) return checkRange(value, field, at, report);
      if (typeof value === 'string' && NUMERIC.test(value)) return checkRange(Number(value), field, at, report);
      return report(at, 'must be a number or a numeric string');
    case 'boolean':
      if (typeof value !== 'boolean') report(at, 'must be true or false');
      return;
    case 'json':
    case 'reference':
    case 'references':
      return;
    default:
      return assertNever(type);
  }
}

function checkText(value: string, field: Readonly<Record<string, unknown>>, at: PathSegment[], report: Report): void {
  const { maxLength, pattern } = field;
  if (typeof maxLength === 'number' && [...value].length > maxLength) {
    report(at, `is longer than maxLength (${maxLength})`);
  }
  if (typeof pattern === 'string') {
    const regExp = tryRegExp(pattern);
    if (regExp && !regExp.test(value)) report(at, `does not match pattern ${pattern}`);
  }
}

function checkOption(value: string, field: Readonly<Record<string, unknown>>, at: PathSegment[], report: Report): void {
  const { options } = field;
  if (Array.isArray(options) && !options.includes(value)) {
    report(at, `"${value}" is not one of the options: ${options.join(', ')}`);
  }
}

function checkRange(value: number, field: Readonly<Record<string, unknown>>, at: PathSegment[], report: Report): void {
  const { min, max } = field;
  if (typeof min === 'number' && value < min) report(at, `is less than min (${min})`);
  if (typeof max === 'number' && value > max) report(at, `is greater than max (${max})`);
}

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  return match !== null && isDate(match[1] ?? '') && !Number.isNaN(Date.parse(value));
}

/** The compiled pattern, or undefined when it does not compile (reported by checkField). */
function tryRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled field type ${String(value)}`);
}
