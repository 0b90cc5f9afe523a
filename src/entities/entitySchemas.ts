import { EntitySchema, type EntitySchemaColumnOptions, type EntitySchemaIndexOptions, type EntitySchemaRelationOptions } from 'typeorm';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition, FieldDefinition, OnDeleteAction } from '../metadata/types';
import { columnStorage } from './columnTypes';
import {
  attributeDefinitionEntitySchemas,
  builtInTableIndexes,
  journalEntitySchemas,
  masterListEntitySchema,
  traitModels,
  type TraitModel,
} from './traitTables';
import {
  SYSTEM_COLUMNS,
  columnName,
  foreignKeyName,
  indexName,
  linkTableNames,
  primaryKeyName,
  tableName,
  uniqueConstraintName,
} from './storageNames';
import { workEntitySchemas } from './workTables';

/**
 * The model as TypeORM `EntitySchema` objects, built at runtime without decorators
 * (contract section 5). Property names equal column names so that every name in the
 * schema is the SQL name. Indexes TypeORM cannot express (GIN on arrays) are marked
 * `synchronize: false` and created by `synchronizeStorage`.
 */
export function buildEntitySchemas(registry: MetadataRegistry): EntitySchema[] {
  const schemas: EntitySchema[] = workEntitySchemas();
  for (const entity of registry.entities) {
    schemas.push(entitySchemaOf(entity, builtInTableIndexes(entity)));
    for (const field of entity.fields) {
      if (field.type === 'references') schemas.push(linkEntitySchemaOf(entity, field));
    }
  }
  schemas.push(
    ...traitModels(registry).map((t) => entitySchemaOf(t.model, t)),
    masterListEntitySchema(),
    ...attributeDefinitionEntitySchemas(registry),
    ...journalEntitySchemas(registry),
  );
  return schemas;
}

/** Indexes created outside TypeORM: `CREATE INDEX ... USING gin` for indexed multiChoice fields. */
export function ginIndexStatements(registry: MetadataRegistry): string[] {
  return registry.entities.flatMap((entity) =>
    entity.fields
      .filter((f) => f.type === 'multiChoice' && f.indexed)
      .map((f) => {
        const table = tableName(entity);
        const column = columnName(f);
        return `CREATE INDEX IF NOT EXISTS "${indexName(table, column)}" ON "${table}" USING gin ("${column}")`;
      }),
  );
}

/** `extra`: indexes and exclusion constraints a trait adds to a table it owns. */
function entitySchemaOf(entity: EntityDefinition, extra?: Pick<TraitModel, 'indices' | 'exclusions'>): EntitySchema {
  const table = tableName(entity);
  const columns: Record<string, EntitySchemaColumnOptions> = {
    [SYSTEM_COLUMNS.id]: { type: 'uuid', primary: true, generated: 'uuid', primaryKeyConstraintName: primaryKeyName(table) },
    [SYSTEM_COLUMNS.version]: { type: 'integer', default: 1 },
    [SYSTEM_COLUMNS.createdAt]: { type: 'timestamptz', default: () => 'now()' },
    [SYSTEM_COLUMNS.updatedAt]: { type: 'timestamptz', default: () => 'now()' },
  };
  const relations: Record<string, EntitySchemaRelationOptions> = {};
  const indices: EntitySchemaIndexOptions[] = [...(extra?.indices ?? [])];
  const uniques: { name: string; columns: string[] }[] = [];

  for (const field of entity.fields) {
    if (field.type === 'references') continue;
    const column = columnName(field);
    const storage = columnStorage(field);
    columns[column] = {
      type: storage.type,
      ...(storage.length !== undefined ? { length: storage.length } : {}),
      ...(storage.precision !== undefined ? { precision: storage.precision, scale: storage.scale } : {}),
      ...(storage.array ? { array: true } : {}),
      nullable: !field.required,
      ...(field.default !== undefined && field.default !== null ? { default: schemaDefault(field) } : {}),
    };
    if (field.unique) uniques.push({ name: uniqueConstraintName(table, column), columns: [column] });
    if (field.type === 'reference') {
      relations[`${column}_ref`] = {
        type: 'many-to-one',
        target: field.target!,
        joinColumn: { name: column, referencedColumnName: 'id', foreignKeyConstraintName: foreignKeyName(table, column) },
        onDelete: onDeleteSql(field.onDelete ?? 'restrict'),
        nullable: !field.required,
        createForeignKeyConstraints: true,
      };
    }
    if (field.type === 'multiChoice' && field.indexed) {
      indices.push({ name: indexName(table, column), columns: [column], synchronize: false });
    } else if (field.type === 'reference' || (field.indexed && !field.unique)) {
      indices.push({ name: indexName(table, column), columns: [column] });
    }
  }
  return new EntitySchema({ name: entity.name, tableName: table, columns, relations, indices, uniques, exclusions: extra?.exclusions ?? [] });
}

function linkEntitySchemaOf(entity: EntityDefinition, field: FieldDefinition): EntitySchema {
  const names = linkTableNames(entity, field);
  const fk = (column: string, target: string): EntitySchemaRelationOptions => ({
    type: 'many-to-one',
    target,
    joinColumn: { name: column, referencedColumnName: 'id', foreignKeyConstraintName: foreignKeyName(names.table, column) },
    onDelete: 'CASCADE',
    nullable: false,
  });
  return new EntitySchema({
    name: `${entity.name}.${field.name}`,
    tableName: names.table,
    columns: {
      [names.sourceColumn]: { type: 'uuid', primary: true, primaryKeyConstraintName: primaryKeyName(names.table) },
      [names.targetColumn]: { type: 'uuid', primary: true, primaryKeyConstraintName: primaryKeyName(names.table) },
    },
    relations: {
      [`${names.sourceColumn}_ref`]: fk(names.sourceColumn, entity.name),
      [`${names.targetColumn}_ref`]: fk(names.targetColumn, field.target!),
    },
    // The primary key covers lookups by source; this one serves the inverse direction.
    indices: [{ name: indexName(names.table, names.targetColumn), columns: [names.targetColumn] }],
  });
}

function onDeleteSql(action: OnDeleteAction): 'RESTRICT' | 'CASCADE' | 'SET NULL' {
  return action === 'cascade' ? 'CASCADE' : action === 'setNull' ? 'SET NULL' : 'RESTRICT';
}

/**
 * The default as TypeORM compares it with the database: it reads an integral default back as
 * `'0'`, which matches a number default but not the SQL text `0`, so integral numbers stay
 * numbers (else every synchronisation would set them again).
 */
function schemaDefault(field: FieldDefinition): number | (() => string) {
  return typeof field.default === 'number' && Number.isInteger(field.default) ? field.default : columnDefault(field);
}

/** A literal SQL default, quoted safely: TypeORM inserts string defaults verbatim. */
export function columnDefault(field: FieldDefinition): () => string {
  const value = field.default;
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  if (typeof value === 'boolean' || typeof value === 'number') return () => String(value);
  if (Array.isArray(value)) return () => `ARRAY[${value.map((v) => literal(String(v))).join(', ')}]::text[]`;
  if (typeof value === 'object') return () => `${literal(JSON.stringify(value))}::jsonb`;
  return () => literal(String(value));
}
