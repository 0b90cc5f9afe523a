import type { EntityDefinition, FieldDefinition, LocalizedText, TraitName } from './types';

/** A model the engine defines itself (address, attribute value, field period, journal entry). */
export function engineModel(model: {
  name: string;
  plural: string;
  label: LocalizedText;
  fields: readonly FieldDefinition[];
  /** Where its problems would point: the trait that defines it. */
  file: string;
  layout?: EntityDefinition['layout'];
  builtIn?: TraitName;
}): EntityDefinition {
  return { traits: [], addressKinds: [], layout: [], ...model };
}
