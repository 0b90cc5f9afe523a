import { definitionField as field } from '../definitionField';
import { engineModel } from '../engineModel';
import type { EntityDefinition } from '../types';
import { recordOwnedModel } from './recordOwnedModel';

/** The value types an attribute may have (contract section 6). */
export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'choice', 'reference'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/**
 * A value of a runtime-defined attribute with its validity period `[validFrom, validTo)`
 * (contract section 6), as a model of its own like the address: `AttributeValueWhere` and
 * `where: { attributes: { some: ... } }` then come from the generic builders.
 */
export const ATTRIBUTE_VALUE_MODEL: EntityDefinition = engineModel({
  name: 'attributeValue',
  plural: 'attributeValues',
  label: { en: 'Attribute value', de: 'Merkmalswert' },
  fields: [
    field('name', 'string', { required: true, maxLength: 63 }),
    field('value', 'json'),
    field('validFrom', 'date', { required: true }),
    field('validTo', 'date', { description: { en: 'First day it no longer holds; none: open-ended.' } }),
  ],
  file: '(attributes trait)',
});

/** The stored model of `entity`'s attribute values: table `<table>_attribute`, deleted with the record. */
export function attributeModelOf(entity: EntityDefinition): EntityDefinition {
  return recordOwnedModel(ATTRIBUTE_VALUE_MODEL, entity, 'Attribute');
}
