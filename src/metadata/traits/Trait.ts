import type { EntityDefinition, TraitName } from '../types';

/**
 * A standard capability a type switches on with `traits:` (contract section 6), as a small
 * hook object: each hook is optional and sees one definition at a time.
 */
export interface Trait {
  readonly name: TraitName;
  /** What the trait adds to a normalised definition, e.g. the fields it manages. */
  readonly expandDefinition?: (definition: EntityDefinition) => EntityDefinition;
}
