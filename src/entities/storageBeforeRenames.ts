import { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import type { MigrationPlan } from './MigrationPlan';

/**
 * The new model as storage holds it before the plan's own steps run: renamed types and
 * fields under their old names, retyped columns at their old type, and every retired
 * type and field kept (nullable, without default). TypeORM's schema builder brings the
 * database to this model with additions only; `migrationStatements` then retypes and
 * renames in place. `identity` maps each entity and field back to its name in the new
 * model (retired ones keep their own), so storage names can be compared before and after.
 */
export interface StorageBeforeRenames {
  readonly registry: MetadataRegistry;
  readonly identity: ReadonlyMap<EntityDefinition | FieldDefinition, string>;
}

export function storageBeforeRenames(next: MetadataRegistry, plan: MigrationPlan): StorageBeforeRenames {
  const identity = new Map<EntityDefinition | FieldDefinition, string>();
  const oldTypeName = (name: string) => plan.renamedTypes.get(name) ?? name;
  const retargeted = (field: FieldDefinition): FieldDefinition => (field.target ? { ...field, target: oldTypeName(field.target) } : field);
  const dormant = (field: FieldDefinition): FieldDefinition => {
    const { default: _default, ...rest } = retargeted(field);
    return { ...rest, required: false };
  };
  const retiredFieldsOf = (entity: string) =>
    plan.retired.fields.filter((r) => r.entity === entity).map((r) => {
      const field = dormant(r.field);
      identity.set(field, r.field.name);
      return field;
    });

  const entities = next.entities.map((entity) => {
    const fields = entity.fields.map((field) => {
      const retype = plan.retypes.find((r) => r.entity === entity.name && r.field === field.name);
      const stored: FieldDefinition = {
        ...retargeted(field),
        name: plan.renamedFields.get(`${entity.name}.${field.name}`) ?? field.name,
        ...(retype ? storedShape(retype.previous) : {}),
      };
      identity.set(stored, field.name);
      return stored;
    });
    const stored: EntityDefinition = { ...entity, name: oldTypeName(entity.name), fields: [...fields, ...retiredFieldsOf(entity.name)] };
    identity.set(stored, entity.name);
    return stored;
  });
  for (const entity of plan.retired.types) {
    const stored: EntityDefinition = { ...entity, fields: [...entity.fields.map(dormant), ...retiredFieldsOf(entity.name)] };
    stored.fields.forEach((field, index) => identity.set(field, index < entity.fields.length ? entity.fields[index]!.name : field.name));
    identity.set(stored, entity.name);
    entities.push(stored);
  }
  return { registry: new MetadataRegistry(entities), identity };
}

/** The options that decide a column's type and default, as they were stored. */
function storedShape(previous: FieldDefinition): Partial<FieldDefinition> {
  const { type, maxLength, options } = previous;
  return { type, maxLength, options, default: previous.default };
}
