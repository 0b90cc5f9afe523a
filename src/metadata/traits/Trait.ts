import type { GraphQLFieldConfigMap } from 'graphql';
import type { RequestContext } from '../../resolvers/context';
import type { GeneratedTypes } from '../../schema/GeneratedTypes';
import type { ColumnStep } from '../../transfer/ColumnStep';
import type { MetadataRegistry } from '../MetadataRegistry';
import type { EntityDefinition } from '../types';

export type Fields = GraphQLFieldConfigMap<unknown, RequestContext>;

/**
 * A capability that definitions switch on (contract section 6), as a small hook object in
 * the style of Pothos plugins. Every hook is optional; the schema builder calls them in a
 * fixed order (types, record fields, root fields), and the query compiler reaches
 * trait fields only through the bindings those fields carry, so it never knows traits.
 * Storage a trait owns is decided from the metadata in `src/entities/traitTables.ts`.
 */
export interface Trait {
  readonly name: string;
  /** What the trait adds to a normalised definition before validation, e.g. the fields it manages. */
  readonly expandDefinition?: (definition: EntityDefinition) => EntityDefinition;
  /** The types it serves: usually those that name it under `traits:` (`declaredBy`). */
  appliesTo(entity: EntityDefinition, registry: MetadataRegistry): boolean;
  /** Fields added to the record's object type (each with a `computed` binding). */
  onObjectFields?(types: GeneratedTypes, entity: EntityDefinition): Fields;
  /** Query fields, given every type it applies to (possibly none). */
  queryFields?(types: GeneratedTypes, entities: readonly EntityDefinition[]): Fields;
  /** Mutation fields, given every type it applies to (possibly none). */
  mutationFields?(types: GeneratedTypes, entities: readonly EntityDefinition[]): Fields;
  /** To-one steps it adds to export column paths on the record (`defaultAddress(kind: billing).city`). */
  columnSteps?(entity: EntityDefinition): Readonly<Record<string, ColumnStep>>;
}

/** A trait named in `traits:` applies to the types that name it. */
export function declaredBy(name: EntityDefinition['traits'][number]): Trait['appliesTo'] {
  return (entity) => entity.traits.includes(name);
}
