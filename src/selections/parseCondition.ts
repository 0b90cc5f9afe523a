import { coerceInputValue, GraphQLError, type GraphQLInputObjectType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { columnStorage } from '../entities/columnTypes';
import { SYSTEM_FIELDS } from '../entities/storageNames';
import type { AccessPolicy } from '../access/AccessPolicy';
import { BadUserInputError, type FieldError } from '../errors';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition } from '../metadata/types';
import { inflection } from '../schema/inflection';
import { readableFields, readableRelations } from '../schema/visibleFields';
import { isUuid } from '../resolvers/validateInput';
import {
  AGGREGATE_FUNCTIONS,
  AGGREGATE_OPERATORS,
  type AggregateCondition,
  type AggregateFunction,
  type ConditionTree,
  type ParsedCondition,
  type SelectionReference,
} from './ParsedCondition';
import { isRelativeDate, resolveRelativeDate } from './relativeDate';

const QUANTIFIERS = ['some', 'none', 'every'];
const NUMERIC = new Set(['integer', 'decimal', 'money']);
const TEMPORAL = new Set(['date', 'datetime']);

/**
 * Validates a selection condition (contract section 7) against the type `typeName` and
 * returns it coerced for `compileWhere`. Field filters are coerced by the generated
 * `<T>Where` input types of `schema`, so the condition language is exactly the API's
 * `where`; relative dates are resolved on `now`. Every problem is collected and thrown at
 * once as BAD_USER_INPUT naming its path (`condition.AND[0].company.country.eq`).
 * Only what `access` may read exists here (issue 5): types, fields (readRoles, sensitive)
 * and relations hidden from the caller are unknown, as in the caller's schema.
 */
export function parseCondition(
  access: AccessPolicy,
  schema: GraphQLSchema,
  typeName: string,
  condition: unknown,
  now: Date,
  root = 'condition',
): ParsedCondition {
  const parser = new ConditionParser(access, schema, now);
  const entity = readableType(access, typeName);
  const where = parser.tree(entity, condition, root);
  if (parser.errors.length > 0) throw new BadUserInputError(parser.errors);
  return { type: entity.name, where, references: parser.references };
}

class ConditionParser {
  readonly errors: FieldError[] = [];
  readonly references: SelectionReference[] = [];

  private readonly registry: MetadataRegistry;

  constructor(
    private readonly access: AccessPolicy,
    private readonly schema: GraphQLSchema,
    private readonly now: Date,
  ) {
    this.registry = access.registry;
  }

  tree(entity: EntityDefinition, value: unknown, path: string): ConditionTree {
    const out: ConditionTree = {};
    if (!isObject(value)) {
      this.fail(path, `must be an object of conditions on ${inflection.typeName(entity)}`);
      return out;
    }
    for (const [key, inner] of Object.entries(value)) {
      const at = `${path}.${key}`;
      if (inner === null || inner === undefined) continue;
      if (key === 'AND' || key === 'OR') {
        if (!Array.isArray(inner)) this.fail(at, 'must be a list of conditions');
        else out[key] = inner.map((item, i) => this.tree(entity, item, `${at}[${i}]`));
      } else if (key === 'NOT') {
        out[key] = this.tree(entity, inner, at);
      } else if (key === 'selection') {
        if (!isUuid(inner)) this.fail(at, 'must be the id of a saved selection');
        else {
          this.references.push({ id: inner, type: entity.name, path: at });
          out[key] = inner;
        }
      } else if (key === 'aggregate') {
        const aggregate = this.aggregate(entity, inner, at);
        if (aggregate) out[key] = aggregate;
      } else {
        const field = this.field(entity, key, inner, at);
        if (field !== undefined) out[key] = field;
      }
    }
    return out;
  }

  /** A field, system field, reference or to-many relation under `key`. */
  private field(entity: EntityDefinition, key: string, value: unknown, path: string): unknown {
    const field = readableFields(this.registry, this.access, entity).find((f) => f.name === key && f.type !== 'references');
    if (field?.type === 'reference') return this.tree(this.registry.get(field.target!), value, path);
    if (field || key in SYSTEM_FIELDS) {
      const whereType = this.schema.getType(inflection.whereType(entity)) as GraphQLInputObjectType;
      const temporal = field ? TEMPORAL.has(field.type) : key === 'createdAt' || key === 'updatedAt';
      const dateOnly = field?.type === 'date';
      return this.coerce(whereType.getFields()[key]!.type, this.withDates(value, temporal, dateOnly, path), path);
    }
    const relation = readableRelations(this.registry, this.access, entity).find((r) => r.name === key);
    if (!relation) {
      this.fail(path, `is not a field of ${inflection.typeName(entity)}`);
      return undefined;
    }
    if (!isObject(value)) {
      this.fail(path, 'must be an object with some, none or every');
      return undefined;
    }
    const out: ConditionTree = {};
    for (const [quantifier, inner] of Object.entries(value)) {
      if (!QUANTIFIERS.includes(quantifier)) this.fail(`${path}.${quantifier}`, 'is not one of some, none, every');
      else if (inner !== null && inner !== undefined) out[quantifier] = this.tree(relation.relation.target, inner, `${path}.${quantifier}`);
    }
    return out;
  }

