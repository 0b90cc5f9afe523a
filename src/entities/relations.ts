import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import { columnName, linkTableNames, tableName } from './storageNames';
import { traitFilterRelationsOf } from './traitTables';

/**
 * A to-many relation seen from one record: an inverse of a reference (children hold a
 * foreign key to us) or either side of a `references` link table.
 */
export type ToManyRelation =
  | { readonly kind: 'foreignKey'; readonly target: EntityDefinition; readonly table: string; readonly foreignKey: string }
  | {
      readonly kind: 'link';
      readonly target: EntityDefinition;
      readonly table: string;
      readonly linkTable: string;
      /** Link column holding our id. */
      readonly ownColumn: string;
      /** Link column holding the related record's id. */
      readonly otherColumn: string;
    };

export interface NamedToManyRelation {
  readonly name: string;
  readonly relation: ToManyRelation;
  /** The field that declares it: on this type for `references`, on the other for inverses. */
  readonly declaredBy: FieldDefinition;
}

const computed = new WeakMap<MetadataRegistry, Map<string, readonly NamedToManyRelation[]>>();

/** The to-many fields of a type: its own `references` fields, then inverses declared elsewhere. */
export function toManyRelationsOf(registry: MetadataRegistry, entity: EntityDefinition): readonly NamedToManyRelation[] {
  let byEntity = computed.get(registry);
  if (!byEntity) {
    byEntity = new Map();
    computed.set(registry, byEntity);
  }
  let relations = byEntity.get(entity.name);
  if (!relations) {
    relations = relationsOf(registry, entity);
    byEntity.set(entity.name, relations);
  }
  return relations;
}

/** The to-many fields, then relations traits add for `where` only (addresses). */
export function filterRelationsOf(registry: MetadataRegistry, entity: EntityDefinition): readonly NamedToManyRelation[] {
  const traitRelations = traitFilterRelationsOf(entity);
  return traitRelations.length === 0 ? toManyRelationsOf(registry, entity) : [...toManyRelationsOf(registry, entity), ...traitRelations];
}

function relationsOf(registry: MetadataRegistry, entity: EntityDefinition): NamedToManyRelation[] {
  const own = entity.fields
    .filter((f) => f.type === 'references')
    .map((field): NamedToManyRelation => {
      const target = registry.get(field.target!);
      const link = linkTableNames(entity, field);
      return {
        name: field.name,
        declaredBy: field,
        relation: { kind: 'link', target, table: tableName(target), linkTable: link.table, ownColumn: link.sourceColumn, otherColumn: link.targetColumn },
      };
    });
  const inverses = registry.inversesOf(entity.name).map((inverse): NamedToManyRelation => {
    const source = registry.get(inverse.source);
    if (inverse.field.type === 'references') {
      const link = linkTableNames(source, inverse.field);
      return {
        name: inverse.name,
        declaredBy: inverse.field,
        relation: { kind: 'link', target: source, table: tableName(source), linkTable: link.table, ownColumn: link.targetColumn, otherColumn: link.sourceColumn },
      };
    }
    return {
      name: inverse.name,
      declaredBy: inverse.field,
      relation: { kind: 'foreignKey', target: source, table: tableName(source), foreignKey: columnName(inverse.field) },
    };
  });
  return [...own, ...inverses];
}
