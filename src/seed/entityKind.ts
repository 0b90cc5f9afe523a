import type { EntityDefinition } from '../metadata/types';

/**
 * What a type's records stand for, guessed from its name, so that a `name` field holds a
 * company name on `company`, a person's name on `employee`, and a topic elsewhere.
 */
export type EntityKind = 'person' | 'company' | 'other';

const PERSON = /person|people|contact|employee|staff|patient|member|user|lead|student|doctor|client/i;
const COMPANY = /company|compan|organi[sz]ation|account|customer|supplier|partner|firm|insurer|vendor|club|school|hospital/i;

export function entityKind(entity: Pick<EntityDefinition, 'name'>): EntityKind {
  if (PERSON.test(entity.name)) return 'person';
  if (COMPANY.test(entity.name)) return 'company';
  return 'other';
}
