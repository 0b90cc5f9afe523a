import { definitionField as field } from '../definitionField';
import { engineModel } from '../engineModel';
import type { EntityDefinition } from '../types';
import { recordOwnedModel } from './recordOwnedModel';

/**
 * An address of the addresses trait (contract section 6) as a model of its own, so storage,
 * `AddressWhere` and the where compiler treat it like any type. Each type with the trait
 * stores its addresses in a table of its own (`addressModelOf`), tied to the record.
 */
export const ADDRESS_MODEL: EntityDefinition = engineModel({
  name: 'address',
  plural: 'addresses',
  label: { en: 'Address', de: 'Anschrift' },
  fields: [
    field('kind', 'string', { required: true, maxLength: 50 }),
    field('street', 'string', { maxLength: 200 }),
    field('extraLines', 'multiChoice'),
    field('postalCode', 'string', { maxLength: 20 }),
    field('city', 'string', { maxLength: 100 }),
    field('country', 'string', { maxLength: 2, pattern: '^[A-Z]{2}$' }),
    field('isDefault', 'boolean', { required: true, default: false }),
  ],
  file: '(addresses trait)',
});

/** The stored model of `entity`'s addresses: table `<table>_address`, deleted with the record. */
export function addressModelOf(entity: EntityDefinition): EntityDefinition {
  return recordOwnedModel(ADDRESS_MODEL, entity, 'Address');
}
