import { addressesTrait } from './addresses';
import { masterListsTrait } from './masterLists';
import type { Trait } from './Trait';

/** Every capability the engine serves, in the order the schema builder applies them. */
export const TRAITS: readonly Trait[] = [masterListsTrait, addressesTrait];

export type { Trait, WrappedOperation } from './Trait';
