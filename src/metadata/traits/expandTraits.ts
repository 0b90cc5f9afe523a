import type { EntityDefinition, TraitName } from '../types';
import { owned } from './owned';
import type { Trait } from './Trait';

/** The traits that have hooks so far; the others are accepted names only (contract section 2). */
const TRAITS: Partial<Record<TraitName, Trait>> = { owned };

/** Applies each of the definition's traits' `expandDefinition` hook, in the order listed. */
export function expandTraits(definition: EntityDefinition): EntityDefinition {
  return definition.traits.reduce((expanded, name) => TRAITS[name]?.expandDefinition?.(expanded) ?? expanded, definition);
}
