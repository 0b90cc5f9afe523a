import type { FieldDefinition } from './types';

/** A field of a model the engine defines itself (address, journal entry), with the defaults a file would get. */
export function definitionField(name: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return {
    name,
    type,
    required: false,
    unique: false,
    indexed: false,
    label: { en: name },
    sensitive: false,
    personal: false,
    temporal: false,
    ...extra,
  };
}