  /** `{ relation, where, fn, field, <op>: value }` over a to-many relation of `entity`. */
  private aggregate(entity: EntityDefinition, value: unknown, path: string): AggregateCondition | undefined {
    if (!isObject(value)) {
      this.fail(path, 'must be an object { relation, where, fn, field, <operator>: value }');
      return undefined;
    }
    const before = this.errors.length;
    const relations = readableRelations(this.registry, this.access, entity);
    const relation = relations.find((r) => r.name === value.relation);
    if (!relation) this.fail(`${path}.relation`, `must be a to-many relation of ${inflection.typeName(entity)}: ${relations.map((r) => r.name).join(', ') || 'none'}`);
    const fn = value.fn as AggregateFunction;
    if (!(AGGREGATE_FUNCTIONS as readonly unknown[]).includes(fn)) this.fail(`${path}.fn`, `must be one of: ${AGGREGATE_FUNCTIONS.join(', ')}`);
    const target = relation?.relation.target;
    const field = target && readableFields(this.registry, this.access, target).find((f) => f.name === value.field);
    if (target && value.field !== undefined && !field) this.fail(`${path}.field`, `is not a field of ${inflection.typeName(target)}`);
    else if (target && fn !== 'count' && value.field === undefined) this.fail(`${path}.field`, `is required for ${fn}`);
    else if (field && (fn === 'sum' || fn === 'avg') && !NUMERIC.has(field.type)) this.fail(`${path}.field`, `${fn} needs a number field`);
    else if (field && (fn === 'min' || fn === 'max') && !NUMERIC.has(field.type) && !TEMPORAL.has(field.type)) {
      this.fail(`${path}.field`, `${fn} needs a number or date field`);
    }
    const where = target && value.where !== undefined && value.where !== null ? this.tree(target, value.where, `${path}.where`) : undefined;
    const sqlType = fn === 'count' ? 'bigint' : fn === 'sum' || fn === 'avg' || !field ? 'numeric' : columnStorage(field).sqlType;
    const filter: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(value)) {
      if (['relation', 'where', 'fn', 'field'].includes(key)) continue;
      if (!(AGGREGATE_OPERATORS as readonly string[]).includes(key)) {
        this.fail(`${path}.${key}`, `is not one of relation, where, fn, field, ${AGGREGATE_OPERATORS.join(', ')}`);
        continue;
      }
      filter[key] = this.aggregateValue(raw, sqlType, `${path}.${key}`);
    }
    if (Object.keys(filter).length === 0) this.fail(path, `needs a comparison: one of ${AGGREGATE_OPERATORS.join(', ')}`);
    if (this.errors.length > before) return undefined;
    return { relation: relation!.name, where, fn, field, filter, sqlType };
  }

  private aggregateValue(raw: unknown, sqlType: string, path: string): unknown {
    if (sqlType === 'date' || sqlType === 'timestamptz') {
      const value = this.withDates(raw, true, sqlType === 'date', path);
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) this.fail(path, 'must be a date (ISO 8601) or a relative date');
      return value;
    }
    const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
    if (typeof text !== 'string' || !/^-?\d+(\.\d+)?$/.test(text)) this.fail(path, 'must be a number');
    else if (sqlType === 'bigint' && text.includes('.')) this.fail(path, 'must be a whole number (count)');
    return text;
  }

  /** Replaces relative date values (`{ relative: ... }`) in a filter by ISO text. */
  private withDates(value: unknown, temporal: boolean, dateOnly: boolean, path: string): unknown {
    const resolve = (v: unknown, at: string): unknown => {
      if (!isRelativeDate(v)) return v;
      if (!temporal) {
        this.fail(at, 'relative dates apply to date and datetime fields only');
        return undefined;
      }
      const date = resolveRelativeDate(v, this.now, at);
      if (Array.isArray(date)) {
        this.errors.push(...date);
        return undefined;
      }
      return dateOnly ? date.toISOString().slice(0, 10) : date.toISOString();
    };
    if (isRelativeDate(value)) return resolve(value, path);
    if (!isObject(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([op, v]) => [op, Array.isArray(v) ? v.map((x, i) => resolve(x, `${path}.${op}[${i}]`)) : resolve(v, `${path}.${op}`)]),
    );
  }

  private coerce(type: GraphQLInputType, value: unknown, path: string): unknown {
    return coerceInputValue(value, type, (at, _invalid, error: GraphQLError) => {
      const suffix = at.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
      this.fail(`${path}${suffix}`, error.message);
    });
  }

  private fail(field: string, message: string): void {
    this.errors.push({ field, message });
  }
}

/** The type named `name` if the caller may read it; else BAD_USER_INPUT listing those it may (hidden ones stay unnamed). */
export function readableType(access: AccessPolicy, name: string): EntityDefinition {
  const readable = access.registry.entities.filter((e) => access.can(e, 'read'));
  const entity = readable.find((e) => e.name === name);
  if (!entity) throw new BadUserInputError([{ field: 'type', message: `is not a type you may read: ${readable.map((e) => e.name).join(', ')}` }]);
  return entity;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
