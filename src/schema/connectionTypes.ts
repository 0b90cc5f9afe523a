import { GraphQLBoolean, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } from 'graphql';
import type { EntityDefinition } from '../metadata/types';
import { byResponseKey, type TypeBinding } from './bindings';
import type { GeneratedTypes } from './GeneratedTypes';
import { inflection } from './inflection';

/** `PageInfo`, shared by every connection (contract section 3). */
export function buildPageInfoType(): GraphQLObjectType {
  const binding: TypeBinding = { kind: 'pageInfo' };
  return new GraphQLObjectType({
    name: 'PageInfo',
    extensions: { relata: binding },
    fields: {
      hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean), resolve: byResponseKey },
      hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean), resolve: byResponseKey },
      startCursor: { type: GraphQLString, resolve: byResponseKey },
      endCursor: { type: GraphQLString, resolve: byResponseKey },
    },
  });
}

export function buildConnectionType(types: GeneratedTypes, entity: EntityDefinition): GraphQLObjectType {
  const binding: TypeBinding = { kind: 'connection', entity };
  return new GraphQLObjectType({
    name: inflection.connectionType(entity),
    extensions: { relata: binding },
    fields: () => ({
      nodes: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(types.object(entity)))), resolve: byResponseKey },
      edges: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(types.edge(entity)))), resolve: byResponseKey },
      pageInfo: { type: new GraphQLNonNull(types.pageInfo), resolve: byResponseKey },
      totalCount: { type: new GraphQLNonNull(GraphQLInt), description: 'All matching records, not only this page.', resolve: byResponseKey },
    }),
  });
}

export function buildEdgeType(types: GeneratedTypes, entity: EntityDefinition): GraphQLObjectType {
  const binding: TypeBinding = { kind: 'edge', entity };
  return new GraphQLObjectType({
    name: inflection.edgeType(entity),
    extensions: { relata: binding },
    fields: () => ({
      cursor: { type: new GraphQLNonNull(GraphQLString), resolve: byResponseKey },
      node: { type: new GraphQLNonNull(types.object(entity)), resolve: byResponseKey },
    }),
  });
}
