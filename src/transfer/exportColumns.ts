import { SYSTEM_FIELDS, columnName, tableName } from '../entities/storageNames';
import type { AccessPolicy } from '../access/AccessPolicy';
import type { FieldError } from '../errors';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { TRAITS } from '../metadata/traits';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import { outputSql } from '../resolvers/compiler/outputSql';
import { and, ident, type SqlBuilder } from '../resolvers/compiler/SqlBuilder';
import { columnStorage } from '../entities/columnTypes';
import { inflection } from '../schema/inflection';
import { readableFields } from '../schema/visibleFields';
import { parseColumnPath } from './columnPath';
import type { ColumnStep, StepRow } from './ColumnStep';

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
 * reference or a to-one step of one of the type's traits (`defaultAddress(kind: billing)`,
 * `ColumnStep`); the last is a field or a built-in field. Every bad column is reported as
 * `columns[i]`; a field `access` may not read (readRoles, sensitive, a hidden type) is no field (issue 5).
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
  const hops: StepRow[] = [];
  let entity = start;
  for (const [i, step] of steps.entries()) {
    const here = `${inflection.typeName(entity)}.${step.name}`;
    const last = i === steps.length - 1;
    const traitStep = traitStepsOf(registry, entity).get(step.name);
    if (traitStep) {
      if (last) return { field: at, message: `${here} is a record: name one of its fields after a dot` };
      const row = traitStep.row(step.args);
      if ('problem' in row) return { field: at, message: `${here} ${row.problem}` };
      hops.push(row);
      entity = traitStep.target;
      continue;
    }
    if (Object.keys(step.args).length > 0) return { field: at, message: `${here} takes no arguments` };
    if (last && Object.hasOwn(SYSTEM_FIELDS, step.name)) {
      const { column, sqlType } = SYSTEM_FIELDS[step.name as keyof typeof SYSTEM_FIELDS];
      const kind: ValueKind = step.name === 'id' ? 'id' : step.name === 'version' ? 'number' : 'text';
      return { path, kind, sql: followed(hops, (alias) => outputSql(`${alias}.${ident(column)}`, sqlType)) };
    }
    // A trait's own rows (an address) are as readable as the record they belong to.
    const fields = registry.find(entity.name) === entity ? readableFields(registry, access, entity) : entity.fields;
    const field = fields.find((f) => f.name === step.name);
    if (!field) return { field: at, message: `${here} is not a field` };
    if (field.type === 'references') return { field: at, message: `${here} is a list of records; export them from their own type` };
    if (!last) {
      if (field.type !== 'reference') return { field: at, message: `${here} is not a reference, so nothing follows it` };
      const target = registry.get(field.target!);
      hops.push({
        table: ident(tableName(target)),
        where: (from, to, sql) => and([`${to}.id = ${from}.${ident(columnName(field))}`, sql.visible(target, to)])!,
      });
      entity = target;
      continue;
    }
    // Values as the API answers them: exact decimals as text, money with two decimals at least, UTC times.
    const value = (alias: string) => outputSql(`${alias}.${ident(columnName(field))}`, columnStorage(field).sqlType, field.type);
    return { path, kind: kindOf(field), sql: followed(hops, value) };
  }
  return { field: at, message: 'is empty' };
}

/** The to-one steps the traits of `entity` add (none for a model a trait owns, such as an address). */
function traitStepsOf(registry: MetadataRegistry, entity: EntityDefinition): ReadonlyMap<string, ColumnStep> {
  if (registry.find(entity.name) !== entity) return new Map();
  return new Map(TRAITS.filter((t) => t.columnSteps && t.appliesTo(entity, registry)).flatMap((t) => Object.entries(t.columnSteps!(entity))));
}

/**
 * The value at the end of a chain of to-one steps, as nested correlated sub-selects; a
 * referenced row outside the reader's scope (`sql.visible` in the step's condition) gives an
 * empty value.
 */
function followed(hops: readonly StepRow[], value: (alias: string) => string) {
  return (alias: string, sql: SqlBuilder): string => {
    const step = (from: string, i: number): string => {
      if (i === hops.length) return value(from);
      const hop = hops[i]!;
      const r = sql.alias();
      return `(SELECT ${step(r, i + 1)} FROM ${hop.table} ${r} WHERE ${hop.where(from, r, sql)})`;
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
