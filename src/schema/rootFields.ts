import { GraphQLID, GraphQLInt, GraphQLNonNull, type GraphQLFieldConfigMap, type GraphQLFieldResolver } from 'graphql';
import type { EntityDefinition } from '../metadata/types';
import type { GeneratedTypes } from './GeneratedTypes';
import { inflection } from './inflection';
import { localize } from './labels';
import { DateScalar } from './scalars';
import type { SelectionResolvers } from './selectionTypes';
import type { TransferResolvers } from './transferTypes';

type Resolver = GraphQLFieldResolver<unknown, any, any>;

const hasTemporalFields = (entity: EntityDefinition) => entity.fields.some((f) => f.temporal);

/** The generic resolvers, each a closure over one definition (injected: schema never imports resolvers). */
export interface ResolverFactory {
  getById(entity: EntityDefinition): Resolver;
  list(entity: EntityDefinition): Resolver;
  create(entity: EntityDefinition): Resolver;
  update(entity: EntityDefinition): Resolver;
  delete(entity: EntityDefinition): Resolver;
  /** Selections and snapshots over all types (contract section 7). */
  readonly selections: SelectionResolvers;
  /** Export and import of records (contract section 7). */
  readonly transfer: TransferResolvers;
}

/** `<type>(id:)` and `<plural>(...)` (contract section 3). */
export function queryFieldsOf(types: GeneratedTypes, entity: EntityDefinition, resolvers: ResolverFactory) {
  const label = localize(entity.label, 'en', entity.name);
  const fields: GraphQLFieldConfigMap<unknown, unknown> = {
    [inflection.singleQuery(entity)]: {
      type: types.object(entity),
      description: `One ${label} by id; null when missing or not visible.`,
      args: {
        id: { type: new GraphQLNonNull(GraphQLID) },
        ...(hasTemporalFields(entity) && { asOf: { type: DateScalar, description: 'Temporal fields as they were on this day (default: today).' } }),
      },
      resolve: resolvers.getById(entity),
    },
    [inflection.listQuery(entity)]: {
      type: new GraphQLNonNull(types.connection(entity)),
      description: `${label} records, filtered, ordered and paged.`,
      args: types.connectionArgs(entity),
      resolve: resolvers.list(entity),
    },
  };
  return fields;
}

/** `create<Type>`, `update<Type>`, `delete<Type>` (contract section 3); none for a trait's built-in type. */
export function mutationFieldsOf(types: GeneratedTypes, entity: EntityDefinition, resolvers: ResolverFactory) {
  // A trait's own type is written through that trait's mutations only.
  if (entity.builtIn) return {};
  const object = new GraphQLNonNull(types.object(entity));
  const id = { type: new GraphQLNonNull(GraphQLID) };
  const fields: GraphQLFieldConfigMap<unknown, unknown> = {
    [inflection.createMutation(entity)]: {
      type: object,
      args: { input: { type: new GraphQLNonNull(types.createInput(entity)) } },
      resolve: resolvers.create(entity),
    },
    [inflection.updateMutation(entity)]: {
      type: object,
      args: {
        id,
        input: { type: new GraphQLNonNull(types.updateInput(entity)) },
        expectedVersion: { type: GraphQLInt, description: 'Fails with CONFLICT unless this is still the current version.' },
        ...(hasTemporalFields(entity) && {
          validFrom: { type: DateScalar, description: 'The day the temporal fields written take their new values (default: today).' },
        }),
      },
      resolve: resolvers.update(entity),
    },
    [inflection.deleteMutation(entity)]: {
      type: new GraphQLNonNull(GraphQLID),
      args: { id },
      resolve: resolvers.delete(entity),
    },
  };
  return fields;
}
