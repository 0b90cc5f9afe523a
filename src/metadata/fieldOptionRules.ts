import { FIELD_TYPES, type FieldType } from './types';

const TEXT_TYPES: readonly FieldType[] = ['string', 'text', 'email', 'phone', 'url'];
const NUMBER_TYPES: readonly FieldType[] = ['integer', 'decimal', 'money'];
const CHOICE_TYPES: readonly FieldType[] = ['choice', 'multiChoice'];
const REFERENCE_TYPES: readonly FieldType[] = ['reference', 'references'];

function allExcept(...excluded: FieldType[]): readonly FieldType[] {
  return FIELD_TYPES.filter((type) => !excluded.includes(type));
}

/**
 * The field types each option applies to (contract section 2). Options not listed here
 * (required, label, description, sensitive, readRoles, writeRoles, deprecated, renamedFrom)
 * apply to every type.
 */
export const FIELD_OPTION_TYPES: Readonly<Record<string, readonly FieldType[]>> = {
  maxLength: TEXT_TYPES,
  pattern: TEXT_TYPES,
  min: NUMBER_TYPES,
  max: NUMBER_TYPES,
  options: CHOICE_TYPES,
  list: CHOICE_TYPES,
  target: REFERENCE_TYPES,
  inverse: REFERENCE_TYPES,
  onDelete: ['reference'],
  unique: allExcept('multiChoice', 'references', 'json', 'boolean'),
  indexed: allExcept('references'),
  temporal: allExcept('reference', 'references'),
  default: allExcept('reference', 'references'),
};

/** Whether `option` may be given on a field of `type`. */
export function optionApplies(option: string, type: FieldType): boolean {
  return FIELD_OPTION_TYPES[option]?.includes(type) ?? true;
}

export function isFieldType(value: unknown): value is FieldType {
  return typeof value === 'string' && (FIELD_TYPES as readonly string[]).includes(value);
}

export function isChoiceType(type: FieldType): boolean {
  return CHOICE_TYPES.includes(type);
}

export function isReferenceType(type: FieldType): boolean {
  return REFERENCE_TYPES.includes(type);
}
