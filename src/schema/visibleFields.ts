import type { AccessPolicy } from '../access/AccessPolicy';
import { toManyRelationsOf, type NamedToManyRelation } from '../entities/relations';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';

/**
 * The parts of a type the caller's schema shows (issue 5): the one place the schema builders
 * ask, so objects, filters, orderings and inputs hide the same things. A reference or
 * relation to a type the caller cannot read is hidden with it.
 */
export function readableFields(registry: MetadataRegistry, access: AccessPolicy, entity: EntityDefinition): FieldDefinition[] {
  return entity.fields.filter((field) => access.readsField(entity, field) && targetReadable(registry, access, field));
}

export function writableFields(registry: MetadataRegistry, access: AccessPolicy, entity: EntityDefinition): FieldDefinition[] {
  return entity.fields.filter((field) => access.writesField(entity, field) && targetReadable(registry, access, field));
}

/** To-many fields whose records and declaring field are both readable. */
export function readableRelations(registry: MetadataRegistry, access: AccessPolicy, entity: EntityDefinition): NamedToManyRelation[] {
  return toManyRelationsOf(registry, entity).filter(({ relation, declaredBy }) => {
    const declaring = entity.fields.includes(declaredBy) ? entity : relation.target;
    return access.can(relation.target, 'read') && access.readsField(declaring, declaredBy) && access.can(entity, 'read');
  });
}

function targetReadable(registry: MetadataRegistry, access: AccessPolicy, field: FieldDefinition): boolean {
  return field.target === undefined || access.can(registry.get(field.target), 'read');
}
