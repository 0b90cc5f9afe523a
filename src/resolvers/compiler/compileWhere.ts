import { columnStorage } from '../../entities/columnTypes';
import type { MetadataRegistry } from '../../metadata/MetadataRegistry';
import { filterRelationsOf, type ToManyRelation } from '../../entities/relations';
import { SYSTEM_FIELDS, columnName, tableName } from '../../entities/storageNames';
import type { EntityDefinition } from '../../metadata/types';
import type { FilterOperator } from '../../schema/filterInputs';
import { and, ident, type SqlBuilder } from './SqlBuilder';

type Where = Record<string, unknown>;

/**
 * Keys a `where` may hold beyond the generated `<T>Where` fields, at any depth: selection
 * conditions add `aggregate` and `selection` (src/selections). The extension compiles its
 * keys itself and calls back into compileWhere for nested conditions.
 */
export interface WhereExtension {
  readonly keys: ReadonlySet<string>;
  compile(entity: EntityDefinition, key: string, value: unknown, alias: string, sql: SqlBuilder): string | undefined;
}

/**
 * Compiles a `<T>Where` value (already coerced by GraphQL) into a condition on `alias`,
 * or undefined when it restricts nothing (contract section 3).
 */
export function compileWhere(
  registry: MetadataRegistry,
  entity: EntityDefinition,
  where: Where | null | undefined,
  alias: string,
  sql: SqlBuilder,
  extension?: WhereExtension,
): string | undefined {
  if (!where) return undefined;
  const conditions: (string | undefined)[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined || value === null) continue;
    if (key === 'AND') {
      conditions.push(and((value as Where[]).map((w) => compileWhere(registry, entity, w, alias, sql, extension))));
    } else if (key === 'OR') {
      const parts = (value as Where[]).map((w) => compileWhere(registry, entity, w, alias, sql, extension) ?? 'TRUE');
      conditions.push(parts.length === 0 ? 'FALSE' : parts.map((p) => `(${p})`).join(' OR '));
    } else if (key === 'NOT') {
      const inner = compileWhere(registry, entity, value as Where, alias, sql, extension);
      if (inner) conditions.push(`NOT coalesce((${inner}), FALSE)`);
    } else if (extension?.keys.has(key)) {
      conditions.push(extension.compile(entity, key, value, alias, sql));
    } else if (key in SYSTEM_FIELDS) {
      const { column, sqlType } = SYSTEM_FIELDS[key as keyof typeof SYSTEM_FIELDS];
      conditions.push(compileFilter(`${alias}.${ident(column)}`, sqlType, value as Where, sql));
    } else {
      conditions.push(compileFieldCondition(registry, entity, key, value as Where, alias, sql, extension));
    }
  }
  return and(conditions);
}

function compileFieldCondition(
  registry: MetadataRegistry,
  entity: EntityDefinition,
  name: string,
  value: Where,
  alias: string,
  sql: SqlBuilder,
  extension: WhereExtension | undefined,
): string | undefined {
  const field = entity.fields.find((f) => f.name === name);
  if (field && field.type === 'reference') {
    const target = registry.get(field.target!);
    const r = sql.alias();
    const inner = compileWhere(registry, target, value, r, sql, extension);
    if (!inner) return undefined;
    // Only a visible referenced record can match: a filter must not reveal hidden ones.
    const where = and([`${r}.id = ${alias}.${ident(columnName(field))}`, sql.visible(target, r), inner]);
    return `EXISTS (SELECT 1 FROM ${ident(tableName(target))} ${r} WHERE ${where})`;
  }
  if (field && field.type !== 'references') {
    return compileFilter(`${alias}.${ident(columnName(field))}`, columnStorage(field).sqlType, value, sql);
  }
  const relation = filterRelationsOf(registry, entity).find((r) => r.name === name)!.relation;
  return compileToMany(registry, relation, value, alias, sql, extension);
}

