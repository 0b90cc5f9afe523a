import type { EntityDefinition } from '../metadata/types';
import type { EntityKind } from './entityKind';
import type { Persona } from './persona';
import type { Random } from './random';

/** What a value generator knows about the record it fills in. */
export interface ValueContext {
  readonly entity: EntityDefinition;
  readonly kind: EntityKind;
  /** Position of the record within its type, from 0; makes derived values unique. */
  readonly index: number;
  readonly persona: Persona;
  readonly random: Random;
}
