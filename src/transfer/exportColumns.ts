import { SYSTEM_FIELDS, columnName, tableName } from '../entities/storageNames';
import type { AccessPolicy } from '../access/AccessPolicy';
import type { FieldError } from '../errors';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import { outputSql } from '../resolvers/compiler/outputSql';
import { and, ident, type SqlBuilder } from '../resolvers/compiler/SqlBuilder';
import { columnStorage } from '../entities/columnTypes';
import { inflection } from '../schema/inflection';
import { readableFields } from '../schema/visibleFields';
import { parseColumnPath } from './columnPath';

/** How a value is written: spreadsheets get numbers as numbers and text neutralised. */
export type ValueKind = 'text' | 'number' | 'boolean' | 'list' | 'json' | 'id';

/** One exported column: its header (the path as given) and its value as SQL on a row alias. */
export interface ExportColumn {
  readonly path: string;
  readonly kind: ValueKind;
  readonly sql: (alias: string, sql: SqlBuilder) => string;
}

/** json_build_array takes at most 100 arguments. */
export const MAX_COLUMNS = 100;

/**
 * Resolves column paths (`company.name`) on `entity`: every step but the last follows a
 * reference; the last is a field or a built-in field. Steps with arguments
 * (`defaultAddress(kind: billing)`) parse already; the addresses trait (issue 6) is to add
 * them as to-one steps here. Every bad column is reported as `columns[i]`; a field `access`
 * may not read (readRoles, sensitive, a hidden type) is no field (issue 5).
 */
export function resolveColumns(
  access: AccessPolicy,
  entity: EntityDefinition,
  paths: readonly string[],
): { columns: ExportColumn[]; errors: FieldError[] } {
  const columns: ExportColumn[] = [];
  const errors: FieldError[] = [];
  if (paths.length === 0) errors.push({ field: 'columns', message: 'name at least one column' });
  if (paths.length > MAX_COLUMNS) errors.push({ field: 'columns', message: `at most ${MAX_COLUMNS} columns` });
  paths.forEach((path, i) => {
    const column = resolveColumn(access, entity, path, `columns[${i}]`);
    if ('message' in column) errors.push(column);
    else columns.push(column);
  });
  return { columns, errors };
}

function resolveColumn(access: AccessPolicy, start: EntityDefinition, path: string, at: string): ExportColumn | FieldError {
  const registry: MetadataRegistry = access.registry;
  const steps = parseColumnPath(path, at);
  if (!Array.isArray(steps)) return steps;
  const hops: { field: FieldDefinition; target: EntityDefinition }[] = [];
  let entity = start;
  for (const [i, step] of steps.entries()) {
    const here = `${inflection.typeName(entity)}.${step.name}`;
    if (Object.keys(step.args).length > 0) return { field: at, message: `${here} takes no arguments` };
    const last = i === steps.length - 1;
    if (last && step.name in SYSTEM_FIELDS) {
      const { column, sqlType } = SYSTEM_FIELDS[step.name as keyof typeof SYSTEM_FIELDS];
      const kind: ValueKind = step.name === 'id' ? 'id' : step.name === 'version' ? 'number' : 'text';
      return { path, kind, sql: followed(hops, (alias) => outputSql(`${alias}.${ident(column)}`, sqlType)) };
    }
    const field = readableFields(registry, access, entity).find((f) => f.name === step.name);
    if (!field) return { field: at, message: `${here} is not a field` };
    if (field.type === 'references') return { field: at, message: `${here} is a list of records; export them from their own type` };
    if (!last) {
      if (field.type !== 'reference') return { field: at, message: `${here} is not a reference, so nothing follows it` };
      hops.push({ field, target: registry.get(field.target!) });
      entity = registry.get(field.target!);
      continue;
    }
    // Values as the API answers them: exact decimals as text, money with two decimals at least, UTC times.
    const value = (alias: string) => outputSql(`${alias}.${ident(columnName(field))}`, columnStorage(field).sqlType, field.type);
    return { path, kind: kindOf(field), sql: followed(hops, value) };
  }
  return { field: at, message: 'is empty' };
}

/**
 * The value at the end of a chain of references, as nested correlated sub-selects; a
 * referenced row outside the reader's scope (`sql.visible`) gives an empty value.
 */
function followed(hops: readonly { field: FieldDefinition; target: EntityDefinition }[], value: (alias: string) => string) {
  return (alias: string, sql: SqlBuilder): string => {
    const step = (from: string, i: number): string => {
      if (i === hops.length) return value(from);
      const hop = hops[i]!;
      const r = sql.alias();
      const where = and([`${r}.id = ${from}.${ident(columnName(hop.field))}`, sql.visible(hop.target, r)]);
      return `(SELECT ${step(r, i + 1)} FROM ${ident(tableName(hop.target))} ${r} WHERE ${where})`;
    };
    return step(alias, 0);
  };
}

function kindOf(field: FieldDefinition): ValueKind {
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'money':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'multiChoice':
      return 'list';
    case 'json':
      return 'json';
    case 'reference':
      return 'id';
    default:
      return 'text';
  }
}
