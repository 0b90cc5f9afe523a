import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import { columnName, foreignKeyName, indexName, linkTableNames, primaryKeyName, tableName, uniqueConstraintName } from './storageNames';

type ObjectKind = 'constraint' | 'index' | 'column' | 'table';

/** One named storage object of the model: table, column, index or foreign key. */
interface StorageObject {
  readonly kind: ObjectKind;
  readonly table: string;
  readonly name: string;
}

type Identity = (definition: EntityDefinition | FieldDefinition) => string;

/**
 * The renames that turn storage named after `before` into storage named after `after`
 * (contract section 5 names, from `storageNames.ts`): foreign keys and indexes first, while
 * tables still have their old names, then columns, then tables. Objects are matched by
 * identity (the name in the new model), so a renamed type carries its constraints, its
 * link tables and the link columns of other types that point at it.
 */
export function renameStatements(before: MetadataRegistry, identity: Identity, after: MetadataRegistry): string[] {
  const old = storageObjects(before, identity);
  const renamed = storageObjects(after, (definition) => definition.name);
  const statements: Record<ObjectKind, string[]> = { constraint: [], index: [], column: [], table: [] };
  for (const [key, from] of old) {
    const to = renamed.get(key);
    if (!to || to.name === from.name) continue;
    statements[from.kind].push(renameSql(from, to));
  }
  return [...statements.constraint, ...statements.index, ...statements.column, ...statements.table];
}

function renameSql(from: StorageObject, to: StorageObject): string {
  switch (from.kind) {
    case 'constraint':
      return `ALTER TABLE "${from.table}" RENAME CONSTRAINT "${from.name}" TO "${to.name}"`;
    case 'index':
      // Renaming the index of a primary key or unique constraint renames the constraint too.
      return `ALTER INDEX IF EXISTS "${from.name}" RENAME TO "${to.name}"`;
    case 'column':
      return `ALTER TABLE "${from.table}" RENAME COLUMN "${from.name}" TO "${to.name}"`;
    case 'table':
      return `ALTER TABLE "${from.name}" RENAME TO "${to.name}"`;
  }
}

function storageObjects(registry: MetadataRegistry, identity: Identity): Map<string, StorageObject> {
  const objects = new Map<string, StorageObject>();
  const add = (key: string, kind: ObjectKind, table: string, name: string) => objects.set(`${kind}:${key}`, { kind, table, name });
  for (const entity of registry.entities) {
    const table = tableName(entity);
    const type = identity(entity);
    add(type, 'table', table, table);
    add(`${type}#pkey`, 'index', table, primaryKeyName(table));
    for (const field of entity.fields) {
      const key = `${type}.${identity(field)}`;
      if (field.type === 'references') {
        const target = identity(registry.get(field.target!));
        const link = linkTableNames(entity, field);
        add(`${key}#link`, 'table', link.table, link.table);
        add(`${key}#link#pkey`, 'index', link.table, primaryKeyName(link.table));
        add(`${key}#source`, 'column', link.table, link.sourceColumn);
        add(`${key}#target:${target}`, 'column', link.table, link.targetColumn);
        add(`${key}#source#fkey`, 'constraint', link.table, foreignKeyName(link.table, link.sourceColumn));
        add(`${key}#target#fkey`, 'constraint', link.table, foreignKeyName(link.table, link.targetColumn));
        add(`${key}#target#idx`, 'index', link.table, indexName(link.table, link.targetColumn));
        continue;
      }
      const column = columnName(field);
      add(key, 'column', table, column);
      add(`${key}#key`, 'index', table, uniqueConstraintName(table, column));
      add(`${key}#idx`, 'index', table, indexName(table, column));
      if (field.type === 'reference') add(`${key}#fkey`, 'constraint', table, foreignKeyName(table, column));
    }
  }
  return objects;
}
