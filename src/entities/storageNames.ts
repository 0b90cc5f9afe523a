import { snakeCase } from '../metadata/casing';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';

/**
 * Every SQL name the engine uses (contract section 5): one table per type in snake_case,
 * one column per field, `<field>_id` for a reference, a link table per `references` field.
 * Constraint and index names are fixed here so that re-synchronising finds them again.
 */

export const SYSTEM_COLUMNS = { id: 'id', version: 'version', createdAt: 'created_at', updatedAt: 'updated_at' } as const;

/** The fields every record has, by GraphQL name, with their column and SQL type. */
export const SYSTEM_FIELDS: Readonly<Record<keyof typeof SYSTEM_COLUMNS, { column: string; sqlType: string }>> = {
  id: { column: SYSTEM_COLUMNS.id, sqlType: 'uuid' },
  version: { column: SYSTEM_COLUMNS.version, sqlType: 'integer' },
  createdAt: { column: SYSTEM_COLUMNS.createdAt, sqlType: 'timestamptz' },
  updatedAt: { column: SYSTEM_COLUMNS.updatedAt, sqlType: 'timestamptz' },
};

export function tableName(entity: Pick<EntityDefinition, 'name'>): string {
  return snakeCase(entity.name);
}

/** The column of a field that has one (every type but `references`). */
export function columnName(field: Pick<FieldDefinition, 'name' | 'type'>): string {
  return field.type === 'reference' ? `${snakeCase(field.name)}_id` : snakeCase(field.name);
}

export interface LinkTableNames {
  readonly table: string;
  /** Column holding the id of the record that declares the field. */
  readonly sourceColumn: string;
  /** Column holding the id of the referenced record. */
  readonly targetColumn: string;
}

export function linkTableNames(entity: Pick<EntityDefinition, 'name'>, field: FieldDefinition): LinkTableNames {
  const source = tableName(entity);
  const target = snakeCase(field.target ?? '');
  const table = `${source}_${snakeCase(field.name)}`;
  // A type referencing itself (employee.mentors -> employee) would get two equal column names.
  return source === target
    ? { table, sourceColumn: `source_${source}_id`, targetColumn: `target_${target}_id` }
    : { table, sourceColumn: `${source}_id`, targetColumn: `${target}_id` };
}

export function primaryKeyName(table: string): string {
  return `${table}_pkey`;
}

export function uniqueConstraintName(table: string, column: string): string {
  return `${table}_${column}_key`;
}

export function indexName(table: string, column: string): string {
  return `${table}_${column}_idx`;
}

export function foreignKeyName(table: string, column: string): string {
  return `${table}_${column}_fkey`;
}

/** A name as a quoted SQL identifier (`"person"`), safe whatever it holds. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
