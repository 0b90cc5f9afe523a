import { EmailAddressResolver } from 'graphql-scalars';
import { columnStorage } from '../entities/columnTypes';
import { columnName } from '../entities/storageNames';
import { BadUserInputError, type FieldError } from '../errors';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';

/** A value ready for a column: `$n::sqlType`. */
export interface ColumnValue {
  readonly field: FieldDefinition;
  readonly column: string;
  readonly value: unknown;
  readonly sqlType: string;
}

/** The new id list of a `references` field. */
export interface LinkValue {
  readonly field: FieldDefinition;
  readonly ids: readonly string[];
}

export interface ValidatedInput {
  readonly columns: readonly ColumnValue[];
  readonly links: readonly LinkValue[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHONE = /^\+?[0-9][0-9 ()/.-]{2,49}$/;
const MONEY = /^-?\d{1,15}(\.\d{1,4})?$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Checks a create or update input against the definition (required, maxLength, pattern,
 * min/max, formats, options) and converts it for SQL. Every problem is collected, then
 * thrown at once as BAD_USER_INPUT naming each field (contract section 4).
 */
export function validateInput(entity: EntityDefinition, input: Record<string, unknown>, mode: 'create' | 'update'): ValidatedInput {
  const errors: FieldError[] = [];
  const columns: ColumnValue[] = [];
  const links: LinkValue[] = [];
  for (const field of entity.fields) {
    if (field.managedBy) continue; // set by the engine or its own mutation (owned: reassign)
    const given = Object.prototype.hasOwnProperty.call(input, field.name) && input[field.name] !== undefined;
    if (!given) {
      if (mode === 'create' && field.required && field.default === undefined) errors.push({ field: field.name, message: 'is required' });
      continue;
    }
    const raw = input[field.name];
    const problem = raw === null || isBlank(raw) ? (field.required ? 'is required' : undefined) : checkValue(field, raw);
    if (problem) {
      errors.push({ field: field.name, message: problem });
      continue;
    }
    const value = raw === null || isBlank(raw) ? null : toStorage(field, raw);
    if (field.type === 'references') links.push({ field, ids: [...new Set((value ?? []) as string[])].sort() });
    else columns.push({ field, column: columnName(field), value, sqlType: columnStorage(field).sqlType });
  }
  if (errors.length > 0) throw new BadUserInputError(errors);
  return { columns, links };
}

function isBlank(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** The reason `value` is not acceptable for `field`, or undefined. */
function checkValue(field: FieldDefinition, value: unknown): string | undefined {
  switch (field.type) {
    case 'string':
    case 'text':
    case 'email':
    case 'phone':
    case 'url':
    case 'choice':
      return checkText(field, value as string);
    case 'multiChoice':
      return (value as string[]).map((v) => checkOption(field, v)).find(Boolean);
    case 'integer':
    case 'decimal':
    case 'money':
      return checkNumber(field, value as number | string);
    case 'reference':
      return isUuid(value) ? undefined : 'is not a valid id';
    case 'references':
      return (value as unknown[]).every(isUuid) ? undefined : 'holds an invalid id';
    case 'boolean':
    case 'date':
    case 'datetime':
    case 'json':
      return undefined; // the GraphQL scalar has checked it
  }
}

function checkText(field: FieldDefinition, value: string): string | undefined {
  const maxLength = field.maxLength ?? columnStorage(field).length;
  if (maxLength !== undefined && value.length > maxLength) return `must be at most ${maxLength} characters`;
  if (field.pattern && !patternOf(field).test(value)) return `must match the pattern ${field.pattern}`;
  if (field.type === 'email') {
    try {
      EmailAddressResolver.parseValue(value);
    } catch {
      return 'is not a valid e-mail address';
    }
  }
  if (field.type === 'url' && !isHttpUrl(value)) return 'is not a valid URL (http or https)';
  if (field.type === 'phone' && !PHONE.test(value)) return 'is not a valid phone number';
  if (field.type === 'choice') return checkOption(field, value);
  return undefined;
}

/** Each field's pattern compiled once (an import checks it on every row). */
const PATTERNS = new WeakMap<FieldDefinition, RegExp>();

function patternOf(field: FieldDefinition): RegExp {
  let pattern = PATTERNS.get(field);
  if (!pattern) {
    pattern = new RegExp(field.pattern!);
    PATTERNS.set(field, pattern);
  }
  return pattern;
}

function checkOption(field: FieldDefinition, value: string): string | undefined {
  if (field.options && !field.options.includes(value)) return `must be one of: ${field.options.join(', ')}`;
  if (value.length > 100) return 'must be at most 100 characters';
  return undefined;
}

function checkNumber(field: FieldDefinition, value: number | string): string | undefined {
  if (field.type === 'money' && !MONEY.test(String(value))) return 'must have at most 15 digits before and 4 after the decimal point';
  const number = Number(value);
  if (field.min !== undefined && number < field.min) return `must be at least ${field.min}`;
  if (field.max !== undefined && number > field.max) return `must be at most ${field.max}`;
  return undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function toStorage(field: FieldDefinition, value: unknown): unknown {
  if (value instanceof Date) return field.type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  if (field.type === 'json') return JSON.stringify(value);
  if (field.type === 'multiChoice') return [...new Set(value as string[])];
  return value;
}
