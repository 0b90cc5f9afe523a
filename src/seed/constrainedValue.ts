import { columnStorage } from '../entities/columnTypes';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import { fieldValue } from './fieldValue';
import { patternGenerator, type StringGenerator } from './patternGenerator';
import { SeedGenerationError } from './SeedGenerationError';
import type { ValueContext } from './ValueContext';

/**
 * What a field's definition demands of every value (contract section 2): a length limit
 * (`maxLength`, else the column's), a `pattern`, and for `unique` fields the values
 * already taken. Built once per field and type, then used for each record.
 */
export interface FieldConstraints {
  readonly field: FieldDefinition;
  readonly maxLength?: number;
  readonly pattern?: RegExp;
  readonly patternGenerator?: StringGenerator;
  /** Values taken so far, for unique fields. */
  readonly taken?: Set<string>;
}

/** Attempts per value before giving up; from `SUFFIX_FROM` on, unique strings get a suffix. */
const ATTEMPTS = 40;
const SUFFIX_FROM = 10;
/** Types whose values stay valid with `-12` appended (before the `@` for e-mail addresses). */
const SUFFIXABLE: ReadonlySet<FieldDefinition['type']> = new Set(['string', 'text', 'email']);

export function fieldConstraints(field: FieldDefinition): FieldConstraints {
  const maxLength = field.maxLength ?? columnStorage(field).length;
  const generator = field.pattern === undefined ? undefined : patternGenerator(field.pattern);
  return {
    field,
    ...(maxLength !== undefined ? { maxLength } : {}),
    ...(field.pattern !== undefined ? { pattern: new RegExp(field.pattern) } : {}),
    ...(generator ? { patternGenerator: generator } : {}),
    ...(field.unique ? { taken: new Set<string>() } : {}),
  };
}

/**
 * A value for the field that meets its constraints. When none can be found, a required
 * field throws `SeedGenerationError` naming the type and field; an optional one gets `null`.
 */
export function constrainedValue(entity: EntityDefinition, constraints: FieldConstraints, ctx: ValueContext): unknown {
  const { field, taken } = constraints;
  let failure = 'no values to choose from';
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const raw = fieldValue(field, ctx);
    if (raw === null) break;
    const value = typeof raw === 'string' ? fitString(raw, constraints, ctx, attempt) : raw;
    if (value === undefined) {
      failure = `cannot make a value that matches the pattern ${field.pattern ?? ''}`;
      continue;
    }
    if (taken) {
      const key = typeof value === 'string' ? value : JSON.stringify(value);
      if (taken.has(key)) {
        failure = `ran out of unique values after ${ATTEMPTS} attempts`;
        continue;
      }
      taken.add(key);
    }
    return value;
  }
  if (field.required) throw new SeedGenerationError(entity.name, field.name, failure);
  return null;
}

/** Cut to length, made unique by a suffix late on, and replaced by a pattern-made value if needed. */
function fitString(raw: string, constraints: FieldConstraints, ctx: ValueContext, attempt: number): string | undefined {
  const { field, maxLength, pattern, patternGenerator: generate } = constraints;
  let value = raw;
  if (constraints.taken && !pattern && attempt >= SUFFIX_FROM && SUFFIXABLE.has(field.type)) {
    value = withSuffix(value, `-${ctx.index + 1}${attempt > SUFFIX_FROM ? `-${attempt}` : ''}`, field.type, maxLength);
  }
  value = truncate(value, maxLength);
  if (!pattern || pattern.test(value)) return value;
  if (!generate) return undefined;
  const made = truncate(generate(ctx.random), maxLength);
  return pattern.test(made) ? made : undefined;
}

function withSuffix(value: string, suffix: string, type: FieldDefinition['type'], maxLength: number | undefined): string {
  const at = type === 'email' ? value.indexOf('@') : -1;
  if (at > 0) {
    const domain = value.slice(at);
    return `${truncate(value.slice(0, at), maxLength === undefined ? undefined : maxLength - domain.length - suffix.length)}${suffix}${domain}`;
  }
  return `${truncate(value, maxLength === undefined ? undefined : maxLength - suffix.length)}${suffix}`;
}

function truncate(value: string, maxLength: number | undefined): string {
  if (maxLength === undefined || value.length <= maxLength) return value;
  return value.slice(0, Math.max(0, maxLength)).trimEnd();
}
