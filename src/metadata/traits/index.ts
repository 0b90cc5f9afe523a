import { addressesTrait } from './addresses';
import type { Trait } from './Trait';

/** Every capability the engine serves, in the order the schema builder applies them. */
export const TRAITS: readonly Trait[] = [addressesTrait];

export type { Trait, WrappedOperation } from './Trait';