/** `{ some, none, every }` as EXISTS / NOT EXISTS sub-queries. */
function compileToMany(
  registry: MetadataRegistry,
  relation: ToManyRelation,
  value: Where,
  alias: string,
  sql: SqlBuilder,
  extension: WhereExtension | undefined,
) {
  const conditions: string[] = [];
  for (const [quantifier, where] of Object.entries(value)) {
    if (where === undefined || where === null) continue;
    const c = sql.alias();
    const inner = compileWhere(registry, relation.target, where as Where, c, sql, extension);
    const visible = sql.visible(relation.target, c);
    const related = relatedRowsSql(relation, alias, c, sql) + (visible ? ` AND (${visible})` : '');
    if (quantifier === 'some') conditions.push(`EXISTS (${related}${inner ? ` AND ${inner}` : ''})`);
    else if (quantifier === 'none') conditions.push(`NOT EXISTS (${related}${inner ? ` AND ${inner}` : ''})`);
    else if (inner) conditions.push(`NOT EXISTS (${related} AND NOT coalesce((${inner}), FALSE))`);
  }
  return and(conditions);
}

/** `SELECT 1 FROM <related> c WHERE <c belongs to parent>`, open for more conditions. */
export function relatedRowsSql(relation: ToManyRelation, parent: string, child: string, sql: SqlBuilder): string {
  return `SELECT 1 FROM ${ident(relation.table)} ${child} WHERE ${belongsToParentSql(relation, parent, child, sql)}`;
}

/** The condition that row `child` is related to row `parent` through `relation`. */
export function belongsToParentSql(relation: ToManyRelation, parent: string, child: string, sql: SqlBuilder): string {
  if (relation.kind === 'foreignKey') return `${child}.${ident(relation.foreignKey)} = ${parent}.id`;
  const l = sql.alias();
  return `${child}.id IN (SELECT ${l}.${ident(relation.otherColumn)} FROM ${ident(relation.linkTable)} ${l} WHERE ${l}.${ident(relation.ownColumn)} = ${parent}.id)`;
}

/** One filter object (`{ gte: 5, lt: 10 }`) on a column; its operators are ANDed. */
export function compileFilter(column: string, sqlType: string, filter: Where, sql: SqlBuilder): string | undefined {
  const conditions: string[] = [];
  for (const [op, raw] of Object.entries(filter)) {
    if (raw === undefined) continue;
    const value = toSqlValue(raw);
    const one = () => sql.param(value, sqlType);
    const many = () => sql.param(value, sqlType.endsWith('[]') ? sqlType : `${sqlType}[]`);
    switch (op as FilterOperator) {
      case 'eq':
        conditions.push(value === null ? `${column} IS NULL` : `${column} = ${one()}`);
        break;
      case 'neq':
        conditions.push(value === null ? `${column} IS NOT NULL` : `${column} IS DISTINCT FROM ${one()}`);
        break;
      case 'in':
        if (value !== null) conditions.push(`${column} = ANY(${many()})`);
        break;
      case 'nin':
        if (value !== null) conditions.push(`(${column} IS NULL OR ${column} <> ALL(${many()}))`);
        break;
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte':
        if (value !== null) conditions.push(`${column} ${COMPARISON[op as 'lt']} ${one()}`);
        break;
      case 'like':
      case 'ilike':
        sql.planPerValue();
        if (value !== null) conditions.push(`${column} ${op === 'like' ? 'LIKE' : 'ILIKE'} ${sql.param(value, 'text')}`);
        break;
      case 'isNull':
        if (value !== null) conditions.push(value ? `${column} IS NULL` : `${column} IS NOT NULL`);
        break;
      case 'hasAny':
        sql.planPerValue();
        if (value !== null) conditions.push(`${column} && ${sql.param(value, 'text[]')}`);
        break;
      case 'hasAll':
        sql.planPerValue();
        if (value !== null) conditions.push(`${column} @> ${sql.param(value, 'text[]')}`);
        break;
      case 'contains':
        sql.planPerValue();
        if (value !== null) conditions.push(`${column} @> ${sql.param(JSON.stringify(value), 'jsonb')}`);
        break;
    }
  }
  return and(conditions);
}

const COMPARISON = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/** Scalars parse dates into Date objects; SQL gets ISO text. */
export function toSqlValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toSqlValue);
  return value;
}
