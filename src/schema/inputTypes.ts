import {
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLInputFieldConfigMap,
  type GraphQLInputType,
} from 'graphql';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import { scalarFieldMapping } from './fieldTypeMap';
import type { GeneratedTypes } from './GeneratedTypes';
import { inflection } from './inflection';
import { localize } from './labels';

/**
 * Create and update inputs. Fields are nullable in GraphQL even when required: the engine
 * checks `required` with every other rule, so one response names every bad field
 * (contract section 4).
 */
export function buildCreateInputType(types: GeneratedTypes, entity: EntityDefinition): GraphQLInputObjectType {
  return new GraphQLInputObjectType({
    name: inflection.createInputType(entity),
    fields: () => inputFields(types, entity, true),
  });
}

export function buildUpdateInputType(types: GeneratedTypes, entity: EntityDefinition): GraphQLInputObjectType {
  return new GraphQLInputObjectType({
    name: inflection.updateInputType(entity),
    description: 'Only the fields given change; null clears a field.',
    fields: () => inputFields(types, entity, false),
  });
}

function inputFields(types: GeneratedTypes, entity: EntityDefinition, creating: boolean): GraphQLInputFieldConfigMap {
  const fields: GraphQLInputFieldConfigMap = {};
  for (const field of types.writableFields(entity)) {
    const required = creating && field.required && field.default === undefined ? ' Required.' : '';
    fields[field.name] = {
      type: inputTypeOf(field),
      description: `${localize(field.label, 'en', field.name)}.${required}`,
      deprecationReason: field.deprecated,
    };
  }
  return fields;
}

function inputTypeOf(field: FieldDefinition): GraphQLInputType {
  if (field.type === 'reference') return GraphQLID;
  if (field.type === 'references') return new GraphQLList(new GraphQLNonNull(GraphQLID));
  const mapping = scalarFieldMapping(field.type);
  return mapping.list ? new GraphQLList(new GraphQLNonNull(mapping.input)) : mapping.input;
}
