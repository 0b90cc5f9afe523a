import { GraphQLInputObjectType, GraphQLList, GraphQLNonNull, type GraphQLInputFieldConfigMap } from 'graphql';
import { traitFilterRelationsOf } from '../entities/traitTables';
import type { EntityDefinition } from '../metadata/types';
import { scalarFieldMapping } from './fieldTypeMap';
import type { GeneratedTypes } from './GeneratedTypes';
import { inflection } from './inflection';

/**
 * `<T>Where` (contract section 3): AND/OR/NOT, a filter per field by its type, the target's
 * Where through a reference, and some/none/every over to-many relations.
 */
export function buildWhereType(types: GeneratedTypes, entity: EntityDefinition): GraphQLInputObjectType {
  const self: GraphQLInputObjectType = new GraphQLInputObjectType({
    name: inflection.whereType(entity),
    fields: () => {
      const fields: GraphQLInputFieldConfigMap = {
        AND: { type: new GraphQLList(new GraphQLNonNull(self)), description: 'all of these' },
        OR: { type: new GraphQLList(new GraphQLNonNull(self)), description: 'at least one of these' },
        NOT: { type: self, description: 'not this' },
        id: { type: types.filters.id },
        version: { type: types.filters.int },
        createdAt: { type: types.filters.datetime },
        updatedAt: { type: types.filters.datetime },
      };
      for (const field of types.readableFields(entity)) {
        if (field.type === 'reference') fields[field.name] = { type: types.where(types.registry.get(field.target!)) };
        else if (field.type !== 'references') fields[field.name] = { type: types.filters[scalarFieldMapping(field.type).filter] };
      }
      // Rows a trait keeps per record (addresses, attributes) filter like any to-many relation.
      for (const { name, relation } of [...types.readableRelations(entity), ...traitFilterRelationsOf(entity)]) {
        fields[name] = { type: types.toManyFilter(relation.target) };
      }
      return fields;
    },
  });
  return self;
}

/** `{ some, none, every }` over related records of `entity`. */
export function buildToManyFilterType(types: GeneratedTypes, entity: EntityDefinition): GraphQLInputObjectType {
  return new GraphQLInputObjectType({
    name: inflection.toManyFilterType(entity),
    fields: () => ({
      some: { type: types.where(entity), description: 'at least one related record matches' },
      none: { type: types.where(entity), description: 'no related record matches' },
      every: { type: types.where(entity), description: 'every related record matches (true when there are none)' },
    }),
  });
}

/** `<T>OrderBy`: one field per element, e.g. `[{ name: ASC }, { createdAt: DESC }]`. */
export function buildOrderByType(types: GeneratedTypes, entity: EntityDefinition): GraphQLInputObjectType {
  return new GraphQLInputObjectType({
    name: inflection.orderByType(entity),
    description: 'Give exactly one field per list element; ties are broken by id.',
    fields: () => {
      const fields: GraphQLInputFieldConfigMap = {
        id: { type: types.sortDirection },
        version: { type: types.sortDirection },
        createdAt: { type: types.sortDirection },
        updatedAt: { type: types.sortDirection },
      };
      for (const field of types.readableFields(entity)) {
        if (field.type === 'reference' || field.type === 'references') continue;
        if (scalarFieldMapping(field.type).sortable) fields[field.name] = { type: types.sortDirection };
      }
      return fields;
    },
  });
}
