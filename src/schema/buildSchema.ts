import { assertValidSchema, GraphQLObjectType, GraphQLSchema, type GraphQLFieldConfigMap } from 'graphql';
import type { AccessPolicy } from '../access/AccessPolicy';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { Trait } from '../metadata/traits/Trait';
import { GeneratedTypes } from './GeneratedTypes';
import { staticSchemaPart } from './metadataType';
import { auditQueryFields, mutationFieldsOf, personalDataFields, queryFieldsOf, type ResolverFactory } from './rootFields';
import { selectionFields } from './selectionTypes';
import { transferFields } from './transferTypes';

/**
 * The served schema of a model: pure and synchronous (no I/O), so it can be rebuilt and
 * swapped at any time. The static type-graphql part (`metadata`) is merged into Query.
 * Traits (contract section 6) add record fields and root fields, in that order, after the generated fields of every type. With `access`, only what those roles may
 * use exists (issue 5); without, everything.
 */
export function buildSchema(registry: MetadataRegistry, resolvers: ResolverFactory, traits: readonly Trait[], access?: AccessPolicy): GraphQLSchema {
  const types = new GeneratedTypes(registry, resolvers, access, traits);
  const staticQuery = staticSchemaPart().getQueryType()!.toConfig().fields;
  const queryFields: GraphQLFieldConfigMap<unknown, unknown> = { ...staticQuery };
  const mutationFields: GraphQLFieldConfigMap<unknown, unknown> = {};
  for (const entity of registry.entities) {
    Object.assign(queryFields, queryFieldsOf(types, entity, resolvers));
    Object.assign(mutationFields, mutationFieldsOf(types, entity, resolvers));
  }
  if (types.access.audit) Object.assign(queryFields, auditQueryFields(types, resolvers));
  if (types.access.personalData) {
    const gdpr = personalDataFields(types, resolvers);
    Object.assign(queryFields, gdpr.query);
    Object.assign(mutationFields, gdpr.mutation);
  }
  // Selections and exports read within the caller's row scopes, imports write within them:
  // offered to every role that may read (import: create or update) some type.
  if (registry.entities.some((e) => types.access.can(e, 'read'))) {
    const selections = selectionFields(types, resolvers.selections);
    const transfer = transferFields(resolvers.transfer);
    Object.assign(queryFields, selections.query);
    Object.assign(mutationFields, selections.mutation, transfer.exports);
    if (registry.entities.some((e) => types.access.can(e, 'create') || types.access.can(e, 'update'))) Object.assign(mutationFields, transfer.imports);
  }
  // A trait's root fields serve only the types the caller may read (queries) or change (mutations);
  // a trait no type uses (master lists of a model without list fields) keeps its own fields.
  for (const trait of traits) {
    const entities = registry.entities.filter((e) => trait.appliesTo(e, registry));
    const readable = entities.filter((e) => types.access.can(e, 'read'));
    const changeable = entities.filter((e) => types.access.can(e, 'update'));
    if (entities.length === 0 || readable.length > 0) Object.assign(queryFields, trait.queryFields?.(types, readable));
    if (entities.length === 0 || changeable.length > 0) Object.assign(mutationFields, trait.mutationFields?.(types, changeable));
  }
  const hasMutations = Object.keys(mutationFields).length > 0;
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: queryFields }),
    mutation: hasMutations ? new GraphQLObjectType({ name: 'Mutation', fields: mutationFields }) : undefined,
    // Every readable record type, also those no field leads to, and Record's implementations.
    types: registry.entities.filter((e) => types.access.can(e, 'read')).map((e) => types.object(e)),
  });
  assertValidSchema(schema);
  return schema;
}
