import { definitionField } from '../definitionField';
import type { EntityDefinition } from '../types';

const models = new WeakMap<EntityDefinition, Map<EntityDefinition, EntityDefinition>>();

/**
 * The stored model of rows a trait keeps per record (addresses, attribute values): `base`
 * named `<type><Base>` (table `<table>_<base>`) with a `record` reference deleted with the record.
 */
export function recordOwnedModel(base: EntityDefinition, entity: EntityDefinition, suffix: string): EntityDefinition {
  let byEntity = models.get(base);
  if (!byEntity) models.set(base, (byEntity = new Map()));
  let model = byEntity.get(entity);
  if (!model) {
    const record = definitionField('record', 'reference', { required: true, target: entity.name, onDelete: 'cascade' });
    model = { ...base, name: `${entity.name}${suffix}`, fields: [record, ...base.fields], file: entity.file };
    byEntity.set(entity, model);
  }
  return model;
}
