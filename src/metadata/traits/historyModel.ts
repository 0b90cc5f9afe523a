import { definitionField as field } from '../definitionField';
import { engineModel } from '../engineModel';
import type { EntityDefinition } from '../types';
import { recordOwnedModel } from './recordOwnedModel';

/**
 * A period of a temporal field (`temporal: true`, contract section 6): the field's value from
 * validFrom until the day before validTo. Each type with temporal fields keeps them in one
 * table, `<table>_history`, whose periods never overlap per record and field.
 */
export const HISTORY_MODEL: EntityDefinition = engineModel({
  name: 'fieldPeriod',
  plural: 'fieldPeriods',
  label: { en: 'Period', de: 'Zeitraum' },
  fields: [
    field('field', 'string', { required: true, maxLength: 63 }),
    field('value', 'json'),
    field('validFrom', 'date', { required: true }),
    field('validTo', 'date'),
  ],
  file: '(temporal fields)',
});

export function temporalFieldsOf(entity: EntityDefinition) {
  return entity.fields.filter((f) => f.temporal);
}

/** The stored model of `entity`'s field periods: table `<table>_history`, deleted with the record. */
export function historyModelOf(entity: EntityDefinition): EntityDefinition {
  return recordOwnedModel(HISTORY_MODEL, entity, 'History');
}
