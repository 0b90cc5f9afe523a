import type { FieldDefinition } from '../types';

/** The columns of the owned trait's fields (their names are already snake_case). */
export const OWNED_COLUMNS = { owner: 'owner', team: 'team', area: 'area' } as const;
import { declaredBy, type Trait } from './Trait';

const managed = (name: string, maxLength: number, label: { en: string; de: string }): FieldDefinition => ({
  name,
  type: 'string',
  required: false,
  unique: false,
  indexed: true,
  maxLength,
  label,
  sensitive: false,
  personal: false,
  temporal: false,
  managedBy: 'owned',
});

/**
 * `owned` (contract section 6, issue 5): owner (a user id as in the token's `sub`), team and
 * area on every record. They are ordinary columns for reading, filtering and ordering, but
 * not part of create/update inputs: the owner defaults to the creator, and changing any of
 * them is `reassign<Type>`, a permission of its own. Nullable, so the trait can be added to
 * a type that already holds records.
 */
export const owned: Trait = {
  name: 'owned',
  appliesTo: declaredBy('owned'),
  expandDefinition: (definition) => ({
    ...definition,
    fields: [
      ...definition.fields,
      managed('owner', 200, { en: 'Owner', de: 'Besitzer' }),
      managed('team', 100, { en: 'Team', de: 'Team' }),
      managed('area', 100, { en: 'Area', de: 'Gebiet' }),
    ],
  }),
};
