import { GraphQLID, GraphQLInt, GraphQLNonNull, GraphQLString, type GraphQLFieldConfigMap, type GraphQLFieldResolver } from 'graphql';
import type { EntityDefinition } from '../metadata/types';
import type { GeneratedTypes } from './GeneratedTypes';
import { inflection } from './inflection';
import { localize } from './labels';
import { DateScalar, JsonScalar } from './scalars';
import type { SelectionResolvers } from './selectionTypes';
import type { TransferResolvers } from './transferTypes';

// A table of resolvers with different args: graphql-js's own field maps type them as any.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Resolver = GraphQLFieldResolver<unknown, any, any>;

const hasTemporalFields = (entity: EntityDefinition) => entity.fields.some((f) => f.temporal);

/** The generic resolvers, each a closure over one definition (injected: schema never imports resolvers). */
export interface ResolverFactory {
  getById(entity: EntityDefinition): Resolver;
  list(entity: EntityDefinition): Resolver;
  create(entity: EntityDefinition): Resolver;
  update(entity: EntityDefinition): Resolver;
  delete(entity: EntityDefinition): Resolver;
  reassign(entity: EntityDefinition): Resolver;
  /** `history` on a record: its source value is the record's id. */
  history(entity: EntityDefinition): Resolver;
  auditEntries(): Resolver;
  exportPersonalData(): Resolver;
  erasePersonalData(): Resolver;
  /** Selections and snapshots over all types (contract section 7). */
  readonly selections: SelectionResolvers;
  /** Export and import of records (contract section 7). */
  readonly transfer: TransferResolvers;
}

/** `<type>(id:)` and `<plural>(...)` (contract section 3), when the caller may read the type. */
export function queryFieldsOf(types: GeneratedTypes, entity: EntityDefinition, resolvers: ResolverFactory) {
  if (!types.access.can(entity, 'read')) return {};
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

/** `auditEntries(...)`: the whole audit trail, for roles with audit access (issue 5). */
export function auditQueryFields(types: GeneratedTypes, resolvers: ResolverFactory): GraphQLFieldConfigMap<unknown, unknown> {
  return {
    auditEntries: {
      type: new GraphQLNonNull(types.audit.connection),
      description: 'Audit entries, newest first, optionally of one type, record or actor.',
      args: { type: { type: GraphQLString }, recordId: { type: GraphQLID }, actor: { type: GraphQLString }, ...types.audit.pageArgs },
      resolve: resolvers.auditEntries(),
    },
  };
}

/** GDPR (issue 5): `exportPersonalData` on Query and `erasePersonalData` on Mutation, for roles with personal-data access. */
export function personalDataFields(types: GeneratedTypes, resolvers: ResolverFactory) {
  const args = { type: { type: new GraphQLNonNull(GraphQLString), description: 'A type name, e.g. person.' }, id: { type: new GraphQLNonNull(GraphQLID) } };
  return {
    query: {
      exportPersonalData: {
        type: new GraphQLNonNull(JsonScalar),
        description: 'Everything held about a record: its fields, the records referencing it and its audit entries.',
        args,
        resolve: resolvers.exportPersonalData(),
      },
    } satisfies GraphQLFieldConfigMap<unknown, unknown>,
    mutation: {
      erasePersonalData: {
        type: new GraphQLNonNull(GraphQLID),
        description: 'Anonymises the personal and sensitive fields of a record in place; audited.',
        args,
        resolve: resolvers.erasePersonalData(),
      },
    } satisfies GraphQLFieldConfigMap<unknown, unknown>,
  };
}

/**
 * `create<Type>`, `update<Type>`, `delete<Type>` (contract section 3) and, for owned types,
 * `reassign<Type>` (section 6): each only when the caller's roles grant it (issue 5); none for a
 * trait's built-in type.
 */
export function mutationFieldsOf(types: GeneratedTypes, entity: EntityDefinition, resolvers: ResolverFactory) {
  // A trait's own type is written through that trait's mutations only.
  if (entity.builtIn) return {};
  const object = new GraphQLNonNull(types.object(entity));
  const id = { type: new GraphQLNonNull(GraphQLID) };
  const can = (operation: 'create' | 'update' | 'delete' | 'reassign') => types.access.can(entity, operation);
  const hasInput = types.writableFields(entity).length > 0;
  const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
  if (can('create') && hasInput) {
    fields[inflection.createMutation(entity)] = {
      type: object,
      args: { input: { type: new GraphQLNonNull(types.createInput(entity)) } },
      resolve: resolvers.create(entity),
    };
  }
  if (can('update') && hasInput) {
    fields[inflection.updateMutation(entity)] = {
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
    };
  }
  if (can('delete')) {
    fields[inflection.deleteMutation(entity)] = { type: new GraphQLNonNull(GraphQLID), args: { id }, resolve: resolvers.delete(entity) };
  }
  if (entity.traits.includes('owned') && can('reassign')) {
    fields[inflection.reassignMutation(entity)] = {
      type: types.object(entity), // null when the change takes the record out of the caller's sight
      description: 'Changes owner, team or area; only the arguments given change, null clears team or area.',
      args: { id, owner: { type: GraphQLString }, team: { type: GraphQLString }, area: { type: GraphQLString } },
      resolve: resolvers.reassign(entity),
    };
  }
  return fields;
}
