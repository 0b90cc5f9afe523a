import { addressesTrait } from './addresses';
import { attributesTrait } from './attributes';
import { journalTrait } from './journal';
import { journalLinksTrait } from './journalLinks';
import { masterListsTrait } from './masterLists';
import { temporalTrait } from './temporal';
import type { Trait } from './Trait';

/** Every capability the engine serves, in the order the schema builder applies them. */
export const TRAITS: readonly Trait[] = [masterListsTrait, temporalTrait, addressesTrait, attributesTrait, journalTrait, journalLinksTrait];

export type { Trait } from './Trait';
