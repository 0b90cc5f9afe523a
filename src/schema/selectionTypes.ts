import {
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
  type GraphQLFieldResolver,
} from 'graphql';
import { byResponseKey, type TypeBinding } from './bindings';
import { campaignFields } from './campaignTypes';
import type { GeneratedTypes } from './GeneratedTypes';
import { DateTimeScalar, JsonScalar } from './scalars';
import { listOf, listOrNull, nonNull } from './typeWrappers';

// A table of resolvers with different args: graphql-js's own field maps type them as any.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Resolver = GraphQLFieldResolver<any, any, any>;

/** Resolvers of selections and snapshots (injected, src/selections). */
export interface SelectionResolvers {
  readonly selections: Resolver;
  readonly selection: Resolver;
  readonly runSelection: Resolver;
  readonly previewSelection: Resolver;
  readonly snapshot: Resolver;
  readonly snapshotMembers: Resolver;
  readonly createSelection: Resolver;
  readonly updateSelection: Resolver;
  readonly deleteSelection: Resolver;
  readonly snapshotSelection: Resolver;
  readonly recordCampaign: Resolver;
}


/**
 * Selections, snapshots and campaigns over them (contract section 7): `RecordConnection` lists records of any type
 * through the `Record` interface (`... on Person { lastName }`), compiled like every connection.
 */
export function selectionFields(types: GeneratedTypes, resolvers: SelectionResolvers) {
  const recordEdge = new GraphQLObjectType({
    name: 'RecordEdge',
    fields: { cursor: { type: nonNull(GraphQLString), resolve: byResponseKey }, node: { type: nonNull(types.recordInterface), resolve: byResponseKey } },
  });
  const binding: TypeBinding = { kind: 'recordConnection' };
  const recordConnection = new GraphQLObjectType({
    name: 'RecordConnection',
    extensions: { relata: binding },
    description: 'Records of one type, typed by the Record interface: select fields with `... on <Type>`.',
    fields: {
      nodes: { type: listOf(types.recordInterface), resolve: byResponseKey },
      edges: { type: listOf(recordEdge), resolve: byResponseKey },
      pageInfo: { type: nonNull(types.pageInfo), resolve: byResponseKey },
      totalCount: { type: nonNull(GraphQLInt), description: 'All members, not only this page.', resolve: byResponseKey },
    },
  });
  const page = {
    first: { type: GraphQLInt, description: 'Page size (default 50, at most 500).' },
    after: { type: GraphQLString },
  };
  const selection = new GraphQLObjectType({
    name: 'Selection',
    description: 'A saved, named condition over one type (contract section 7).',
    fields: {
      id: { type: nonNull(GraphQLID) },
      name: { type: nonNull(GraphQLString) },
      type: { type: nonNull(GraphQLString), description: 'The type whose records it selects, e.g. "person".' },
      condition: { type: nonNull(JsonScalar), description: 'The `where` language as JSON, with `aggregate` and `selection` nodes.' },
      owner: { type: nonNull(GraphQLString), description: 'The `sub` of the token that created it.' },
      sharedWithRoles: { type: listOf(GraphQLString) },
      version: { type: nonNull(GraphQLInt) },
      createdAt: { type: nonNull(DateTimeScalar) },
      updatedAt: { type: nonNull(DateTimeScalar) },
    },
  });
  const snapshot = new GraphQLObjectType({
    name: 'Snapshot',
    description: 'The members of a selection frozen at one moment, e.g. for a mailing.',
    fields: {
      id: { type: nonNull(GraphQLID) },
      name: { type: nonNull(GraphQLString) },
      type: { type: nonNull(GraphQLString) },
      selection: { type: GraphQLID, description: 'The selection it was taken from; null once that is deleted.' },
      createdAt: { type: nonNull(DateTimeScalar) },
      members: { type: nonNull(recordConnection), args: page, resolve: resolvers.snapshotMembers },
    },
  });
  const input = new GraphQLInputObjectType({
    name: 'SelectionInput',
    fields: {
      name: { type: nonNull(GraphQLString) },
      type: { type: nonNull(GraphQLString) },
      condition: { type: nonNull(JsonScalar) },
      sharedWithRoles: { type: listOrNull(GraphQLString) },
    },
  });
  const updateInput = new GraphQLInputObjectType({
    name: 'SelectionUpdateInput',
    fields: {
      name: { type: GraphQLString },
      condition: { type: JsonScalar },
      sharedWithRoles: { type: listOrNull(GraphQLString) },
    },
  });
  const id = { type: nonNull(GraphQLID) };
  const query: GraphQLFieldConfigMap<unknown, unknown> = {
    selections: {
      type: listOf(selection),
      description: 'Saved selections you own or that are shared with one of your roles, by name.',
      args: { type: { type: GraphQLString } },
      resolve: resolvers.selections,
    },
    selection: { type: selection, args: { id }, resolve: resolvers.selection },
    runSelection: { type: nonNull(recordConnection), args: { id, ...page }, resolve: resolvers.runSelection },
    previewSelection: {
      type: nonNull(recordConnection),
      description: 'Runs a condition without saving it.',
      args: { type: { type: nonNull(GraphQLString) }, condition: { type: nonNull(JsonScalar) }, ...page },
      resolve: resolvers.previewSelection,
    },
    snapshot: { type: snapshot, args: { id }, resolve: resolvers.snapshot },
  };
  const mutation: GraphQLFieldConfigMap<unknown, unknown> = {
    createSelection: { type: nonNull(selection), args: { input: { type: nonNull(input) } }, resolve: resolvers.createSelection },
    updateSelection: {
      type: nonNull(selection),
      args: { id, input: { type: nonNull(updateInput) }, expectedVersion: { type: GraphQLInt } },
      resolve: resolvers.updateSelection,
    },
    deleteSelection: { type: nonNull(GraphQLID), args: { id }, resolve: resolvers.deleteSelection },
    snapshotSelection: {
      type: nonNull(snapshot),
      description: 'Freezes the current members of a selection.',
      args: { id, name: { type: GraphQLString } },
      resolve: resolvers.snapshotSelection,
    },
    ...campaignFields(types, resolvers.recordCampaign),
  };
  return { query, mutation };
}
