import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { columnName, foreignKeyName, linkTableNames, tableName, uniqueConstraintName } from './storageNames';

/** Which field a named constraint guards, so database errors can name the bad field. */
export interface ConstraintOwner {
  readonly entity: string;
  readonly field: string;
  readonly kind: 'unique' | 'foreignKey' | 'linkSource' | 'linkTarget';
}

export function buildConstraintIndex(registry: MetadataRegistry): ReadonlyMap<string, ConstraintOwner> {
  const index = new Map<string, ConstraintOwner>();
  for (const entity of registry.entities) {
    const table = tableName(entity);
    for (const field of entity.fields) {
      if (field.type === 'references') {
        const link = linkTableNames(entity, field);
        index.set(foreignKeyName(link.table, link.sourceColumn), { entity: entity.name, field: field.name, kind: 'linkSource' });
        index.set(foreignKeyName(link.table, link.targetColumn), { entity: entity.name, field: field.name, kind: 'linkTarget' });
        continue;
      }
      const column = columnName(field);
      if (field.unique) index.set(uniqueConstraintName(table, column), { entity: entity.name, field: field.name, kind: 'unique' });
      if (field.type === 'reference') index.set(foreignKeyName(table, column), { entity: entity.name, field: field.name, kind: 'foreignKey' });
    }
  }
  return index;
}
