import { assertValidSchema, GraphQLObjectType, GraphQLSchema, type GraphQLFieldConfigMap } from 'graphql';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { GeneratedTypes } from './GeneratedTypes';
import { staticSchemaPart } from './metadataType';
import { mutationFieldsOf, queryFieldsOf, type ResolverFactory } from './rootFields';
import { selectionFields } from './selectionTypes';
import { transferFields } from './transferTypes';

/**
 * The served schema of a model: pure and synchronous (no I/O), so it can be rebuilt and
 * swapped at any time. The static type-graphql part (`metadata`) is merged into Query.
 */
export function buildSchema(registry: MetadataRegistry, resolvers: ResolverFactory): GraphQLSchema {
  const types = new GeneratedTypes(registry);
  const staticQuery = staticSchemaPart().getQueryType()!.toConfig().fields;
  const queryFields: GraphQLFieldConfigMap<unknown, unknown> = { ...staticQuery };
  const mutationFields: GraphQLFieldConfigMap<unknown, unknown> = {};
  for (const entity of registry.entities) {
    Object.assign(queryFields, queryFieldsOf(types, entity, resolvers));
    Object.assign(mutationFields, mutationFieldsOf(types, entity, resolvers));
  }
  if (registry.entities.length > 0) {
    const selections = selectionFields(types, resolvers.selections);
    Object.assign(queryFields, selections.query);
    Object.assign(mutationFields, selections.mutation, transferFields(resolvers.transfer));
  }
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: queryFields }),
    mutation: registry.entities.length ? new GraphQLObjectType({ name: 'Mutation', fields: mutationFields }) : undefined,
    // Every record type, also those no field leads to, and Record's implementations.
    types: registry.entities.map((e) => types.object(e)),
  });
  assertValidSchema(schema);
  return schema;
}
